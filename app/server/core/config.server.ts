/**
 * Runtime configuration read from the environment, in one place.
 * A ConfigurationError carries one sentence that tells the operator what to fix;
 * the start script prints only that sentence, never a stack trace.
 */
import path from "node:path";

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export type DatabaseConfig =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dir: string | null /* null = in memory */ };

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dir = env.PGLITE_DIR?.trim() || "./data/pglite";
  return { kind: "pglite", dir: path.resolve(dir) };
}

export function migrationsFolder(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? "db/migrations");
}

/** Host part of a connection URL without the password, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? ":" + u.port : ""}${u.pathname}`;
  } catch {
    return "(ungültige URL)";
  }
}
