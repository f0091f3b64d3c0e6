// `npm start`: build if the sources are newer than the build, prepare the database (migrate, seed),
// serve the app with Express, and stop cleanly and quickly on SIGINT/SIGTERM.
//
// Environment:
//   PORT        port to listen on (default 3000; 0 picks a free one)
//   HOST        interface to listen on (default 127.0.0.1, reachable only from this machine;
//               HOST=0.0.0.0 opens it to the network — unlike remix-serve, which listens on all
//               interfaces unless HOST is set)
//   TRUST_PROXY Express "trust proxy" setting when behind a reverse proxy that terminates TLS
//               (e.g. "loopback" or "1"); then X-Forwarded-Proto decides whether HSTS is sent
//   NODE_ENV    defaults to "production" (the production build); only NODE_ENV=production set by the
//               operator marks a production installation: PUBLIC_URL is then required and the
//               development mailbox is off
//   QUAESTIO_RELEASE_MEMORY  0 turns off the full garbage collection once the app is idle after work
//               (scripts/release-memory.mjs; on by default)
//   QUAESTIO_DEV_MAILBOX  set to 1 here for a local trial with demo data and without SMTP_URL
//   PUBLIC_URL, ALLOWED_HOSTS  public origin and further hosts the app answers (app/server/config.server.ts);
//               the checks in front of Remix are in scripts/http-guards.mjs
// Database settings (DATABASE_URL, PGLITE_DIR) are read by the app itself.
//
// The app reads its configuration once, through app/server/core/config.server.ts (config()). This script
// keeps its own reads of process.env because it runs before the build is loaded (and sets the defaults
// the app then reads); after it changes PORT it asks the app to read the configuration again.
//
// Plain Node ESM on purpose: it must run before anything is built or compiled. It reads nothing
// from stdin, so it runs under a process supervisor without a terminal.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { releaseMemoryWhenIdle } from "./release-memory.mjs";

// A plain `npm start` runs the production build (React's production mode) as a local trial; QUAESTIO_LOCAL_RUN
// tells the app that NODE_ENV=production was our default, not the operator's declaration of production.
if (!process.env.NODE_ENV) {
  process.env.NODE_ENV = "production";
  process.env.QUAESTIO_LOCAL_RUN = "1";
}
// The development mailbox shows reset links: only for a local trial with demo data and without SMTP.
if (
  process.env.QUAESTIO_LOCAL_RUN === "1" &&
  process.env.QUAESTIO_DEV_MAILBOX === undefined &&
  !process.env.SMTP_URL?.trim() &&
  !["0", "false", "nein", "no"].includes(process.env.QUAESTIO_DEMO_DATA?.trim().toLowerCase() ?? "")
) {
  process.env.QUAESTIO_DEV_MAILBOX = "1";
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Relative paths in the environment mean what they meant where the user started us.
if (process.env.PGLITE_DIR && !path.isAbsolute(process.env.PGLITE_DIR)) {
  process.env.PGLITE_DIR = path.resolve(process.env.PGLITE_DIR);
}
process.chdir(root);

const serverBuildPath = path.join(root, "build/server/index.js");
const clientBuildDir = path.join(root, "build/client");
const buildInputs = ["app", "db", "public", "vite.config.ts", "tsconfig.json", "package.json"];

const SHUTDOWN_GRACE_MS = 1_000; // then open connections are cut
const SHUTDOWN_HARD_LIMIT_MS = 2_500; // then the process exits no matter what

/** State the signal handlers need; filled in as start-up proceeds. */
const state = {
  buildProcess: null,
  build: null,
  databaseOpened: false,
  server: null,
  memoryRelease: null,
  stopping: false,
};

process.once("SIGINT", () => stop("SIGINT"));
process.once("SIGTERM", () => stop("SIGTERM"));

function fail(sentence) {
  console.error(`Quaestio kann nicht starten: ${sentence}`);
}

// ---- configuration that can be checked before any work ----------------------------------------

const port = parsePort(process.env.PORT);
const host = process.env.HOST?.trim() || "127.0.0.1";

function parsePort(value) {
  if (value === undefined || value.trim() === "") return 3000;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65535) {
    fail(`PORT=${value} ist keine gültige Portnummer; setzen Sie PORT auf eine Zahl von 1 bis 65535.`);
    process.exit(1);
  }
  return number;
}

