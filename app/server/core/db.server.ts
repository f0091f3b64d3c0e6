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

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.kind === "postgres" ? openPostgres(config.url) : openPglite(config.dir);
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

async function openPglite(dir: string | null): Promise<DatabaseHandle> {
  if (dir) ensureWritableDirectory(dir);
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: dir ?? undefined, extensions: { pg_trgm } });
  } catch (error) {
    throw new ConfigurationError(
      `Die eingebettete Datenbank in PGLITE_DIR=${dir} lässt sich nicht öffnen (${(error as Error).message}); ` +
        `ist sie von einem anderen Quaestio-Prozess geöffnet oder beschädigt? Beenden Sie den anderen Prozess oder wählen Sie ein anderes Verzeichnis.`,
    );
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case", logger: statementLogger() }) as unknown as Db;
  let closed = false;
  return {
    kind: "pglite",
    db,
    async migrate() {
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

async function openPostgres(url: string): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: config().databasePoolSize,
    onnotice: () => {},
    connect_timeout: 10,
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
  const db = drizzlePostgres(client, { schema, casing: "snake_case", logger: statementLogger() }) as unknown as Db;
  return {
    kind: "postgres",
    db,
    async migrate() {
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

export async function getDb(): Promise<Db> {
  return (await connectDatabase()).db;
}

/** Lets tests and scripts install an already opened handle as the process-wide one. */
export function useDatabase(handle: DatabaseHandle) {
  current = Promise.resolve(handle);
}

export async function closeDatabase() {
  if (!current) return;
  const handle = await current.catch(() => null);
  current = null;
  await handle?.close();
}
