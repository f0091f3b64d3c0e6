#!/usr/bin/env node
/**
 * Fails when db/schema/ and db/migrations/ disagree, i.e. when `npm run db:generate` would write a new
 * migration. drizzle-kit generate runs against a copy of db/migrations in a temporary directory (same
 * schema, dialect and casing as drizzle.config.ts), and the copy is compared with the original.
 * Exit 0: in sync. Exit 1: one sentence saying what to do (details below it).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const migrations = path.join(root, "db", "migrations");
const schema = path.join(root, "db", "schema", "index.ts");

class CheckFailed extends Error {
  constructor(sentence, details = "") {
    super(sentence);
    this.details = details;
  }
}

function fail(sentence, details = "") {
  throw new CheckFailed(sentence, details);
}

function relative(file) {
  return `./${path.relative(root, file).split(path.sep).join("/")}`;
}

/** Relative path → content of every file below dir. */
function snapshot(dir) {
  const files = new Map();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    files.set(path.relative(dir, full), fs.readFileSync(full, "utf8"));
  }
  return files;
}

function check() {
  if (!fs.existsSync(schema))
    fail(`The schema entry ${path.relative(root, schema)} does not exist; drizzle-kit has nothing to compare.`);

  // drizzle-kit reads `out` relative to the working directory (absolute paths break), so the scratch copy
  // lives inside the project, in the cache directory that npm and git already ignore.
  const cache = path.join(root, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(cache, "check-migrations-"));
  try {
    const out = path.join(tmp, "migrations");
    if (fs.existsSync(migrations)) fs.cpSync(migrations, out, { recursive: true });
    else fs.mkdirSync(out);
    const config = path.join(tmp, "drizzle.config.js");
    fs.writeFileSync(
      config,
      `module.exports = ${JSON.stringify(
        { dialect: "postgresql", schema: relative(schema), out: relative(out), casing: "snake_case" },
        null,
        2,
      )};\n`,
    );

    // drizzle-kit's "exports" hide its bin; it is where npm installed the package.
    const drizzleKit = path.join(root, "node_modules", "drizzle-kit", "bin.cjs");
    const result = spawnSync(process.execPath, [drizzleKit, "generate", `--config=${config}`], {
      cwd: root,
      encoding: "utf8",
      // No terminal: if drizzle-kit wants to ask (e.g. "was this column renamed?"), it must not wait forever.
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 180_000,
      env: { ...process.env, CI: "true" },
    });
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
    // drizzle-kit exits 0 even when it fails, so success is recognised by what it prints.
    const finished = /No schema changes|Your SQL migration file/.test(output);
    if (result.error || result.status !== 0 || !finished) {
      fail(
        "drizzle-kit generate did not finish on its own (a schema error, or a rename question that needs " +
          "`npm run db:generate` in a terminal); fix the schema or generate the migration interactively and commit it.",
        `${result.error ? `${result.error.message}\n` : ""}${output}`,
      );
    }

    const before = snapshot(migrations);
    const after = snapshot(out);
    const added = [...after.keys()].filter((file) => !before.has(file));
    const changed = [...after.keys()].filter((file) => before.has(file) && before.get(file) !== after.get(file));
    const removed = [...before.keys()].filter((file) => !after.has(file));
    if (added.length || changed.length || removed.length) {
      const list = [
        ...added.map((file) => `new:     db/migrations/${file}`),
        ...changed.map((file) => `changed: db/migrations/${file}`),
        ...removed.map((file) => `removed: db/migrations/${file}`),
      ].join("\n");
      const sql = added
        .filter((file) => file.endsWith(".sql"))
        .map((file) => `--- ${file}\n${after.get(file)}`)
        .join("\n");
      fail(
        "db/schema/ has changes that no migration covers: run `npm run db:generate` and commit the new files in db/migrations/.",
        `${list}\n\n${sql}`,
      );
    }
    console.log(
      `Migrations are in sync with db/schema/ (${
        [...before.keys()].filter((f) => f.endsWith(".sql")).length
      } SQL files).`,
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  check();
} catch (error) {
  if (!(error instanceof CheckFailed)) throw error;
  console.error(error.message);
  if (error.details.trim()) console.error(`\n${error.details.trim()}`);
  process.exitCode = 1;
}
