/**
 * Runtime configuration, read from the environment in one place: `config()` parses `process.env` once with
 * zod and caches the result; `configFrom(env)` parses any env object (tests). Every server module takes its
 * settings from here (README "Configuration" lists the variables and their defaults). Only scripts/start.mjs
 * reads the environment itself, because it runs before the build is loaded.
 * A ConfigurationError carries one sentence that tells the operator what to fix;
 * the start script prints only that sentence, never a stack trace.
 */
import path from "node:path";
import { z } from "zod";
import { DEFAULT_ATTACHMENT_MAX_BYTES } from "../../domain/attachments";

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export type DatabaseConfig =
  { kind: "postgres"; url: string } | { kind: "pglite"; dir: string | null /* null = in memory */ };

type Env = Record<string, string | undefined>;

const DEFAULT_MAIL_FROM = "Quaestio <keine-antwort@quaestio.invalid>";
const DEFAULT_DEADLINE_SCAN_MS = 15 * 60 * 1000;

/** An optional variable: unset and blank (after trimming) are the same. */
const optional = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** A whole number of at least `min`, or the default when unset; anything else stops the start. */
function count(name: string, fallback: number, min: number) {
  return optional.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (Number.isInteger(n) && n >= min) return n;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name}=${value} ist keine ganze Zahl ab ${min}.` });
    return z.NEVER;
  });
}

/** A switch: 1/true/ja/yes or 0/false/nein/no, or the default when unset; anything else stops the start. */
function onOff(name: string, fallback: boolean) {
  return optional.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const word = value.toLowerCase();
    if (["1", "true", "ja", "yes"].includes(word)) return true;
    if (["0", "false", "nein", "no"].includes(word)) return false;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${name}=${value} ist weder 1 (an) noch 0 (aus).` });
    return z.NEVER;
  });
}

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  QUAESTIO_LOCAL_RUN: z.string().optional(),
  DATABASE_URL: optional,
  PGLITE_DIR: optional,
  MIGRATIONS_DIR: z.string().optional(),
  DATABASE_POOL_SIZE: count("DATABASE_POOL_SIZE", 10, 1),
  // Named prepared statements on the PostgreSQL server for the hottest reads; 0 behind a connection pooler that
  // cannot keep them (PgBouncer in transaction mode before 1.21 or without max_prepared_statements).
  DATABASE_PREPARED_STATEMENTS: onOff("DATABASE_PREPARED_STATEMENTS", true),
  // Megabytes of rendered public pages kept in memory (0 switches the page cache off).
  PAGE_CACHE_MB: count("PAGE_CACHE_MB", 32, 0),
  // PGlite's shared_buffers in megabytes: PostgreSQL's default of 128 MB is touched at start and stays in the
  // process's memory; the data files are also in the operating system's page cache.
  PGLITE_SHARED_BUFFERS_MB: count("PGLITE_SHARED_BUFFERS_MB", 16, 1),
  PUBLIC_URL: optional,
  ALLOWED_HOSTS: z.string().optional(),
  HOST: optional,
  PORT: optional,
  QUAESTIO_DEV_MAILBOX: z.string().optional(),
  QUAESTIO_DEMO_DATA: optional,
  QUAESTIO_SECRET: optional,
  SMTP_URL: optional,
  MAIL_DIR: optional,
  MAIL_FROM: optional,
  SECURITY_CONTACT: optional,
  OUTBOX_POLL_MS: count("OUTBOX_POLL_MS", 2_000, 1),
  // Largest attachment (Anlage) per file; the HTTP guard refuses bodies over 20 MB before this is checked.
  ATTACHMENT_MAX_BYTES: count("ATTACHMENT_MAX_BYTES", DEFAULT_ATTACHMENT_MAX_BYTES, 1),
  // Lenient as before: a value below one second (or no number) means the default.
  DEADLINE_SCAN_MS: z.string().optional(),
  QUAESTIO_COUNT_STATEMENTS: optional,
  // Searches per client address in a burst (then one every 2 s); 0 switches the limit off (benchmark only).
  SEARCH_RATE_LIMIT_BURST: count("SEARCH_RATE_LIMIT_BURST", 30, 0),
});

