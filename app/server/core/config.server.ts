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

// ---- deployment, public origin, allowed hosts, development mailbox ---------------------------------------

type Env = Record<string, string | undefined>;

/**
 * A production installation: NODE_ENV=production set by the operator. `npm start` (scripts/start.mjs) runs
 * the production build also for a local trial and then marks its own default with QUAESTIO_LOCAL_RUN=1, so
 * that a plain `npm install && npm start` keeps working without PUBLIC_URL.
 */
export function isProductionDeployment(env: Env = process.env): boolean {
  return env.NODE_ENV === "production" && env.QUAESTIO_LOCAL_RUN !== "1";
}

function bracketed(address: string): string {
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

/** The address the server listens on as a host for URLs: all interfaces are reached as localhost. */
function listeningHost(env: Env): string {
  const host = env.HOST?.trim();
  if (!host || host === "0.0.0.0" || host === "::") return host ? "localhost" : "127.0.0.1";
  return bracketed(host.toLowerCase());
}

function listeningPort(env: Env): string {
  return env.PORT?.trim() || "3000";
}

/** PUBLIC_URL as an origin (scheme, host, port), or a ConfigurationError naming what is wrong. */
function configuredPublicOrigin(env: Env): string | null {
  const value = env.PUBLIC_URL?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(`PUBLIC_URL=${value} ist keine gültige Adresse; setzen Sie z. B. PUBLIC_URL=https://quaestio.example.org.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`PUBLIC_URL=${value} muss mit https:// (oder http://) beginnen.`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    throw new ConfigurationError(`PUBLIC_URL=${value} darf nur Schema, Rechnername und Port enthalten (kein Pfad), z. B. https://quaestio.example.org.`);
  }
  return url.origin;
}

/**
 * The origin of every link in a mail (password reset, invitation, notifications): PUBLIC_URL, required in a
 * production installation; otherwise the address the server listens on. Never anything from a request —
 * a forged Host or X-Forwarded-Host header must not be able to point a reset link elsewhere.
 */
export function publicOrigin(env: Env = process.env): string {
  const configured = configuredPublicOrigin(env);
  if (configured) return configured;
  if (isProductionDeployment(env)) {
    throw new ConfigurationError("PUBLIC_URL fehlt: setzen Sie PUBLIC_URL auf die öffentliche Adresse, z. B. PUBLIC_URL=https://quaestio.example.org.");
  }
  return `http://${listeningHost(env)}:${listeningPort(env)}`;
}

/** Checks at start-up what publicOrigin() will need, so that a missing PUBLIC_URL stops the start, not a mail. */
export function checkPublicConfiguration(env: Env = process.env): void {
  publicOrigin(env);
  allowedHosts(env);
}

/**
 * Host header values (host[:port], lower case) the app answers: the host of PUBLIC_URL, the entries of
 * ALLOWED_HOSTS (comma-separated), and outside production the loopback names with the listening port and
 * the listening address itself. Requests for any other host are refused with 400 (scripts/start.mjs).
 */
export function allowedHosts(env: Env = process.env): Set<string> {
  const hosts = new Set<string>();
  const configured = configuredPublicOrigin(env);
  if (configured) hosts.add(new URL(configured).host);
  for (const entry of (env.ALLOWED_HOSTS ?? "").split(",")) {
    const value = entry.trim().toLowerCase();
    if (!value) continue;
    let host: string;
    try {
      host = new URL(`http://${value}`).host;
    } catch {
      throw new ConfigurationError(`ALLOWED_HOSTS enthält „${value}“, das ist kein Rechnername (mit optionalem :Port).`);
    }
    hosts.add(host);
  }
  if (!isProductionDeployment(env)) {
    const port = listeningPort(env);
    for (const name of ["localhost", "127.0.0.1", "[::1]", listeningHost(env)]) {
      hosts.add(port === "80" ? name : `${name}:${port}`);
    }
  }
  return hosts;
}

/** Whether a Host (or trusted X-Forwarded-Host) header names this installation. */
export function hostAllowed(host: string | undefined, env: Env = process.env): boolean {
  if (!host) return false;
  const value = host.trim().toLowerCase();
  // Only host[:port] with ordinary characters; "[::1" or "a b" are malformed, not merely foreign.
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/.test(value)) return false;
  return allowedHosts(env).has(value);
}

/**
 * The development mailbox (/entwicklung/postfach) shows every reset link without sign-in. It is served only
 * when explicitly enabled (QUAESTIO_DEV_MAILBOX=1; `npm start` sets it for a local trial with demo data),
 * never in a production installation and never while mail goes out through SMTP.
 */
export function devMailboxEnabled(env: Env = process.env): boolean {
  return env.QUAESTIO_DEV_MAILBOX === "1" && !isProductionDeployment(env) && !env.SMTP_URL?.trim();
}
