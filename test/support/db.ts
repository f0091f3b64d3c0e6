/**
 * An isolated, migrated database for each test file, on each backend:
 *
 *   describe.each(backends())("%s", (backend) => {
 *     const t = useTestDatabase(backend);          // or useTestDatabase(backend, { seeded: true })
 *     it("…", async () => { await t.db.select()… });
 *   });
 *
 * PGlite (always): the integration globalSetup migrates one data directory per run; each file works on
 * its own copy of it, opened through the app's own openDatabase as with PGLITE_DIR. Measured on the 2-core
 * machine (`npm run bench`): ~1.0 s per copy and open, against ~1.7 s for a fresh in-memory database plus
 * the migrations — and the gap grows with every migration.
 * PostgreSQL (only when TEST_DATABASE_URL is set): a template database `quaestio_tpl_<runid>` is migrated
 * once; each file gets `CREATE DATABASE quaestio_t_<runid>_<random> TEMPLATE …`, dropped with the run's others by
 * the teardown (`quaestio` is TEST_DATABASE_PREFIX when that is set, see databasePrefix()).
 * `{ seeded: true }`: the same, from a second template per backend that the globalSetup loaded the demo data
 * into once per run (seeding took seconds per file and backend). The demo dates are relative to that moment.
 * Outside the integration project (no globalSetup) each file migrates and seeds its own database.
 *
 * Server modules that use the process-wide handle (getDb) need `useDatabase(t.handle)` from
 * ~/server/core/db.server in a beforeAll (a beforeEach when each test opens its own database). Test files share
 * their worker process and module state one after the other (`isolate: false`, ADR 0035): closing a test
 * database forgets it as the process-wide handle (forgetDatabase), and test/support/shared-worker.ts undoes what
 * else a file may leave behind (environment, parsed configuration, page cache, fake timers).
 */
import { afterAll, beforeAll, describe, inject } from "vitest";
import { forgetDatabase, openDatabase, type DatabaseHandle, type Db } from "../../app/server/core/db.server";
import {
  copyPgliteTemplate,
  createDatabase,
  createRunDirectory,
  databaseUrl,
  dropDatabase,
  newRunId,
  removeDirectory,
  testDatabaseName,
} from "./db-template";

export type Backend = "pglite" | "postgres";

/** The backends integration tests run against: PGlite, and the PostgreSQL server when TEST_DATABASE_URL is set. */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL?.trim() ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * One backend, for a test whose subject is the app's own logic and not the database's behaviour (the call
 * says why; the list per file is in docs/decisions/0001-embedded-pglite-default.md, addendum): the PostgreSQL
 * server when TEST_DATABASE_URL is set (CI), else PGlite. The server is chosen because it is the production
 * database and because PGlite's queries run on the test worker's own core, which made such tests three to
 * six times slower there; the same queries run on both backends in the tests about them, and the browser
 * tests run the whole app on PGlite (without TEST_DATABASE_URL, and in the files kept on it, ADR 0032). `TEST_BOTH_BACKENDS=1` runs these tests on every backend of backends().
 */
export function oneBackend(): Backend[] {
  if (bothBackendsForced()) return backends();
  return process.env.TEST_DATABASE_URL?.trim() ? ["postgres"] : ["pglite"];
}

/** TEST_BOTH_BACKENDS=1 (or true): oneBackend() and describeOnOneBackend() run on every backend too. */
function bothBackendsForced(): boolean {
  return ["1", "true"].includes(process.env.TEST_BOTH_BACKENDS?.trim().toLowerCase() ?? "");
}

/**
 * Inside `describe.each(backends())`: a block about the app's own logic in a file whose other blocks are about
 * the database's behaviour — registered only on the backend of oneBackend() (every backend with
 * TEST_BOTH_BACKENDS=1). Its tests must not rely on what the file's other blocks did.
 */
export function describeOnOneBackend(backend: Backend, name: string, fn: () => void): void {
  if (oneBackend().includes(backend)) describe(name, fn);
}

export interface TestDatabase {
  backend: Backend;
  handle: DatabaseHandle;
  db: Db;
  /** Where the data lives: the PGlite directory or the PostgreSQL database name. */
  location: string;
  close(): Promise<void>;
}

type SeedModule = typeof import("../../db/seed");
export type DemoLogins = Awaited<ReturnType<SeedModule["seedDemoData"]>>;

export interface SeededTestDatabase extends TestDatabase {
  logins: DemoLogins;
  /** The seed's moment: the demo dates (received, due, overdue …) are relative to it. */
  seededAt: Date;
}