export interface Config {
  /** NODE_ENV=production set by the operator (not npm start's local trial, see isProductionDeployment). */
  production: boolean;
  /** NODE_ENV=development (the Vite dev server). */
  development: boolean;
  database: DatabaseConfig;
  migrationsDir: string;
  databasePoolSize: number;
  /** DATABASE_PREPARED_STATEMENTS: hot reads run as named prepared statements of the connection (PostgreSQL). */
  preparedStatements: boolean;
  /** Bytes of rendered public pages the in-process cache may hold (PAGE_CACHE_MB; 0 = off). */
  pageCacheBytes: number;
  /** shared_buffers of the embedded database, in megabytes (PGLITE_SHARED_BUFFERS_MB). */
  pgliteSharedBuffersMb: number;
  /** PUBLIC_URL as an origin, or null when unset (publicOrigin() then falls back or refuses). */
  publicUrl: string | null;
  /** ALLOWED_HOSTS entries, lower case, not yet checked (allowedHosts() checks them). */
  allowedHostEntries: string[];
  /** The address the server listens on as a host for URLs, and its port. */
  listeningHost: string;
  listeningPort: string;
  devMailboxRequested: boolean;
  demoData: boolean;
  /** QUAESTIO_SECRET when it is long enough (≥ 32 characters), else null (a random key per process). */
  secret: string | null;
  smtpUrl: string | null;
  mailDir: string;
  mailFrom: string;
  securityContact: string | null;
  outboxPollMs: number;
  deadlineScanMs: number;
  attachmentMaxBytes: number;
  /** QUAESTIO_COUNT_STATEMENTS=1 (benchmark only): count SQL statements per request (X-Statement-Count). */
  countStatements: boolean;
  /** SEARCH_RATE_LIMIT_BURST: searches per client address in a burst; 0 = no limit (the benchmark only). */
  searchRateLimitBurst: number;
}

/** Parses and checks an environment; throws a ConfigurationError naming the first variable that is wrong. */
export function configFrom(env: Env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new ConfigurationError(parsed.error.issues[0]!.message);
  const e = parsed.data;
  const scan = Number(e.DEADLINE_SCAN_MS);
  const demo = e.QUAESTIO_DEMO_DATA?.toLowerCase();
  return {
    production: e.NODE_ENV === "production" && e.QUAESTIO_LOCAL_RUN !== "1",
    development: e.NODE_ENV === "development",
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dir: path.resolve(e.PGLITE_DIR || "./data/pglite") },
    migrationsDir: path.resolve(e.MIGRATIONS_DIR ?? "db/migrations"),
    databasePoolSize: e.DATABASE_POOL_SIZE,
    preparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    pgliteSharedBuffersMb: e.PGLITE_SHARED_BUFFERS_MB,
    publicUrl: configuredPublicOrigin(e.PUBLIC_URL),
    allowedHostEntries: (e.ALLOWED_HOSTS ?? "")
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
    listeningHost: listeningHost(e.HOST),
    listeningPort: e.PORT || "3000",
    devMailboxRequested: e.QUAESTIO_DEV_MAILBOX === "1",
    demoData: !(demo === "0" || demo === "false" || demo === "nein" || demo === "no"),
    secret: e.QUAESTIO_SECRET && e.QUAESTIO_SECRET.length >= 32 ? e.QUAESTIO_SECRET : null,
    smtpUrl: e.SMTP_URL ?? null,
    mailDir: path.resolve(e.MAIL_DIR || "data/mail"),
    mailFrom: e.MAIL_FROM || DEFAULT_MAIL_FROM,
    securityContact: e.SECURITY_CONTACT ?? null,
    outboxPollMs: e.OUTBOX_POLL_MS,
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    deadlineScanMs: Number.isFinite(scan) && scan >= 1_000 ? scan : DEFAULT_DEADLINE_SCAN_MS,
    countStatements: e.QUAESTIO_COUNT_STATEMENTS === "1",
    searchRateLimitBurst: e.SEARCH_RATE_LIMIT_BURST,
  };
}

let cached: Config | null = null;

/** The configuration of this process: `process.env`, parsed once. */
export function config(): Config {
  cached ??= configFrom(process.env);
  return cached;
}

/** Forgets the parsed configuration, for tests that change `process.env` between cases. */
export function resetConfig(): void {
  cached = null;
}

