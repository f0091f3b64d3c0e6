/**
 * The one database module. PGlite (embedded PostgreSQL in WebAssembly) is the default so that a fresh
 * machine needs nothing but Node; with DATABASE_URL set, a real PostgreSQL server is used through postgres.js.
 * Only app/server/ (and db/seed.ts, scripts) import this.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { ExtractTablesWithRelations, Logger } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { runHooksAfterCommit } from "./after-commit.server";
import * as schema from "../../../db/schema/index";
import {
  config,
  ConfigurationError,
  databaseConfigFromEnv,
  describeDatabaseUrl,
  migrationsFolder,
  type DatabaseConfig,
} from "./config.server";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle has the same query API as Db. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface DatabaseHandle {
  kind: DatabaseConfig["kind"];
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * shared_buffers of the embedded database for this handle, instead of PGLITE_SHARED_BUFFERS_MB: the bench's
   * corpus loader (a process that ends after the load) works with more than the app keeps at rest.
   */
  pgliteSharedBuffersMb?: number;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<DatabaseHandle> {
  return config.kind === "postgres" ? openPostgres(config.url) : openPglite(config.dir, options);
}

// ---- statement counting (benchmark only: QUAESTIO_COUNT_STATEMENTS=1) ------------------------------

const statementCounts = new AsyncLocalStorage<{ statements: number }>();

/** Counts every statement drizzle sends, for the caller whose countStatementsOf is running. */
const countingLogger: Logger = {
  logQuery() {
    const store = statementCounts.getStore();
    if (store) store.statements++;
  },
};

/** The logger for a new connection: the counter when QUAESTIO_COUNT_STATEMENTS=1, otherwise none. */
function statementLogger(): Logger | undefined {
  return config().countStatements ? countingLogger : undefined;
}

export function statementCountingEnabled(): boolean {
  return config().countStatements;
}

/**
 * Runs fn and counts the SQL statements drizzle sends on its behalf (also from nested async work, not from
 * concurrent callers); the count is 0 unless QUAESTIO_COUNT_STATEMENTS=1 was set when the database was opened.
 */
export async function countStatementsOf<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const store = { statements: 0 };
  const value = await statementCounts.run(store, fn);
  return { value, statements: store.statements };
}

async function openPglite(dir: string | null, options: OpenOptions): Promise<DatabaseHandle> {
  if (dir) ensureWritableDirectory(dir);
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dir ?? undefined,
      extensions: { pg_trgm },
      startParams: [...PGlite.defaultStartParams, ...pgliteMemorySettings(options.pgliteSharedBuffersMb)],
    });
  } catch (error) {
    throw new ConfigurationError(
      `Die eingebettete Datenbank in PGLITE_DIR=${dir} lässt sich nicht öffnen (${(error as Error).message}); ` +
        `ist sie von einem anderen Quaestio-Prozess geöffnet oder beschädigt? Beenden Sie den anderen Prozess oder wählen Sie ein anderes Verzeichnis.`,
    );
  }
  const db = runHooksAfterCommit(
    drizzlePglite(client, { schema, casing: "snake_case", logger: statementLogger() }) as unknown as Db,
  );
  let closed = false;
  return {
    kind: "pglite",
    db,
    async migrate() {
      const applied = await client
        .query<{ at: string | null }>("select max(created_at)::text as at from drizzle.__drizzle_migrations")
        .then((result) => result.rows[0]?.at ?? null)
        .catch(() => null);
      if (!migrationsPending(applied)) return;
      await client.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      await migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() });
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

/**
 * Whether the journal lists a migration newer than the last one applied (`appliedAt`: drizzle's
 * `created_at` of it, null when none or no migration table). drizzle's migrator decides the same way but
 * reads and hashes every migration file first; a start-up with nothing to do skips that.
 */
export function migrationsPending(appliedAt: string | null, folder = migrationsFolder()): boolean {
  if (appliedAt === null) return true;
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as {
      entries: { when: number }[];
    };
    const newest = Math.max(...journal.entries.map((entry) => entry.when));
    return Number(appliedAt) < newest;
  } catch {
    return true;
  }
}

/**
 * PostgreSQL's memory settings inside PGlite's WebAssembly heap, which never shrinks: the default
 * shared_buffers (128 MB) alone made up a third of the process's memory at rest; maintenance_work_mem
 * (default 64 MB) is what an index build of a migration may grow the heap to.
 */
