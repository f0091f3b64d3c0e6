/**
 * Migrated template databases, and copies of them with the demo data loaded, made once per test run so that
 * each test file gets its own copy quickly (see test/support/db.ts and `npm run bench` for the measurements).
 * Used by the integration project's globalSetup (global-db.ts) and by test/support/db.ts; no Vitest
 * runtime imports here, so the benchmark can use it too.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { openDatabase } from "../../app/server/core/db.server";
import { inPool } from "./pool";

/** db/seed.ts is large; the test files import this module without needing it, so it is loaded when used. */
async function seedDemoData(db: Parameters<(typeof import("../../db/seed"))["seedDemoData"]>[0], now: Date) {
  const seed = await import("../../db/seed");
  return seed.seedDemoData(db, { now });
}

/** A run id sorts by time and starts with the creation time, so stale databases can be recognised. */
export function newRunId(): string {
  return `${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
}

export function randomSuffix(): string {
  return crypto.randomBytes(4).toString("hex");
}

// ---- PGlite -------------------------------------------------------------------------------------------

const RUN_DIRECTORY_PREFIX = "quaestio-test-";

/** Creates a directory for this run's PGlite copies; remove it with removeDirectory after the run. */
export function createRunDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), RUN_DIRECTORY_PREFIX));
}

/** Removes run directories (~40 MB per database) that killed runs left behind, once they are a day old. */
export function removeStaleRunDirectories(maxAgeMs = 24 * 60 * 60 * 1000) {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(RUN_DIRECTORY_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > maxAgeMs) removeDirectory(dir);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** Migrates a PGlite data directory inside runDir and closes it cleanly; returns its path. */
export async function createPgliteTemplate(runDir: string): Promise<string> {
  const dir = path.join(runDir, "template");
  const handle = await openDatabase({ kind: "pglite", dir });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  return dir;
}

/**
 * A copy of the migrated template with the demo data of db/seed.ts loaded, closed cleanly; returns its path.
 * Seeding takes seconds (argon2 hashes, hundreds of rows), so it is done once per run, not once per file.
 * `now` is the seed's moment: the demo dates are relative to it.
 */
export async function createSeededPgliteTemplate(
  templateDir: string,
  runDir: string,
  now: Date = new Date(),
): Promise<string> {
  const dir = path.join(runDir, "template-seeded");
  fs.cpSync(templateDir, dir, { recursive: true });
  const handle = await openDatabase({ kind: "pglite", dir });
  try {
    await seedDemoData(handle.db, now);
  } finally {
    await handle.close();
  }
  return dir;
}

/** The run's seeded PGlite template: where it is and when the demo data in it was seeded. */
export interface SeededPgliteTemplate {
  dir: string;
  seededAt: Date;
}

// The projects' globalSetups run one after the other in the one Vitest main process, before any test, and
// tear down after the last: the integration project's seeded template can serve the browser tests too.
const SHARED_SEEDED_TEMPLATE = Symbol.for("quaestio.test.seededPgliteTemplate");
type Shared = { [SHARED_SEEDED_TEMPLATE]?: SeededPgliteTemplate };

/** Offers this run's seeded PGlite template to the other projects' globalSetups (until it is removed). */
export function shareSeededPgliteTemplate(template: SeededPgliteTemplate | undefined) {
  (globalThis as Shared)[SHARED_SEEDED_TEMPLATE] = template;
}

/** The seeded PGlite template another project's globalSetup made in this run, if any. */
export function sharedSeededPgliteTemplate(): SeededPgliteTemplate | undefined {
  const template = (globalThis as Shared)[SHARED_SEEDED_TEMPLATE];
  return template && fs.existsSync(template.dir) ? template : undefined;
}

/** Copies a closed, migrated PGlite data directory to a new directory inside runDir. */
export function copyPgliteTemplate(templateDir: string, runDir: string): string {
  const dir = path.join(runDir, `db-${randomSuffix()}`);
  fs.cpSync(templateDir, dir, { recursive: true });
  return dir;
}

export function removeDirectory(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

// ---- PostgreSQL server ----------------------------------------------------------------------------------

/**
 * The first part of every test database's name: `quaestio`, or TEST_DATABASE_PREFIX (lower-case letters and
 * digits) for engineers sharing one server, each with a prefix of their own (as TEST_PORTS shares the ports).
 */
export function databasePrefix(): string {
  const prefix = process.env.TEST_DATABASE_PREFIX?.trim() || "quaestio";
  if (!/^[a-z][a-z0-9]*$/.test(prefix)) throw new Error(`TEST_DATABASE_PREFIX=${prefix}: only a-z and 0-9`);
  return prefix;
}

function namePattern() {
  return new RegExp(`^${databasePrefix()}_(?:tpl|t)_([0-9a-z]+)_[0-9a-f]+(?:_[0-9a-f]+)?$`);
}

export function templateDatabaseName(runId: string) {
  return `${databasePrefix()}_tpl_${runId}`;
}

/** The seeded template's name; the hex suffix keeps it inside namePattern(), so stale ones are dropped too. */
export function seededTemplateDatabaseName(runId: string) {
  return `${databasePrefix()}_tpl_${runId}_5eed`;
}

export function testDatabaseName(runId: string) {
  return `${databasePrefix()}_t_${runId}_${randomSuffix()}`;
}

/**
 * How long a test connection may take to open. The app's 10 s were exceeded once while the 2-core machine ran
 * other suites beside this one (load average 12: the integration globalSetup's first connection to its new
 * template failed with CONNECT_TIMEOUT, 2026-12-06); a slow start is not what the tests are about.
 */
const CONNECT_TIMEOUT_SECONDS = 60;

/** The same server and credentials as adminUrl, another database (and the tests' connect timeout). */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  if (!url.searchParams.has("connect_timeout"))
    url.searchParams.set("connect_timeout", String(CONNECT_TIMEOUT_SECONDS));
  return url.toString();
}

function quoteIdentifier(name: string) {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
}

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: CONNECT_TIMEOUT_SECONDS });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(adminUrl: string, name: string, template?: string) {
  await withAdmin(adminUrl, (sql) =>
    sql.unsafe(`CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ""}`),
  );
}

export async function dropDatabase(adminUrl: string, name: string) {
  await withAdmin(adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
}

/** Creates and migrates the template database; nobody stays connected, so it can serve as TEMPLATE. */
export async function createPostgresTemplate(adminUrl: string, runId: string): Promise<string> {
  const name = templateDatabaseName(runId);
  await createDatabase(adminUrl, name);
  try {
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(adminUrl, name) });
    try {
      await handle.migrate();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dropDatabase(adminUrl, name).catch(() => {});
    throw error;
  }
  return name;
}

/**
 * Copies the migrated template database and loads the demo data into the copy, which then serves as the
 * TEMPLATE of the seeded test databases; nobody stays connected. `now` is the seed's moment (see above).
 */
export async function createSeededPostgresTemplate(
  adminUrl: string,
  runId: string,
  template: string,
  now: Date = new Date(),
): Promise<string> {
  const name = seededTemplateDatabaseName(runId);
  await createDatabase(adminUrl, name, template);
  try {
    const handle = await openDatabase({ kind: "postgres", url: databaseUrl(adminUrl, name) });
    try {
      await seedDemoData(handle.db, now);
    } finally {
      await handle.close();
    }
  } catch (error) {
    await dropDatabase(adminUrl, name).catch(() => {});
    throw error;
  }
  return name;
}

/**
 * Drops test databases left behind by runs that were killed before their teardown. Only databases older
 * than maxAgeMs are touched, so a run going on at the same time on the same server is left alone.
 */
export async function dropStaleDatabases(adminUrl: string, maxAgeMs = 6 * 60 * 60 * 1000) {
  const pattern = namePattern();
  for (const name of await databaseNames(adminUrl)) {
    const match = pattern.exec(name);
    if (!match) continue;
    const createdAt = parseInt(match[1]!, 36);
    if (Number.isFinite(createdAt) && Date.now() - createdAt > maxAgeMs) await dropDatabase(adminUrl, name);
  }
}

/** The names of the server's databases. */
async function databaseNames(adminUrl: string): Promise<string[]> {
  return withAdmin(adminUrl, async (sql) =>
    (await sql<{ datname: string }[]>`SELECT datname FROM pg_database`).map((row) => row.datname),
  );
}

/**
 * Drops the test databases of one run (testDatabaseName(runId)): the run's teardowns do this for all of them at
 * once instead of each file or app dropping its own when it ends. PostgreSQL 15 forces a checkpoint for every
 * DROP DATABASE and waits for it; one after the other that took 0.3–2.5 s each on the 2-core machine, inside the
 * files' time, while concurrent drops share the checkpoint (four at once 0.4 s in all against 10.1 s for four in a
 * row, 2026-12-06).
 */
export async function dropRunDatabases(adminUrl: string, runId: string) {
  const prefix = `${databasePrefix()}_t_${runId}_`;
  const names = (await databaseNames(adminUrl)).filter((name) => name.startsWith(prefix));
  const failures: unknown[] = [];
  await inPool(names, 8, (name) => dropDatabase(adminUrl, name).catch((error) => void failures.push(error)));
  if (failures.length)
    throw new AggregateError(failures, `${failures.length} of ${names.length} test databases not dropped`);
}

/** The run's seeded PostgreSQL template: server, name, and when the demo data in it was seeded. */
export interface SeededPostgresTemplate {
  adminUrl: string;
  name: string;
  seededAt: Date;
}

const SHARED_SEEDED_POSTGRES_TEMPLATE = Symbol.for("quaestio.test.seededPostgresTemplate");
type SharedPostgres = { [SHARED_SEEDED_POSTGRES_TEMPLATE]?: SeededPostgresTemplate };

/** Offers this run's seeded PostgreSQL template to the other projects' globalSetups (until it is dropped). */
export function shareSeededPostgresTemplate(template: SeededPostgresTemplate | undefined) {
  (globalThis as SharedPostgres)[SHARED_SEEDED_POSTGRES_TEMPLATE] = template;
}

/** The seeded PostgreSQL template another project's globalSetup made in this run on that server, if any. */
export function sharedSeededPostgresTemplate(adminUrl: string): SeededPostgresTemplate | undefined {
  const template = (globalThis as SharedPostgres)[SHARED_SEEDED_POSTGRES_TEMPLATE];
  return template?.adminUrl === adminUrl ? template : undefined;
}