/** An env object given (tests) is parsed on its own; otherwise the process's configuration. */
export function configFor(env?: Env): Config {
  return env ? configFrom(env) : config();
}

export function databaseConfigFromEnv(env?: Env): DatabaseConfig {
  return configFor(env).database;
}

export function migrationsFolder(): string {
  return config().migrationsDir;
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

/**
 * A production installation: NODE_ENV=production set by the operator. `npm start` (scripts/start.mjs) runs
 * the production build also for a local trial and then marks its own default with QUAESTIO_LOCAL_RUN=1, so
 * that a plain `npm install && npm start` keeps working without PUBLIC_URL.
 */
export function isProductionDeployment(env?: Env): boolean {
  return configFor(env).production;
}

function bracketed(address: string): string {
  return address.includes(":") && !address.startsWith("[") ? `[${address}]` : address;
}

/** The address the server listens on as a host for URLs: all interfaces are reached as localhost. */
function listeningHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return host ? "localhost" : "127.0.0.1";
  return bracketed(host.toLowerCase());
}

/** PUBLIC_URL as an origin (scheme, host, port), or a ConfigurationError naming what is wrong. */
function configuredPublicOrigin(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      `PUBLIC_URL=${value} ist keine gültige Adresse; setzen Sie z. B. PUBLIC_URL=https://quaestio.example.org.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(`PUBLIC_URL=${value} muss mit https:// (oder http://) beginnen.`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    throw new ConfigurationError(
      `PUBLIC_URL=${value} darf nur Schema, Rechnername und Port enthalten (kein Pfad), z. B. https://quaestio.example.org.`,
    );
  }
  return url.origin;
}

/**
 * The origin of every link in a mail (password reset, invitation, notifications): PUBLIC_URL, required in a
 * production installation; otherwise the address the server listens on. Never anything from a request —
 * a forged Host or X-Forwarded-Host header must not be able to point a reset link elsewhere.
 */
export function publicOrigin(env?: Env): string {
  const c = configFor(env);
  if (c.publicUrl) return c.publicUrl;
  if (c.production) {
    throw new ConfigurationError(
      "PUBLIC_URL fehlt: setzen Sie PUBLIC_URL auf die öffentliche Adresse, z. B. PUBLIC_URL=https://quaestio.example.org.",
    );
  }
  return `http://${c.listeningHost}:${c.listeningPort}`;
}

/**
 * The origin of the absolute URLs a request is answered with (OParl, opensearch.xml, security.txt): PUBLIC_URL
 * when it is set (behind a proxy), else the origin the request came to (its host was checked by the allow-list).
 */
export function requestOrigin(request: Request, env?: Env): string {
  return configFor(env).publicUrl ?? new URL(request.url).origin;
}

/** Checks at start-up what publicOrigin() will need, so that a missing PUBLIC_URL stops the start, not a mail. */
export function checkPublicConfiguration(env?: Env): void {
  publicOrigin(env);
  allowedHosts(env);
}

/**
 * Host header values (host[:port], lower case) the app answers: the host of PUBLIC_URL, the entries of
 * ALLOWED_HOSTS (comma-separated), and outside production the loopback names with the listening port and
 * the listening address itself. Requests for any other host are refused with 400 (scripts/start.mjs).
 */
export function allowedHosts(env?: Env): Set<string> {
  const c = configFor(env);
  const hosts = new Set<string>();
  if (c.publicUrl) hosts.add(new URL(c.publicUrl).host);
  for (const value of c.allowedHostEntries) {
    let host: string;
    try {
      host = new URL(`http://${value}`).host;
    } catch {
      throw new ConfigurationError(
        `ALLOWED_HOSTS enthält „${value}“, das ist kein Rechnername (mit optionalem :Port).`,
      );
    }
    hosts.add(host);
  }
  if (!c.production) {
    const port = c.listeningPort;
    for (const name of ["localhost", "127.0.0.1", "[::1]", c.listeningHost]) {
      hosts.add(port === "80" ? name : `${name}:${port}`);
    }
  }
  return hosts;
}

/** Whether a Host (or trusted X-Forwarded-Host) header names this installation. */
export function hostAllowed(host: string | undefined, env?: Env): boolean {
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
export function devMailboxEnabled(env?: Env): boolean {
  const c = configFor(env);
  return c.devMailboxRequested && !c.production && !c.smtpUrl;
}
