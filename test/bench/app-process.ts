/**
 * The real app for the benchmark: `node scripts/start.mjs` on the built app as a child process (its own pid,
 * so that /proc/<pid>/status gives its memory), time to the first 200, signing in demo accounts over HTTP
 * (staff accounts set up their second factor on first sign-in, as a person would), and a plain `node:http`
 * server that sends captured bytes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { procStatusKb, rssSettled, type RssSample } from "./stats";

export const root = path.resolve(import.meta.dirname, "../..");
export const DEMO_PASSWORD = "Demo-Quaestio-2026";

export interface AppProcess {
  pid: number;
  base: string;
  /** performance.now() when `node scripts/start.mjs` was spawned. */
  spawnedAt: number;
  /** What the app has written to stdout and stderr so far. */
  output(): string;
  /** Milliseconds from spawning `node scripts/start.mjs` to the first 200 on `/`. */
  startMs: number;
  memoryKb(): { rss: number | null; hwm: number | null };
  /** CPU time (user + system) the process has used so far, in milliseconds; null when unknown. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/**
 * Waits until the app is at rest: its CPU use stays below `maxShare` of one core for `quietWindows` windows of
 * `quietMs` in a row, starting no earlier than `minWaitMs` after the call. After a start on
 * a freshly loaded corpus the app has background work — the first deadline scan writes the reminders of every
 * inquiry that fell due in the generated archive (thousands of short transactions) and the outbox worker
 * delivers the mails — and pages measured meanwhile measure that work (issue 13: the dashboards and the 404
 * were measured at 100k while the scan was running). Returns the seconds waited.
 */
export async function waitUntilIdle(
  app: AppProcess,
  options: {
    quietMs?: number;
    quietWindows?: number;
    minWaitMs?: number;
    maxShare?: number;
    timeoutMs?: number;
    onWait?: (seconds: number) => void;
  } = {},
): Promise<number> {
  const quietMs = options.quietMs ?? 3_000;
  const quietWindows = options.quietWindows ?? 2;
  const maxShare = options.maxShare ?? 0.05;
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const started = performance.now();
  let lastReport = started;
  let quiet = 0;
  // The first deadline scan starts a few seconds after the start (FIRST_SCAN_DELAY_MS): a quiet moment before
  // it is not rest.
  await new Promise((resolve) => setTimeout(resolve, options.minWaitMs ?? 10_000));
  for (;;) {
    const before = app.cpuMs();
    const at = performance.now();
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const after = app.cpuMs();
    const elapsed = performance.now() - at;
    if (before === null || after === null) return (performance.now() - started) / 1000;
    quiet = (after - before) / elapsed <= maxShare ? quiet + 1 : 0;
    if (quiet >= quietWindows) return (performance.now() - started) / 1000;
    if (performance.now() - started > timeoutMs) return (performance.now() - started) / 1000;
    if (performance.now() - lastReport >= 30_000) {
      lastReport = performance.now();
      options.onWait?.((lastReport - started) / 1000);
    }
  }
}

/**
 * After a first deadline scan that found reminders to send, waits (at most `timeoutMs`) until the outbox worker
 * reports the outbox empty again: it delivers 20 mails per 2 s, and the first scan over a fresh 100k corpus queues
 * thousands (several minutes), during which the app is not at rest although its CPU use is low. Returns the seconds
 * waited, null when the bound ended the wait.
 */
