/**
 * `npm run bench`: Quaestio's pages at archive size, as ratios against a plain `node:http` server sending the
 * same bytes in the same run (the machine is shared and noisy; the ratios compare, the milliseconds less so).
 *
 * For each target (PGlite embedded, the PostgreSQL server):
 *   1. start time to the first 200 on an empty database (migrate + demo seed), then stop;
 *   2. the corpus (test/bench/corpus.ts) through the bulk path, rows/s;
 *   3. start time on the existing database, RSS at rest, sign-in of the demo accounts;
 *   4. every page in PAGES (pages.ts): fetched once (status, size, X-Statement-Count), then autocannon against the
 *      app and against the plain server alternately (10 connections), median req/s, p50/p97.5/p99 — latency under
 *      saturation, queueing included; then, once the app is idle again, one client requesting the page one request
 *      at a time, each timed on the client to the last byte of the body: p50/p95/max of one user's wait;
 *      RSS peak (VmHWM).
 * Results: bench/results/<date>-<target>.json and bench/results/latest.md, with the targets of issues 13 and 14
 * evaluated from them (targets.ts).
 *
 * Environment: BENCH_N (inquiries, default 100000), BENCH_TARGETS (default "postgres,pglite"),
 * BENCH_DURATION (seconds per autocannon run, default 10), BENCH_REPEATS (default 3), BENCH_CONNECTIONS
 * (default 10), BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/quaestio_bench; the database
 * is dropped and created), BENCH_PGLITE_DIR (default data/bench/pglite; emptied), BENCH_SEED (default 1),
 * BENCH_PAGES (page names to run, separated by ";" since names contain commas; default all), BENCH_PGLITE_CORPUS_DIR (a kept PGlite corpus:
 * copied to BENCH_PGLITE_DIR instead of loading when its manifest matches N, seed, PGlite and the migrations;
 * loaded and kept there when the directory does not exist yet; a mismatch stops the run — corpus-store.ts),
 * BENCH_LATENCY_REQUESTS and BENCH_LATENCY_SECONDS (the 1-client phase runs until both are reached, defaults 100 and
 * 3), BENCH_LATENCY_MAX_SECONDS (its bound for slow pages, default 60), BENCH_APP_PORT and BENCH_PLAIN_PORT (the
 * app's and the plain server's ports, default 0: a free one).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase } from "../../app/server/core/db.server";
import {
  buildIfStale,
  capture,
  root,
  signIn,
  startApp,
  startPlainServer,
  type AppProcess,
  type CapturedPage,
  type DatabaseTarget,
  readRssAtRest,
  waitForOutboxDrained,
  waitUntilIdle,
} from "./app-process";
import {
  DEFAULT_BENCH_DATABASE_URL,
  dropPostgresDatabase,
  generateCorpus,
  manifestFor,
  PGLITE_LOADER_OPTIONS,
  progressLine,
  recreatePostgresDatabase,
  type CorpusResult,
} from "./corpus";
import {
  copyDataDirectory,
  corpusAgeDays,
  corpusMismatch,
  CORPUS_FORMAT,
  migrationStamps,
  pgliteVersion,
  readManifest,
  writeManifest,
  type CorpusManifest,
} from "./corpus-store";
import { writeLatest, type TargetResult } from "./results";
import { PAGES, type Page, type Role } from "./pages";
import { latencySummary, median, oneClientDone, ratioPercent, type LatencySummary, type PageResult } from "./stats";

const ACCOUNTS: Record<Exclude<Role, "public">, string> = {
  councilOffice: "ratsbuero@norderstedt.quaestio.example",
  faction: "fraktion@norderstedt.quaestio.example",
};

const env = process.env;
const settings = {
  n: Number(env.BENCH_N ?? 100_000),
  targets: (env.BENCH_TARGETS ?? "postgres,pglite")
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean),
  duration: Number(env.BENCH_DURATION ?? 10),
  repeats: Math.max(1, Number(env.BENCH_REPEATS ?? 3)),
  connections: Number(env.BENCH_CONNECTIONS ?? 10),
  databaseUrl: env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL,
  pgliteDir: path.resolve(root, env.BENCH_PGLITE_DIR ?? "data/bench/pglite"),
  seed: Number(env.BENCH_SEED ?? 1),
  // ";" separates page names (several contain commas: "Antwort, ungecacht").
  pages: env.BENCH_PAGES ? env.BENCH_PAGES.split(";").map((p) => p.trim()) : null,
  pgliteCorpusDir: env.BENCH_PGLITE_CORPUS_DIR ? path.resolve(root, env.BENCH_PGLITE_CORPUS_DIR) : null,
  oneClient: {
    minRequests: Number(env.BENCH_LATENCY_REQUESTS ?? 100),
    minSeconds: Number(env.BENCH_LATENCY_SECONDS ?? 3),
    maxSeconds: Number(env.BENCH_LATENCY_MAX_SECONDS ?? 60),
  },
  plainPort: Number(env.BENCH_PLAIN_PORT ?? 0),
};

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface Cannon {
  rps: number;
  p50: number | null;
  p97_5: number | null;
  p99: number | null;
  non2xx: number;
  /** Timeouts and connection errors. */
  unanswered: number;
}