export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  return backend === "pglite" ? createPgliteDatabase(false) : createPostgresDatabase(false);
}

/**
 * A test database with the demo data of db/seed.ts: a copy of the run's seeded template, or (without one)
 * seeded here.
 */
export async function createSeededTestDatabase(backend: Backend): Promise<SeededTestDatabase> {
  const database = await (backend === "pglite" ? createPgliteDatabase(true) : createPostgresDatabase(true));
  try {
    const { seedDemoData }: SeedModule = await import("../../db/seed");
    const seededAt = templateSeededAt(backend) ?? new Date();
    // On a copy of the seeded template this finds the demo data and only returns the logins.
    const logins = await seedDemoData(database.db, { now: seededAt });
    return { ...database, logins, seededAt };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Registers beforeAll/afterAll that open and close a test database for the enclosing describe block and
 * returns an object whose properties are available inside tests and later hooks.
 */
export function useTestDatabase(
  backend: Backend,
  options: { seeded?: boolean } = {},
): {
  readonly backend: Backend;
  readonly db: Db;
  readonly handle: DatabaseHandle;
  readonly logins: DemoLogins;
  readonly seededAt: Date;
} {
  let current: TestDatabase | SeededTestDatabase | undefined;
  beforeAll(async () => {
    current = options.seeded ? await createSeededTestDatabase(backend) : await createTestDatabase(backend);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  const open = () => {
    if (!current) throw new Error("the test database is only available inside tests and hooks after beforeAll");
    return current;
  };
  return {
    backend,
    get db() {
      return open().db;
    },
    get handle() {
      return open().handle;
    },
    get logins() {
      const database = open();
      if (!("logins" in database)) throw new Error("useTestDatabase(backend, { seeded: true }) loads the demo logins");
      return database.logins;
    },
    get seededAt() {
      const database = open();
      if (!("seededAt" in database))
        throw new Error("useTestDatabase(backend, { seeded: true }) knows the seed's moment");
      return database.seededAt;
    },
  };
}

// ---- backends -----------------------------------------------------------------------------------------

function provided<
  K extends "pgliteRunDir" | "pgliteTemplateDir" | "pgliteSeededTemplateDir" | "pgliteSeededAt" | "postgresTemplate",
>(key: K) {
  // Outside the integration project (no globalSetup) nothing is provided; we then migrate from scratch.
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

/** When the run's seeded template of this backend was seeded; undefined without one (then the copy is seeded here). */
function templateSeededAt(backend: Backend): Date | undefined {
  const iso = backend === "pglite" ? provided("pgliteSeededAt") : provided("postgresTemplate")?.seededAt;
  return iso ? new Date(iso) : undefined;
}

async function createPgliteDatabase(seeded: boolean): Promise<TestDatabase> {
  const templateDir = provided(seeded ? "pgliteSeededTemplateDir" : "pgliteTemplateDir");
  const runDir = provided("pgliteRunDir");
  const ownRunDir = templateDir && runDir ? null : createRunDirectory();
  const dir = templateDir && runDir ? copyPgliteTemplate(templateDir, runDir) : `${ownRunDir}/db`;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ kind: "pglite", dir });
    if (!templateDir) await handle.migrate();
  } catch (error) {
    removeDirectory(ownRunDir ?? dir);
    throw error;
  }
  return {
    backend: "pglite",
    handle,
    db: handle.db,
    location: dir,
    async close() {
      forgetDatabase(handle);
      await handle.close();
      removeDirectory(ownRunDir ?? dir);
    },
  };
}

async function createPostgresDatabase(seeded: boolean): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL?.trim();
  if (!adminUrl) throw new Error("the postgres backend needs TEST_DATABASE_URL (see backends())");
  const template = provided("postgresTemplate") ?? null;
  const name = testDatabaseName(template?.runId ?? newRunId());
  await createDatabase(adminUrl, name, seeded ? template?.seededTemplateName : template?.templateName);
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({ kind: "postgres", url: databaseUrl(adminUrl, name) });
    if (!template) await handle.migrate();
  } catch (error) {
    await dropDatabase(adminUrl, name).catch(() => {});
    throw error;
  }
  return {
    backend: "postgres",
    handle,
    db: handle.db,
    location: name,
    async close() {
      forgetDatabase(handle);
      await handle.close();
      // In the integration project its teardown drops the run's databases together (dropRunDatabases: one
      // checkpoint for many instead of one per file); without it, the file drops its own.
      if (!template) await dropDatabase(adminUrl, name);
    },
  };
}