// ---- (a) build when stale -------------------------------------------------------------------------

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of fs.readdirSync(target)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function buildIsStale() {
  if (!fs.existsSync(serverBuildPath) || !fs.existsSync(clientBuildDir)) return true;
  const builtAt = fs.statSync(serverBuildPath).mtimeMs;
  return buildInputs.some((input) => newestMtime(path.join(root, input)) > builtAt);
}

async function buildIfStale() {
  if (!buildIsStale()) return;
  console.log("Quaestio wird gebaut (die Quelltexte sind neuer als der letzte Build) …");
  const exitCode = await new Promise((resolve) => {
    const child = spawn("npx", ["remix", "vite:build"], {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: process.env,
    });
    state.buildProcess = child;
    child.on("error", () => resolve(-1));
    child.on("exit", (code, signal) => resolve(signal ? -1 : code));
  });
  state.buildProcess = null;
  if (state.stopping) return;
  if (exitCode !== 0) {
    fail("der Build ist fehlgeschlagen (Meldungen siehe oben).");
    process.exit(1);
  }
}

// ---- (d) HTTP server ------------------------------------------------------------------------------

async function createApp(build) {
  const { default: express } = await import("express");
  const { createRequestHandler, writeReadableStreamToWritable } = await import("@remix-run/node");
  const { installRequestGuards } = await import("./http-guards.mjs");

  const { default: compression } = await import("compression");

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", parseTrustProxy(process.env.TRUST_PROXY));
  // gzip or Brotli (quality 4: near gzip's speed, smaller) for text responses of 1 kB and more — HTML, JSON,
  // CSS, JavaScript, XML; images and 304s are left alone. Streamed pages are compressed as they stream.
  app.use(compression({ threshold: 1024 }));

  // Static files and resource routes do not pass through entry.server's header code; fill in the
  // same security headers just before the response head is written, unless a handler set them.
  // Redirects from form posts (e.g. sign-out) bypass entry.server too: no-store for anything that carries
  // or sets a session cookie — except fingerprinted assets, which hold nothing personal and keep their year.
  const baseSecurityHeaders = build.entry.module.baseSecurityHeaders;
  const mustNotBeStored = build.entry.module.mustNotBeStored;
  app.use((req, res, next) => {
    const writeHead = res.writeHead;
    const fingerprintedAsset = req.path.startsWith("/assets/");
    res.writeHead = function writeHeadWithSecurityHeaders(...args) {
      if (typeof baseSecurityHeaders === "function") {
        for (const [name, value] of Object.entries(baseSecurityHeaders(req.secure))) {
          if (!res.hasHeader(name)) res.setHeader(name, value);
        }
      }
      if (
        !fingerprintedAsset &&
        typeof mustNotBeStored === "function" &&
        mustNotBeStored(req.headers.cookie, res.hasHeader("set-cookie"))
      ) {
        res.setHeader("Cache-Control", "no-store");
      }
      return writeHead.apply(this, args);
    };
    next();
  });

  // Request line, method, Host allow-list, CSRF, content type and body limit — before anything is parsed.
  installRequestGuards(app, build.entry.module);

  // Fingerprinted by Vite: cache for a year. A missing asset is a plain 404, not an HTML page.
  app.use(
    "/assets",
    express.static(path.join(clientBuildDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      fallthrough: false,
    }),
  );
  // The rest of build/client (copied from public/): short cache, names are not fingerprinted.
  // Only the paths of files that are there: a page request does not cost a stat() of the file system (issue 13).
  const serveFile = express.static(clientBuildDir, { maxAge: "1h", index: false });
  const files = new Set(
    fs
      .readdirSync(clientBuildDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => "/" + path.relative(clientBuildDir, path.join(entry.parentPath ?? entry.path, entry.name)))
      .filter((file) => !file.startsWith("/assets/"))
      .map((file) => file.split(path.sep).join("/")),
  );
  app.use((req, res, next) => (files.has(req.path) ? serveFile(req, res, next) : next()));

  const countStatements = build.entry.module.statementCountingEnabled?.() === true;
  // A page cache hit (an anonymous GET/HEAD of a cached public page) is answered here, from Node's request: no
  // Request, no Remix, the stored bytes with a fresh nonce and correlation id (app/server/core/public-page-cache),
  // gzipped from the bytes compressed when the page was stored when the client accepts gzip (the compression
  // middleware leaves a response with Content-Encoding alone).
  const publicPageHit = build.entry.module.publicPageHit;
  if (typeof publicPageHit === "function") {
    app.use((req, res, next) => {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      const hit = publicPageHit({
        url: `${req.protocol}://${req.quaestioHost}${req.originalUrl}`,
        method: req.method,
        cookie: req.headers.cookie,
        ifNoneMatch: req.headers["if-none-match"],
        ifModifiedSince: req.headers["if-modified-since"],
        acceptEncoding: req.headers["accept-encoding"],
      });
      if (!hit) return next();
      if (countStatements) res.setHeader("X-Statement-Count", "0");
      res.statusCode = hit.status;
      for (const name in hit.headers) res.setHeader(name, hit.headers[name]);
      res.end(hit.body ?? undefined);
    });
  }

  // Remix gets a Request built from the checked host and the body the guards have already read and counted.
  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  app.all("*", async (req, res, next) => {
    try {
      const controller = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) for (const each of value) headers.append(name, each);
        else if (value !== undefined) headers.set(name, value);
      }
      const init = { method: req.method, headers, signal: controller.signal };
      if (req.method !== "GET" && req.method !== "HEAD") init.body = req.quaestioBody ?? Buffer.alloc(0);
      const request = new Request(`${req.protocol}://${req.quaestioHost}${req.originalUrl}`, init);
      // One correlation id per request, shared by handleError and the error page.
      // clientIp feeds the per-IP rate limits; behind a proxy set TRUST_PROXY so that it is the client's.
      // peerAddress is the connection's own peer, which no header can change.
      const loadContext = {
        requestId: randomUUID(),
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unbekannt",
        peerAddress: req.socket.remoteAddress ?? undefined,
      };
      // Anonymous requests for public pages may be answered from the page cache without rendering.
      const servePublicPage = build.entry.module.servePublicPage;
      const render = () =>
        typeof servePublicPage === "function"
          ? servePublicPage(request, (each) => handleRequest(each, loadContext))
          : handleRequest(request, loadContext);
      // QUAESTIO_COUNT_STATEMENTS=1 (benchmark only): the number of SQL statements this request sent.
      let response;
      if (countStatements) {
        const counted = await build.entry.module.countStatementsOf(render);
        response = counted.value;
        res.setHeader("X-Statement-Count", String(counted.statements));
      } else {
        response = await render();
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body && response.headers.has("content-length") && isHtml(response)) {
        // A page rendered whole (entry.server): one write and the end. Remix's stream writer would flush the
        // compression after every chunk — a sync flush and a zlib round trip more each (issue 13).
        res.end(Buffer.from(await response.arrayBuffer()));
      } else if (response.body) {
        // A streamed page comes in many small chunks (React flushes a few kB at a time): the chunks of the same turn
        // of the event loop go out in one write, not one each (issue 13); later chunks (deferred data) still stream.
        res.cork();
        setImmediate(() => res.uncork());
        await writeReadableStreamToWritable(response.body, res);
      } else res.end();
    } catch (error) {
      next(error);
    }
  });

  // Errors outside Remix's own handling (should not happen): log with an id, answer without details.
  app.use((error, req, res, next) => {
    const status = Number.isInteger(error?.status) && error.status >= 400 && error.status < 500 ? error.status : 500;
    const id = randomUUID();
    if (status >= 500) console.error(`[Fehler-ID ${id}] ${req.method} ${req.originalUrl}`, error);
    if (res.headersSent) return next(error);
    res.status(status);
    res.type("text/plain; charset=utf-8");
    res.send(res.statusCode === 404 ? "Nicht gefunden.\n" : `Es ist ein Fehler aufgetreten. Fehler-ID: ${id}\n`);
  });

  return app;
}