export async function waitForOutboxDrained(app: AppProcess, timeoutMs = 10 * 60_000): Promise<number | null> {
  const started = performance.now();
  const scan = /\[Fristen\] Fristenprüfung beendet: (\d+) × bald fällig, (\d+) × überfällig/;
  for (;;) {
    const output = app.output();
    const found = scan.exec(output);
    if (found && Number(found[1]) + Number(found[2]) === 0) return 0;
    if (found && output.slice(found.index).includes("[Outbox] Postausgang abgearbeitet")) {
      return (performance.now() - started) / 1000;
    }
    if (performance.now() - started >= timeoutMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

export interface RssAtRest {
  /** The last reading (VmRSS), in kB; null when /proc could not be read. */
  kb: number | null;
  /** Seconds from spawning the app to that reading. */
  secondsAfterStart: number;
  /** Whether RSS had stopped falling (stats.ts rssSettled); false when the bound ended the wait. */
  settled: boolean;
}

/**
 * RSS at rest, read honestly: the app is idle (call after waitUntilIdle, send nothing meanwhile) and RSS is read every
 * `intervalMs` until it stops falling for `stableMs` (rssSettled), for at most `timeoutMs`. Garbage of the start's
 * work stays resident until V8 (or the app's collection when idle, scripts/release-memory.mjs) frees it; one reading
 * right after the work measured that garbage (issue 13).
 */
export async function readRssAtRest(
  app: AppProcess,
  options: { intervalMs?: number; stableMs?: number; timeoutMs?: number } = {},
): Promise<RssAtRest> {
  const intervalMs = options.intervalMs ?? 5_000;
  const stableMs = options.stableMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 180_000;
  const started = performance.now();
  const samples: RssSample[] = [];
  for (;;) {
    const rss = app.memoryKb().rss;
    const now = performance.now();
    const reading = { secondsAfterStart: (now - app.spawnedAt) / 1000 };
    if (rss === null) return { kb: null, ...reading, settled: false };
    samples.push({ atMs: now, kb: rss });
    if (rssSettled(samples, stableMs)) return { kb: rss, ...reading, settled: true };
    if (now - started >= timeoutMs) return { kb: rss, ...reading, settled: false };
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** Builds the app when the sources are newer than the build (as npm start would), so start times exclude it. */
export function buildIfStale(log: (line: string) => void) {
  const serverBuild = path.join(root, "build/server/index.js");
  const inputs = ["app", "db", "public", "vite.config.ts", "tsconfig.json", "package.json"];
  const builtAt = fs.existsSync(serverBuild) ? fs.statSync(serverBuild).mtimeMs : 0;
  if (builtAt && !inputs.some((input) => newestMtime(path.join(root, input)) > builtAt)) return;
  log("Build (die Quelltexte sind neuer als der Build) …");
  const result = spawnSync("npx", ["remix", "vite:build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("build failed");
}

export async function startApp(
  target: DatabaseTarget,
  extraEnv: Record<string, string> = {},
  /** Options for node itself, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs: string[] = [],
  /** The checkout whose build runs (another checkout's build for a before/after comparison). */
  appRoot: string = root,
): Promise<AppProcess> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: process.env.BENCH_APP_PORT ?? "0",
    HOST: "127.0.0.1",
    QUAESTIO_COUNT_STATEMENTS: "1",
    // The search's per-address limit off for the bench's app only (bench.ts SEARCH_NOTE); on by default.
    SEARCH_RATE_LIMIT_BURST: "0",
    ...extraEnv,
  };
  delete env.NODE_ENV;
  delete env.QUAESTIO_LOCAL_RUN;
  if (target.kind === "postgres") {
    env.DATABASE_URL = target.url;
    delete env.PGLITE_DIR;
  } else {
    env.PGLITE_DIR = target.dir;
    delete env.DATABASE_URL;
  }
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, "scripts/start.mjs"], {
    cwd: appRoot,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /läuft auf http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`app exited (${code}) before listening:\n${output.slice(-2000)}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    const response = await fetch(`${base}/`).catch(() => null);
    await response?.arrayBuffer();
    if (response?.status === 200) break;
    if (child.exitCode !== null) throw new Error(`app exited:\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const startMs = performance.now() - started;
  return {
    pid: child.pid!,
    base,
    spawnedAt: started,
    startMs,
    output: () => output,
    memoryKb() {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
        return { rss: procStatusKb(status, "VmRSS"), hwm: procStatusKb(status, "VmHWM") };
      } catch {
        return { rss: null, hwm: null };
      }
    },
    cpuMs() {
      try {
        // Fields 14 and 15 of /proc/<pid>/stat (after the command in parentheses): utime and stime in clock ticks.
        const fields = fs.readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
      } catch {
        return null;
      }
    },
    stop: () => stopChild(child),
  };
}

/** USER_HZ of Linux's /proc (100 on every common architecture). */
const CLOCK_TICKS_PER_SECOND = 100;

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// ---- signing in ------------------------------------------------------------------------------------

function mergeCookies(jar: Map<string, string>, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    const name = pair!.slice(0, index).trim();
    const value = pair!.slice(index + 1).trim();
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Signs a demo account in through the real forms; returns the Cookie header for its session. */
export async function signIn(base: string, email: string): Promise<string> {
  const jar = new Map<string, string>();
  const post = async (pathname: string, fields: Record<string, string>) => {
    const response = await fetch(base + pathname, {
      method: "POST",
      redirect: "manual",
      headers: { origin: base, "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
      body: new URLSearchParams(fields),
    });
    mergeCookies(jar, response);
    await response.arrayBuffer();
    return response;
  };
  const signedIn = await post("/anmelden", { email, password: DEMO_PASSWORD, weiter: "/arbeitsbereich" });
  const location = signedIn.headers.get("location") ?? "";
  if (location.startsWith("/konto/zweiter-faktor")) {
    const page = await fetch(base + location, { headers: { cookie: cookieHeader(jar) } });
    mergeCookies(jar, page);
    const html = await page.text();
    const secret = /data-testid="totp-secret"[^>]*>([^<]+)</.exec(html)?.[1]?.replace(/\s/g, "");
    const pending = /name="pending" value="([^"]*)"/.exec(html)?.[1];
    if (!secret || pending === undefined) throw new Error(`${email}: no second-factor enrolment form`);
    const code = generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
    await post(location, { intent: "einrichten", pending: unescapeHtml(pending), code });
  } else if (signedIn.status !== 302 && signedIn.status !== 303) {
    throw new Error(`${email}: sign-in answered ${signedIn.status}`);
  }
  const check = await fetch(`${base}/arbeitsbereich`, { headers: { cookie: cookieHeader(jar) }, redirect: "manual" });
  await check.arrayBuffer();
  if (check.status !== 200) throw new Error(`${email}: /arbeitsbereich answered ${check.status} after sign-in`);
  return cookieHeader(jar);
}

// ---- the plain server -------------------------------------------------------------------------------

export interface CapturedPage {
  status: number;
  contentType: string;
  body: Buffer;
}

/** A plain node:http server that answers each captured path with its bytes (keyed by path and query). */
export async function startPlainServer(
  pages: Map<string, CapturedPage>,
  /** 0: a free port the system picks. */
  listenPort = 0,
): Promise<{ base: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const page = pages.get(req.url ?? "/");
    if (!page) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(page.status, { "content-type": page.contentType, "content-length": page.body.length });
    res.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One GET without compression (as autocannon sends it): status, bytes, content type, statement count. */
export function capture(
  base: string,
  pathname: string,
  cookie?: string,
): Promise<CapturedPage & { statements: number | null }> {
  return new Promise((resolve, reject) => {
    const request = http.get(base + pathname, { headers: cookie ? { cookie } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const count = response.headers["x-statement-count"];
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers["content-type"] ?? "application/octet-stream"),
          body: Buffer.concat(chunks),
          statements: typeof count === "string" ? Number(count) : null,
        });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}
