/**
 * One-off helper for merging branches started before ADR 0010's move (delete once every branch is merged):
 * rewrites import specifiers that point at a moved file (scripts/recut-map.json, old path → new path), in every
 * .ts/.tsx/.mjs/.js file under app, db, scripts and test. Relative imports inside a moved file that no longer
 * resolve are resolved from the file's old folder. Prints the files it changed; changes nothing else.
 * Usage: node scripts/rewrite-moved-imports.mjs [--dry-run]
 */
import fs from "node:fs";
import path from "node:path";

const { moves } = JSON.parse(fs.readFileSync(new URL("./recut-map.json", import.meta.url), "utf8"));
const oldOf = Object.fromEntries(Object.entries(moves).map(([o, n]) => [n, o]));
const dryRun = process.argv.includes("--dry-run");

function walk(p, out) {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isDirectory()) {
    if (p.includes("node_modules") || p.startsWith(path.join("db", "migrations"))) return;
    for (const entry of fs.readdirSync(p)) walk(path.join(p, entry), out);
  } else if (/\.(ts|tsx|mjs|js)$/.test(p)) out.push(p);
}
const files = [];
for (const root of ["app", "db", "scripts", "test"]) walk(root, files);

const suffixes = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"];
function lookup(base) {
  for (const suffix of suffixes) {
    const candidate = base + suffix;
    if (moves[candidate]) return { target: moves[candidate], suffix };
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile())
      return { target: candidate, suffix, unmoved: true };
  }
  return null;
}

const changed = [];
for (const file of files) {
  const source = fs.readFileSync(file, "utf8");
  const result = source.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:do)?[mM]ock\(\s*)(["'])([^"']+)\2/g,
    (match, pre, quote, spec) => {
      if (!spec.startsWith("~/") && !spec.startsWith(".")) return match;
      const base = spec.startsWith("~/")
        ? path.join("app", spec.slice(2))
        : path.normalize(path.join(path.dirname(file), spec));
      const direct = lookup(base);
      if (direct?.unmoved) return match; // resolves as written
      const hit =
        direct ??
        (oldOf[file] && spec.startsWith(".")
          ? lookup(path.normalize(path.join(path.dirname(oldOf[file]), spec)))
          : null);
      if (!hit) return match;
      const targetBase =
        hit.suffix && hit.target.endsWith(hit.suffix) ? hit.target.slice(0, -hit.suffix.length) : hit.target;
      let next;
      if (spec.startsWith("~/")) next = "~/" + path.relative("app", targetBase);
      else {
        next = path.relative(path.dirname(file), targetBase);
        if (!next.startsWith(".")) next = "./" + next;
      }
      return next === spec ? match : pre + quote + next + quote;
    },
  );
  if (result !== source) {
    changed.push(file);
    if (!dryRun) fs.writeFileSync(file, result);
  }
}
console.log(changed.length ? changed.join("\n") : "no import points at a moved file");