function isHtml(response) {
  return response.headers.get("content-type")?.startsWith("text/html") === true;
}

function parseTrustProxy(value) {
  if (value === "true") return true;
  if (value === "false") return false;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function listen(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once("listening", () => resolve(server));
    server.once("error", reject);
  });
}

function listenErrorSentence(error) {
  switch (error?.code) {
    case "EADDRINUSE":
      return `Port ${port} ist belegt – beenden Sie das andere Programm oder setzen Sie PORT=… auf einen freien Port.`;
    case "EACCES":
      return `Port ${port} darf von diesem Benutzer nicht geöffnet werden – setzen Sie PORT auf eine Zahl über 1023.`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `HOST=${host} ist keine Adresse dieses Rechners – setzen Sie HOST=127.0.0.1 (nur lokal) oder HOST=0.0.0.0 (alle Netzwerkschnittstellen).`;
    default:
      return null;
  }
}

// ---- (e) start-up report ------------------------------------------------------------------------

function urlHost(address) {
  return address.includes(":") ? `[${address}]` : address;
}

function printDemoLogins(demoLogins) {
  if (!Array.isArray(demoLogins) || demoLogins.length === 0) return;
  const header = ["Rolle", "Körperschaft", "E-Mail", "Passwort"];
  const rows = demoLogins.map((login) =>
    [login.role, login.body, login.email, login.password].map((v) => String(v ?? "")),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join("  ")
      .trimEnd();
  console.log("");
  console.log("Demo-Zugänge:");
  console.log(line(header));
  console.log(line(widths.map((width) => "-".repeat(width))));
  for (const row of rows) console.log(line(row));
}

// ---- (f) shutdown ---------------------------------------------------------------------------------

async function closeDatabase() {
  if (!state.databaseOpened || !state.build) return;
  state.databaseOpened = false;
  await state.build.entry.module.shutdown();
}

function closeHttpServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections without a request in flight would otherwise hold close() open.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  });
}

