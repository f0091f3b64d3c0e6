/**
 * Child process for tests: opens the database described by the JSON in argv[2] and prints what happened
 * as one JSON line ({ ok } or { name, message }). Lets a test put a time limit on openDatabase, which an
 * in-process call cannot have when something loops synchronously (e.g. a recursive mkdir under /proc).
 */
import { openDatabase } from "../../app/server/core/db.server";
import type { DatabaseConfig } from "../../app/server/core/config.server";

const config = JSON.parse(process.argv[2] ?? "{}") as DatabaseConfig;
try {
  const handle = await openDatabase(config);
  await handle.close();
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, name: (error as Error).name, message: (error as Error).message }));
}