function pgliteMemorySettings(sharedBuffersMb = config().pgliteSharedBuffersMb): string[] {
  return ["-c", `shared_buffers=${sharedBuffersMb}MB`, "-c", "maintenance_work_mem=16MB"];
}

function ensureWritableDirectory(dir: string) {
  try {
    // Not { recursive: true }: Node 20's recursive mkdir loops forever when mkdir answers ENOENT (e.g. under /proc).
    const missing: string[] = [];
    for (let d = path.resolve(dir); !fs.existsSync(d); d = path.dirname(d)) missing.unshift(d);
    for (const d of missing) fs.mkdirSync(d);
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
  } catch {
    throw new ConfigurationError(
      `PGLITE_DIR=${dir} kann nicht angelegt oder beschrieben werden; setzen Sie PGLITE_DIR auf ein Verzeichnis, in das dieser Benutzer schreiben darf.`,
    );
  }
}

function connectTimeoutInUrl(url: string): boolean {
  try {
    return new URL(url).searchParams.has("connect_timeout");
  } catch {
    return false;
  }
}

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: config().databasePoolSize,
    onnotice: () => {},
    // 10 s unless the URL says otherwise (`?connect_timeout=<seconds>`, as in libpq's connection URIs).
    ...(connectTimeoutInUrl(url) ? {} : { connect_timeout: 10 }),
  });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new ConfigurationError(
      `Die PostgreSQL-Datenbank aus DATABASE_URL (${describeDatabaseUrl(url)}) ist nicht erreichbar (${(error as Error).message}); ` +
        `prüfen Sie Adresse, Port, Benutzer und ob der Server läuft.`,
    );
  }
  const db = runHooksAfterCommit(
    drizzlePostgres(client, { schema, casing: "snake_case", logger: statementLogger() }) as unknown as Db,
  );
  return {
    kind: "postgres",
    db,
    async migrate() {
      const applied = await client<
        { at: string | null }[]
      >`select max(created_at)::text as at from drizzle.__drizzle_migrations`
        .then((rows) => rows[0]?.at ?? null)
        .catch(() => null);
      if (!migrationsPending(applied)) return;
      await client`CREATE EXTENSION IF NOT EXISTS pg_trgm`;
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: migrationsFolder() });
    },
    async close() {
      await client.end({ timeout: 2 });
    },
  };
}

// ---- process-wide handle used by the running app -------------------------------------------------

let current: Promise<DatabaseHandle> | null = null;

/** Opens (once) the database configured by the environment. */
export function connectDatabase(config: DatabaseConfig = databaseConfigFromEnv()): Promise<DatabaseHandle> {
  current ??= openDatabase(config);
  return current;
}

/**
 * A database (or an open transaction) that getDb() answers for the duration of one piece of work instead of
 * the process-wide handle. The demo seed runs the server commands inside its one transaction this way: each
 * command's own `transaction()` becomes a savepoint of the seed's, so the seed stays all-or-nothing.
 */
const scopedDatabase = new AsyncLocalStorage<Db>();

/** Runs `work` with getDb() answering `db` (see scopedDatabase). */
export function withDatabase<T>(db: Db | Tx, work: () => Promise<T>): Promise<T> {
  return scopedDatabase.run(db as Db, work);
}

export async function getDb(): Promise<Db> {
  return scopedDatabase.getStore() ?? (await connectDatabase()).db;
}

/** The handle useDatabase installed, while it is the process-wide one. */
let installed: DatabaseHandle | null = null;

/** Lets tests and scripts install an already opened handle as the process-wide one. */
export function useDatabase(handle: DatabaseHandle) {
  current = Promise.resolve(handle);
  installed = handle;
}

/**
 * Forgets the handle useDatabase installed (only `handle`, when given) without closing it: its owner closes it.
 * Test files share a worker process one after the other (ADR 0035); the next file's getDb() must not answer a
 * previous file's closed database.
 */
export function forgetDatabase(handle?: DatabaseHandle) {
  if (installed === null || (handle !== undefined && installed !== handle)) return;
  current = null;
  installed = null;
}

export async function closeDatabase() {
  if (!current) return;
  const handle = await current.catch(() => null);
  current = null;
  installed = null;
  await handle?.close();
}