async function stop(signal) {
  if (state.stopping) return;
  state.stopping = true;
  setTimeout(() => {
    console.error(`Quaestio wurde nach ${SHUTDOWN_HARD_LIMIT_MS / 1000} s Wartezeit hart beendet.`);
    process.exit(1);
  }, SHUTDOWN_HARD_LIMIT_MS).unref();

  console.log(`Quaestio wird beendet (${signal}) …`);
  try {
    state.buildProcess?.kill("SIGTERM");
    state.memoryRelease?.stop();
    if (state.server) await closeHttpServer(state.server);
    await closeDatabase();
  } catch (error) {
    console.error("Fehler beim Beenden:", error);
    process.exit(1);
  }
  process.exit(0);
}

// ---- main ---------------------------------------------------------------------------------------

async function main() {
  await buildIfStale();
  if (state.stopping) return;

  // (b)
  const build = await import(pathToFileURL(serverBuildPath).href);
  state.build = build;

  // (d) prepared while the database opens (the imports of Express and the middleware take a while too)
  const appReady = createApp(build);
  appReady.catch(() => {}); // awaited below; a failure is reported there

  // (c)
  let startupResult;
  try {
    state.databaseOpened = true;
    startupResult = await build.entry.module.startup();
  } catch (error) {
    if (state.stopping) return;
    if (error?.name === "ConfigurationError") {
      fail(error.message);
    } else {
      fail("beim Vorbereiten der Datenbank ist ein unerwarteter Fehler aufgetreten.");
      console.error(error?.stack ?? error);
    }
    await closeDatabase().catch(() => {});
    process.exit(1);
  }
  if (state.stopping) return;

  // (d)
  const app = await appReady;
  let server;
  try {
    server = await listen(app);
  } catch (error) {
    const sentence = listenErrorSentence(error);
    if (sentence) console.error(sentence);
    else {
      fail(`der Server kann nicht auf ${host}:${port} lauschen.`);
      console.error(error?.stack ?? error);
    }
    await closeDatabase().catch(() => {});
    process.exit(1);
  }
  state.server = server;
  if (state.stopping) return closeHttpServer(server);
  // Once the start's background work and later bursts of requests are over, give their memory back (issue 13).
  if (!["0", "false", "nein", "no"].includes(process.env.QUAESTIO_RELEASE_MEMORY?.trim().toLowerCase() ?? "")) {
    state.memoryRelease = releaseMemoryWhenIdle({
      server,
      busy: () => build.entry.module.backgroundWorkBusy?.() === true,
    });
  }

  // (e)
  const address = server.address();
  const shownHost = typeof address === "object" && address ? address.address : host;
  const shownPort = typeof address === "object" && address ? address.port : port;
  // PORT=0 picked a free port: mail links and the Host allow-list use the real one.
  process.env.PORT = String(shownPort);
  build.entry.module.resetConfig?.();
  console.log(`Quaestio läuft auf http://${urlHost(shownHost)}:${shownPort}`);
  if (shownHost === "0.0.0.0" || shownHost === "::") {
    console.log("(auf allen Netzwerkschnittstellen erreichbar – HOST=127.0.0.1 beschränkt auf diesen Rechner)");
  }
  printDemoLogins(startupResult?.demoLogins);
}

main().catch(async (error) => {
  fail("unerwarteter Fehler beim Start.");
  console.error(error?.stack ?? error);
  await closeDatabase().catch(() => {});
  process.exit(1);
});