async function cannon(url: string, cookie?: string): Promise<Cannon> {
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration: settings.duration,
    headers: cookie ? { cookie } : {},
  });
  // No response within the run (every request slower than the run): no latency to report, not 0 ms.
  const none = result.requests.total === 0;
  return {
    rps: result.requests.average,
    p50: none ? null : result.latency.p50,
    p97_5: none ? null : result.latency.p97_5,
    p99: none ? null : result.latency.p99,
    non2xx: result.non2xx,
    unanswered: result.timeouts + result.errors,
  };
}

/** One GET on the client's keep-alive connection, timed from sending it to the last byte of the body. */
function timedGet(agent: http.Agent, url: string, cookie?: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers: cookie ? { cookie } : {}, timeout: 30_000 }, (response) => {
      response.on("data", () => {});
      response.on("end", () => resolve({ ms: performance.now() - started, status: response.statusCode ?? 0 }));
      response.on("error", reject);
    });
    request.on("timeout", () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", reject);
  });
}

/**
 * One user's wait: one client, one request at a time on one keep-alive connection (as a browser tab), with the
 * throughput phase's headers (no compression requested, the session cookie for the dashboards), until
 * BENCH_LATENCY_REQUESTS and BENCH_LATENCY_SECONDS are both reached or BENCH_LATENCY_MAX_SECONDS passed. Every
 * request is timed on the client, the whole body read; p50/p95/max come from all the samples (stats.ts).
 */
async function oneClient(
  url: string,
  cookie: string | undefined,
  expectStatus: number,
): Promise<LatencySummary | null> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  let unexpectedStatus = 0;
  let failed = 0;
  const started = performance.now();
  try {
    while (!oneClientDone(samples.length, performance.now() - started, settings.oneClient) && failed < 3) {
      try {
        const { ms, status } = await timedGet(agent, url, cookie);
        samples.push(ms);
        if (status !== expectStatus) unexpectedStatus++;
      } catch {
        failed++;
      }
    }
  } finally {
    agent.destroy();
  }
  const summary = latencySummary(samples, (performance.now() - started) / 1000, { unexpectedStatus, failed });
  // Hundredths of a millisecond are more than the client's timing can tell apart.
  const round = (value: number) => Math.round(value * 100) / 100;
  return (
    summary && {
      ...summary,
      seconds: round(summary.seconds),
      p50: round(summary.p50),
      p95: round(summary.p95),
      max: round(summary.max),
    }
  );
}

