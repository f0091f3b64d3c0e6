// Checks in front of Remix, in the order a request is read (scripts/start.mjs installs them). Each refusal is
// a small German HTML page with the security headers (entry.server's refusalPage) and no stack trace in the log:
//   1. request target: only origin-form paths ("/…"); "*" and absolute-form ("http://evil.example/") → 400
//   2. method: GET, HEAD, POST; other known methods (TRACE, PUT, DELETE, OPTIONS …) → 405 with Allow; others → 501
//   3. Host: must be on the allow-list (hostAllowed: PUBLIC_URL's host, ALLOWED_HOSTS, loopback outside
//      production) → else 400. X-Forwarded-Host counts only with TRUST_PROXY and is dropped otherwise, so
//      that nothing Remix builds (URLs, the same-origin check) can take its host from an untrusted header.
//   4. CSRF: a foreign Origin or Sec-Fetch-Site: cross-site on a state-changing request → 403
//   5. body: form content types only (415; multipart without boundary 400), Content-Length and then the bytes
//      actually streamed within the route's limit (bodyLimitFor) → else 413; the body is read here, once.
//
// Plain Node ESM like start.mjs; the rules themselves live in the app (app/server/config.server.ts,
// app/domain/request-limits.ts) and come in through the server build.

const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST"]);
const KNOWN_METHODS = new Set(["OPTIONS", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"]);
const ALLOW = "GET, HEAD, POST";
/** How long a refused body is still read and discarded before the connection is cut (see the 413 below). */
const REFUSED_BODY_LINGER_MS = 5_000;

/** Answers with the app's refusal page and, for a body we will not read, closes the connection. */
function refuse(entry, req, res, status, { limitBytes, closeConnection = false, headers = {} } = {}) {
  const page = entry.refusalPage(status, req.secure, limitBytes);
  res.status(page.status);
  for (const [name, value] of Object.entries({ ...page.headers, ...headers })) res.setHeader(name, value);
  // An unread body must not be drained by the server; the client is told the connection ends here.
  if (closeConnection) res.setHeader("Connection", "close");
  res.end(req.method === "HEAD" ? undefined : page.body);
}

function firstValue(header) {
  if (header === undefined) return undefined;
  const value = Array.isArray(header) ? header[0] : header;
  return value.split(",")[0].trim();
}

function formContentType(contentType) {
  const value = (contentType ?? "").toLowerCase();
  if (value.startsWith("application/x-www-form-urlencoded")) return "ok";
  if (value.startsWith("multipart/form-data"))
    return /;\s*boundary=("[^"]+"|[^;\s]+)/i.test(contentType) ? "ok" : "no_boundary";
  // Remix's fetchers with encType text/plain are not used by the app; a POST without a body type is refused too.
  return "unsupported";
}

export function installRequestGuards(app, entry) {
  const trustsProxy = Boolean(app.get("trust proxy"));

  app.use((req, res, next) => {
    // 1. Only origin-form targets: anything else would become a URL Remix cannot build (500).
    if (!req.url.startsWith("/")) return refuse(entry, req, res, 400, { closeConnection: true });

    // 2. Methods.
    if (!ALLOWED_METHODS.has(req.method)) {
      if (KNOWN_METHODS.has(req.method))
        return refuse(entry, req, res, 405, { closeConnection: true, headers: { Allow: ALLOW } });
      return refuse(entry, req, res, 501, { closeConnection: true });
    }

    // 3. Host allow-list.
    const forwardedHost = trustsProxy ? firstValue(req.headers["x-forwarded-host"]) : undefined;
    if (!trustsProxy) delete req.headers["x-forwarded-host"];
    const host = forwardedHost || firstValue(req.headers.host);
    if (!entry.hostAllowed(host)) return refuse(entry, req, res, 400, { closeConnection: true });
    req.quaestioHost = host.toLowerCase();
    if (forwardedHost) req.headers["x-forwarded-host"] = req.quaestioHost;

    if (req.method !== "POST") return next();

    // 4. CSRF: actions check again with assertSameOrigin().
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    if (site === "cross-site" || (origin && origin !== `${req.protocol}://${req.quaestioHost}`)) {
      return refuse(entry, req, res, 403, { closeConnection: true });
    }

    // 5. Body: type, declared length, streamed length.
    const type = formContentType(req.get("content-type"));
    if (type !== "ok") return refuse(entry, req, res, type === "no_boundary" ? 400 : 415, { closeConnection: true });
    const limit = entry.bodyLimitFor(req.path);
    const declared = req.get("content-length");
    if (declared !== undefined && !(Number(declared) <= limit)) {
      return refuse(entry, req, res, 413, { limitBytes: limit, closeConnection: true });
    }
    const chunks = [];
    let received = 0;
    let done = false;
    const finish = (error) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      if (error === "too_large") {
        // A lingering close: the 413 goes out at once on a connection that stays open while what the client
        // still sends is read and discarded, for a few seconds at most. Closing at once (Connection: close)
        // leaves unread data in the kernel, whose reset can wipe out the 413 before the client has read it.
        req.resume();
        const linger = setTimeout(() => req.socket.destroy(), REFUSED_BODY_LINGER_MS);
        linger.unref();
        const stop = () => clearTimeout(linger);
        req.once("end", stop);
        req.socket.once("close", stop);
        return refuse(entry, req, res, 413, { limitBytes: limit });
      }
      if (error) return; // the client went away; nothing to answer
      req.quaestioBody = Buffer.concat(chunks, received);
      next();
    };
    const onData = (chunk) => {
      received += chunk.length;
      if (received > limit) return finish("too_large");
      chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error) => finish(error ?? new Error("aborted"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}
