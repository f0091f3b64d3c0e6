/**
 * Database chores, run with tsx (`npm run db:migrate | db:seed | db:reset`):
 *   migrate  apply the migrations in db/migrations
 *   seed     migrate, then load the demo data (nothing is inserted when it is already there)
 *   reset    drop everything (schemas public and drizzle), migrate, seed — the data is gone afterwards
 * The database is the one the app uses: DATABASE_URL, else PGLITE_DIR (default ./data/pglite).
 */
import { sql } from "drizzle-orm";
import { ConfigurationError, databaseConfigFromEnv, describeDatabaseUrl } from "../app/server/core/config.server";
import { closeDatabase, connectDatabase, type DatabaseHandle } from "../app/server/core/db.server";
import { isDemoDataPresent, seedDemoData } from "../db/seed";

const usage = "Aufruf / usage: tsx scripts/db.ts migrate|seed|reset";

function target(): string {
  const config = databaseConfigFromEnv();
  return config.kind === "postgres" ? `PostgreSQL ${describeDatabaseUrl(config.url)}` : `PGlite ${config.dir}`;
}

async function migrate(handle: DatabaseHandle) {
  await handle.migrate();
  console.log(`Migrationen angewendet / migrations applied (${target()}).`);
}

async function loadDemoData(handle: DatabaseHandle) {
  if (await isDemoDataPresent(handle.db)) {
    console.log(
      `Demo-Daten schon vorhanden, nichts eingefügt / demo data already present, nothing inserted (${target()}).`,
    );
    return;
  }
  const logins = await seedDemoData(handle.db);
  console.log(`Demo-Daten geladen / demo data loaded: 4 Körperschaften, ${logins.length} Demo-Zugänge (${target()}).`);
}

async function reset(handle: DatabaseHandle) {
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS drizzle CASCADE`);
  await handle.db.execute(sql`DROP SCHEMA IF EXISTS public CASCADE`);
  await handle.db.execute(sql`CREATE SCHEMA public`);
  console.log(`Datenbank geleert / database emptied (${target()}).`);
  await migrate(handle);
  await loadDemoData(handle);
}

/** Migrates first (a no-op when up to date), so that seeding a fresh database just works. */
async function seed(handle: DatabaseHandle) {
  await migrate(handle);
  await loadDemoData(handle);
}

const commands: Record<string, (handle: DatabaseHandle) => Promise<void>> = { migrate, seed, reset };

async function main(): Promise<number> {
  const name = process.argv[2] ?? "";
  const command = commands[name];
  if (!command) {
    console.error(usage);
    return 2;
  }
  try {
    await command(await connectDatabase());
    return 0;
  } catch (error) {
    if (error instanceof ConfigurationError) console.error(error.message);
    else console.error(error);
    return 1;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main();