async function runTarget(kind: string): Promise<TargetResult> {
  // A kept corpus that does not fit stops the run here, before anything is started.
  const kept = kind === "pglite" ? keptCorpus() : null;
  const loadAverageAtStart = (await import("node:os")).loadavg();
  let target: DatabaseTarget;
  if (kind === "postgres") {
    await recreatePostgresDatabase(settings.databaseUrl);
    target = { kind: "postgres", url: settings.databaseUrl };
  } else if (kind === "pglite") {
    fs.rmSync(settings.pgliteDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(settings.pgliteDir), { recursive: true });
    target = { kind: "pglite", dir: settings.pgliteDir };
  } else {
    throw new Error(`BENCH_TARGETS: unknown target ${kind} (postgres, pglite)`);
  }

  log(`${kind}: Start auf leerer Datenbank (migrieren + Demo-Daten) …`);
  let app = await startApp(target);
  const startEmptyMs = app.startMs;
  log(`${kind}: erste 200 nach ${(startEmptyMs / 1000).toFixed(1)} s (leere Datenbank)`);
  await app.stop();

  let corpus: CorpusResult;
  if (kept?.manifest && target.kind === "pglite") {
    log(`${kind}: Korpus aus ${kept.dir} (geladen ${kept.manifest.createdAt}) kopieren …`);
    const t0 = performance.now();
    copyDataDirectory(kept.dir, target.dir);
    corpus = { ...kept.manifest.load, reused: { from: kept.dir, createdAt: kept.manifest.createdAt } };
    log(`${kind}: Korpus kopiert in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    log(`${kind}: Korpus mit ${settings.n} Anfragen …`);
    const createdAt = new Date();
    const handle = await openDatabase(
      target.kind === "postgres" ? target : { kind: "pglite", dir: target.dir },
      PGLITE_LOADER_OPTIONS,
    );
    try {
      let last = 0;
      corpus = await generateCorpus(handle, {
        n: settings.n,
        seed: settings.seed,
        now: createdAt,
        onProgress: (p) => {
          if (p.seconds - last >= 10 || p.inquiries === p.n) {
            last = p.seconds;
            log(`${kind}: ${progressLine(p)}`);
          }
        },
      });
    } finally {
      await handle.close();
    }
    log(
      `${kind}: Korpus fertig: ${corpus.rows} Zeilen in ${corpus.seconds.toFixed(0)} s = ${Math.round(corpus.rowsPerSecond)} Zeilen/s`,
    );
    if (kept && target.kind === "pglite") {
      // Kept before the app's first start writes into the database (deadline reminders, outbox).
      copyDataDirectory(target.dir, kept.dir);
      writeManifest(kept.dir, manifestFor(corpus, { n: settings.n, seed: settings.seed, createdAt }));
      log(`${kind}: Korpus aufbewahrt in ${kept.dir}`);
    }
  }

  app = await startApp(target);
  const startExistingMs = app.startMs;
  log(`${kind}: erste 200 nach ${(startExistingMs / 1000).toFixed(1)} s (vorhandene Datenbank mit Korpus)`);
  let pages: PageResult[];
  let rssAtRestMb: number | null;
  let rssAtRestSeconds: number;
  let rssAtRestSettled: boolean;
  let outboxDrainSeconds: number | null;
  let rssPeakMb: number | null;
  let settleSeconds: number;
  try {
    // At rest: once the background work after the start (first deadline scan over the new corpus, outbox) is done.
    log(`${kind}: warte, bis die Hintergrundarbeit nach dem Start (Fristenprüfung, Postausgang) ruht …`);
    settleSeconds = await waitUntilIdle(app, {
      onWait: (s) => log(`${kind}: … nach ${s.toFixed(0)} s noch nicht in Ruhe`),
    });
    log(`${kind}: in Ruhe nach ${settleSeconds.toFixed(0)} s`);
    const drained = await waitForOutboxDrained(app);
    outboxDrainSeconds = drained === null ? null : Math.round(drained);
    log(
      drained === null
        ? `${kind}: Postausgang nach 10 min noch nicht leer`
        : `${kind}: Postausgang leer (${drained.toFixed(0)} s gewartet)`,
    );
    const rest = await readRssAtRest(app);
    rssAtRestMb = rest.kb === null ? null : Math.round(rest.kb / 1024);
    rssAtRestSeconds = Math.round(rest.secondsAfterStart);
    rssAtRestSettled = rest.settled;
    log(
      `${kind}: RSS in Ruhe ${rssAtRestMb} MB, ${rssAtRestSeconds} s nach dem Start${rest.settled ? "" : " (fiel noch, Wartegrenze erreicht)"}`,
    );
    pages = await measurePages(app, kind);
    const peak = app.memoryKb().hwm;
    rssPeakMb = peak === null ? null : Math.round(peak / 1024);
    log(`${kind}: RSS-Spitze ${rssPeakMb} MB`);
  } finally {
    await app.stop();
  }
  return {
    target: kind,
    date: new Date().toISOString(),
    commit: gitCommit(),
    settings: {
      n: settings.n,
      duration: settings.duration,
      repeats: settings.repeats,
      connections: settings.connections,
      pgliteDir: path.relative(root, settings.pgliteDir),
      seed: settings.seed,
      pages: settings.pages,
      oneClient: settings.oneClient,
    },
    machine: { cpus: (await import("node:os")).cpus().length, loadAverageAtStart },
    startEmptyMs: Math.round(startEmptyMs),
    startExistingMs: Math.round(startExistingMs),
    settleSeconds: Math.round(settleSeconds),
    rssAtRestMb,
    rssAtRestSeconds,
    rssAtRestSettled,
    outboxDrainSeconds,
    rssPeakMb,
    corpus,
    pages,
  };
}

/**
 * BENCH_PGLITE_CORPUS_DIR: the kept corpus with its manifest when it fits this run, { manifest: null } when the
 * directory does not exist yet (the run loads and keeps it); throws when it is there but does not fit.
 */
function keptCorpus(): { dir: string; manifest: CorpusManifest | null } | null {
  const dir = settings.pgliteCorpusDir;
  if (!dir) return null;
  if (!fs.existsSync(dir)) return { dir, manifest: null };
  const manifest = readManifest(dir);
  const mismatch = corpusMismatch(manifest, {
    format: CORPUS_FORMAT,
    n: settings.n,
    seed: settings.seed,
    pglite: pgliteVersion(root),
    migrations: migrationStamps(path.join(root, "db/migrations")),
  });
  if (mismatch) {
    throw new Error(
      `BENCH_PGLITE_CORPUS_DIR=${dir} passt nicht zu diesem Lauf (${mismatch}); Verzeichnis löschen, dann lädt der Lauf neu und bewahrt den Korpus dort auf.`,
    );
  }
  const age = corpusAgeDays(manifest!);
  if (age > 0) log(`pglite: der Korpus ist ${age} Tage alt (seine Daten sind relativ zum Ladetag)`);
  return { dir, manifest };
}

async function measurePages(app: AppProcess, kind: string): Promise<PageResult[]> {
  const cookies: Partial<Record<Role, string>> = {};
  for (const role of ["councilOffice", "faction"] as const) {
    try {
      cookies[role] = await signIn(app.base, ACCOUNTS[role]);
    } catch (error) {
      log(`${kind}: Anmeldung ${ACCOUNTS[role]} fehlgeschlagen: ${(error as Error).message}`);
    }
  }
  const selected = PAGES.filter((p) => !settings.pages || settings.pages.includes(p.name));
  const captured = new Map<string, CapturedPage>();
  const plan: { page: Page; path: string; key: string; cookie?: string; result: PageResult }[] = [];
  for (const page of selected) {
    const pagePath = typeof page.path === "function" ? page.path(settings.n) : page.path;
    const cookie = page.as && page.as !== "public" ? cookies[page.as] : undefined;
    // The plain server tells pages apart by URL; a signed-in page gets its own key.
    const key =
      page.as && page.as !== "public" ? `${pagePath}${pagePath.includes("?") ? "&" : "?"}als=${page.as}` : pagePath;
    const firstStarted = performance.now();
    const shot = await capture(app.base, pagePath, cookie);
    const firstMs = Math.round(performance.now() - firstStarted);
    const present = shot.status === (page.expect ?? 200) && (!page.as || page.as === "public" || cookie !== undefined);
    captured.set(key, shot);
    plan.push({
      page,
      path: pagePath,
      key,
      cookie,
      result: {
        name: page.name,
        path: pagePath,
        status: shot.status,
        present,
        bytes: shot.body.length,
        statements: shot.statements,
        appRps: null,
        plainRps: null,
        ratioPercent: null,
        p50: null,
        p97_5: null,
        p99: null,
        firstMs,
        non2xx: null,
        ...(present ? {} : { note: page.as && !cookie ? "sign-in failed" : "not present" }),
      },
    });
  }
  const plain = await startPlainServer(captured, settings.plainPort);
  try {
    for (const { page, path: pagePath, key, cookie, result } of plan) {
      if (!result.present) {
        log(`${kind}: ${page.name} ${pagePath}: ${result.status} – nicht vorhanden, übersprungen`);
        continue;
      }
      const appRuns: Cannon[] = [];
      const plainRuns: Cannon[] = [];
      for (let r = 0; r < settings.repeats; r++) {
        appRuns.push(await cannon(app.base + pagePath, cookie));
        plainRuns.push(await cannon(plain.base + key));
      }
      result.appRps = median(appRuns.map((c) => c.rps));
      result.plainRps = median(plainRuns.map((c) => c.rps));
      result.ratioPercent = ratioPercent(result.appRps, result.plainRps);
      const answered = appRuns.filter((c) => c.p50 !== null);
      result.p50 = answered.length ? median(answered.map((c) => c.p50!)) : null;
      result.p97_5 = answered.length ? median(answered.map((c) => c.p97_5!)) : null;
      result.p99 = answered.length ? median(answered.map((c) => c.p99!)) : null;
      result.non2xx = appRuns.reduce((sum, c) => sum + c.non2xx, 0);
      // The requests still in flight when autocannon stopped are served first (on PGlite up to 10 × 300 ms): the
      // one client starts on an idle app.
      await waitUntilIdle(app, { minWaitMs: 0, quietMs: 500, quietWindows: 2, timeoutMs: 30_000 });
      result.oneClient = await oneClient(app.base + pagePath, cookie, page.expect ?? 200);
      const unanswered = appRuns.reduce((sum, c) => sum + c.unanswered, 0);
      const notes: string[] = page.note ? [page.note] : [];
      if (answered.length < appRuns.length || unanswered) {
        notes.push(
          `${appRuns.length - answered.length} of ${appRuns.length} runs without any response; ${unanswered} timeouts/errors`,
        );
      }
      if (result.non2xx && page.non2xxNote) notes.push(page.non2xxNote);
      const single = result.oneClient;
      if (!single) notes.push("1 client: no answer");
      else if (single.unexpectedStatus || single.failed) {
        notes.push(
          `1 client: ${single.unexpectedStatus} answers not ${page.expect ?? 200}, ${single.failed} without answer`,
        );
      }
      if (notes.length) result.note = notes.join("; ");
      log(
        `${kind}: ${page.name} ${pagePath}: ${result.appRps.toFixed(1)} req/s (${result.ratioPercent.toFixed(2)} % von ${Math.round(result.plainRps)}), erste ${result.firstMs ?? "–"} ms, p50 ${result.p50 ?? "–"} ms, p97.5 ${result.p97_5 ?? "–"} ms, p99 ${result.p99 ?? "–"} ms; 1 Client p50 ${single?.p50.toFixed(1) ?? "–"} ms, p95 ${single?.p95.toFixed(1) ?? "–"} ms, max ${single?.max.toFixed(1) ?? "–"} ms (${single?.samples ?? 0} Anfragen),${result.note ? ` (${result.note})` : ""} ${result.statements ?? "?"} Statements, ${(result.bytes / 1024).toFixed(1)} kB`,
      );
    }
  } finally {
    await plain.stop();
  }
  return plan.map((p) => p.result);
}

function gitCommit(): string {
  try {
    // A clone has a .git directory; a worktree has a .git file that names its git directory.
    const dotGit = path.join(root, ".git");
    const gitDir = fs.statSync(dotGit).isDirectory()
      ? dotGit
      : fs
          .readFileSync(dotGit, "utf8")
          .replace(/^gitdir:/, "")
          .trim();
    const ref = fs.readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    if (!ref.startsWith("ref:")) return ref.slice(0, 12);
    const name = ref.slice(4).trim();
    const common = fs.existsSync(path.join(gitDir, "commondir"))
      ? path.resolve(gitDir, fs.readFileSync(path.join(gitDir, "commondir"), "utf8").trim())
      : gitDir;
    for (const dir of [gitDir, common]) {
      const file = path.join(dir, name);
      if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim().slice(0, 12);
    }
    const packed = fs.readFileSync(path.join(common, "packed-refs"), "utf8");
    return (
      packed
        .split("\n")
        .find((line) => line.endsWith(` ${name}`))
        ?.slice(0, 12) ?? "unknown"
    );
  } catch {
    return "unknown";
  }
}

async function main() {
  const unknownPages = (settings.pages ?? []).filter((name) => !PAGES.some((p) => p.name === name));
  if (unknownPages.length > 0) {
    throw new Error(
      `BENCH_PAGES nennt unbekannte Seiten: ${unknownPages.join("; ")}. Bekannt: ${PAGES.map((p) => p.name).join("; ")}`,
    );
  }
  log(
    `N=${settings.n}, Ziele ${settings.targets.join(", ")}, ${settings.repeats}× ${settings.duration} s, ${settings.connections} Verbindungen`,
  );
  buildIfStale(log);
  const results: TargetResult[] = [];
  const outDir = path.join(root, "bench/results");
  fs.mkdirSync(outDir, { recursive: true });
  for (const kind of settings.targets) {
    const result = await runTarget(kind);
    results.push(result);
    const file = path.join(outDir, `${result.date.slice(0, 10)}-${kind}.json`);
    fs.writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
    log(`${kind}: ${path.relative(root, file)} geschrieben`);
    if (kind === "postgres" && env.BENCH_KEEP_DATABASE !== "1") await dropPostgresDatabase(settings.databaseUrl);
  }
  await writeLatest(outDir, results);
  log("bench/results/latest.md geschrieben");
}

await main();
