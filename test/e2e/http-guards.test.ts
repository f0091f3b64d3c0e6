/**
 * Issue 12 on the running app (scripts/start.mjs): what the HTTP server refuses before Remix reads anything —
 * a Host that is not this installation's, bodies over the route's limit (declared or streamed), malformed
 * request lines, unsupported methods and content types — each with a German page, the security headers and
 * no stack trace in the log; mail links that ignore Host and X-Forwarded-Host; the long cache of /assets/*
 * with a session cookie; and the development mailbox only for a local trial, never in production.
 * Requests are written by hand (node:net) because fetch() will not send a forged Host or `GET *`.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, runAppUntilExit, startApp, type RunningApp } from "../support/server";

let app: RunningApp;
let mailDir: string;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-guards-mail-"));
  app = await startApp({ env: { MAIL_DIR: mailDir, SMTP_URL: "" } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  fs.rmSync(mailDir, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends bytes as they are and reads the answer until the server closes the connection. */
function raw(port: number, head: string, body: Buffer | string = ""): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", (error) => (chunks.length > 0 ? undefined : reject(error)));
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [headPart = "", ...rest] = text.split("\r\n\r\n");
      const [statusLine = "", ...headerLines] = headPart.split("\r\n");
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(":");
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
    socket.write(head.replace(/\n/g, "\r\n") + "\r\n");
    if (body.length > 0) socket.write(body);
  });
}

const hostOf = () => `127.0.0.1:${app.port}`;

function expectRefusalPage(response: RawResponse, status: number, heading: string) {
  expect(response.status).toBe(status);
  expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers["x-content-type-options"]).toBe("nosniff");
  expect(response.headers["x-frame-options"]).toBe("DENY");
  expect(response.body).toContain('<html lang="de">');
  expect(response.body).toContain(`<h1>${heading}</h1>`);
  expect(response.body).not.toMatch(/\bat .+\.(js|ts|mjs):\d+/);
}

describe("Host allow-list", () => {
  it("answers the listening address and refuses a foreign or malformed Host with 400", async () => {
    const own = await raw(app.port, `GET /impressum HTTP/1.1\nHost: ${hostOf()}\nConnection: close\n`);
    expect(own.status).toBe(200);
    for (const host of ["evil.example", `evil.example:${app.port}`, "[::1", "127.0.0.1:1"]) {
      const refused = await raw(app.port, `GET / HTTP/1.1\nHost: ${host}\nConnection: close\n`);
      expectRefusalPage(refused, 400, "Ungültige Anfrage");
    }
  });

  it("builds the reset link from the configured origin, not from Host or X-Forwarded-Host", async () => {
    const email = "fraktion@hamburg.quaestio.example";
    const form = new URLSearchParams({ email }).toString();
    const response = await raw(
      app.port,
      [
        "POST /passwort-vergessen HTTP/1.1",
        `Host: ${hostOf()}`,
        "X-Forwarded-Host: evil.example:8443",
        `Origin: http://${hostOf()}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${Buffer.byteLength(form)}`,
        "Connection: close",
        "",
      ].join("\n"),
      form,
    );
    expect(response.status).toBe(200);
    // The outbox worker delivers into the development mailbox (MAIL_DIR).
    let text = "";
    await expect
      .poll(
        () => {
          for (const name of fs.readdirSync(mailDir).filter((n) => n.endsWith(".json"))) {
            const entry = JSON.parse(fs.readFileSync(path.join(mailDir, name), "utf8")) as {
              recipient: string;
              bodyText: string;
            };
            if (entry.recipient === email) text = entry.bodyText;
          }
          return text;
        },
        { timeout: 30_000, interval: 200 },
      )
      .toContain(`${app.url}/passwort-neu/`);
    expect(text).not.toContain("evil.example");
    expect(text).not.toContain("8443");
  });
});

describe("body limits", () => {
  it("refuses a declared body over 1 MB on a form route with 413 before reading it", async () => {
    const response = await raw(
      app.port,
      [
        "POST /anmelden HTTP/1.1",
        `Host: ${hostOf()}`,
        `Origin: http://${hostOf()}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${50 * 1024 * 1024}`,
        "",
      ].join("\n"),
    );
    expectRefusalPage(response, 413, "Zu große Anfrage");
    expect(response.body).toContain("höchstens 1 MB");
  });

  it("counts a streamed (chunked) body and answers 413 once it passes the limit", async () => {
    // A raw socket: the server may close while we are still sending, and what it answered must still be read.
    const status = await new Promise<number>((resolve, reject) => {
      const socket = net.connect(app.port, "127.0.0.1");
      const received: Buffer[] = [];
      socket.on("data", (chunk) => received.push(chunk));
      // A write error (EPIPE, ECONNRESET) can come before the answer has been read: decide on close.
      let failure: Error | null = null;
      socket.on("error", (error) => (failure ??= error));
      socket.on("close", () => {
        if (received.length === 0) reject(failure ?? new Error("closed without an answer"));
        else resolve(Number(Buffer.concat(received).toString("latin1").split(" ")[1]));
      });
      socket.write(
        [
          "POST /anmelden HTTP/1.1",
          `Host: ${hostOf()}`,
          `Origin: http://${hostOf()}`,
          "Content-Type: application/x-www-form-urlencoded",
          "Transfer-Encoding: chunked",
          "",
          "",
        ].join("\r\n"),
      );
      const chunk = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000, "a"), Buffer.from("\r\n")]);
      let sent = 0;
      const pump = () => {
        // Up to 8 MB; the server must have answered long before.
        while (received.length === 0 && sent < 8 * 1024 * 1024 && !socket.destroyed) {
          sent += 0x10000;
          if (!socket.write(chunk)) return void socket.once("drain", pump);
        }
        if (received.length === 0 && !socket.destroyed) socket.end("0\r\n\r\n");
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it("lets the draft editor post more than a form may (a few MB)", async () => {
    const form = new URLSearchParams({
      intent: "save",
      title: "x",
      "q-0-text": "a".repeat(2 * 1024 * 1024),
    }).toString();
    const response = await raw(
      app.port,
      [
        "POST /arbeitsbereich/entwurf/neu HTTP/1.1",
        `Host: ${hostOf()}`,
        `Origin: http://${hostOf()}`,
        "Content-Type: application/x-www-form-urlencoded",
        `Content-Length: ${Buffer.byteLength(form)}`,
        "Connection: close",
        "",
      ].join("\n"),
      form,
    );
    // Anonymous: sent to the sign-in page — but the body was accepted and read, not refused as too large.
    expect(response.status).not.toBe(413);
    expect(response.status).toBeLessThan(500);
  });
});

describe("malformed requests", () => {
  it("answer 400, 405, 415 or 501 and leave no error or stack trace in the log", async () => {
    const logBefore = app.output().length;
    const host = `Host: ${hostOf()}\nConnection: close\n`;
    const cases: Array<[string, string, string, number, string]> = [
      ["GET *", `GET * HTTP/1.1\n${host}`, "", 400, "Ungültige Anfrage"],
      ["absolute-form", `GET http://evil.example/ HTTP/1.1\n${host}`, "", 400, "Ungültige Anfrage"],
      ["TRACE", `TRACE / HTTP/1.1\n${host}`, "", 405, "Methode nicht erlaubt"],
      ["DELETE", `DELETE /anmelden HTTP/1.1\n${host}`, "", 405, "Methode nicht erlaubt"],
      ["PROPFIND", `PROPFIND / HTTP/1.1\n${host}`, "", 501, "Nicht unterstützt"],
      [
        "multipart without boundary",
        `POST /anmelden HTTP/1.1\n${host}Origin: http://${hostOf()}\nContent-Type: multipart/form-data\nContent-Length: 5\n`,
        "a=b&c",
        400,
        "Ungültige Anfrage",
      ],
      [
        "JSON to a form route",
        `POST /anmelden HTTP/1.1\n${host}Origin: http://${hostOf()}\nContent-Type: application/json\nContent-Length: 2\n`,
        "{}",
        415,
        "Nicht unterstütztes Format",
      ],
      [
        "X-Forwarded-Host not matching Origin",
        `POST /anmelden HTTP/1.1\n${host}X-Forwarded-Host: evil.example\nOrigin: http://evil.example\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 3\n`,
        "a=b",
        403,
        "Zugriff verweigert",
      ],
    ];
    for (const [label, head, body, status, heading] of cases) {
      const response = await raw(app.port, head, body);
      expect(response.status, label).toBe(status);
      expectRefusalPage(response, status, heading);
      if (status === 405) expect(response.headers.allow, label).toBe("GET, HEAD, POST");
    }
    // A POST to a page without an action is refused by Remix's router: 405 as well, and not logged as an error.
    const noAction = await raw(
      app.port,
      `POST /impressum HTTP/1.1\n${host}Origin: http://${hostOf()}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 3\n`,
      "a=b",
    );
    expect(noAction.status).toBe(405);
    const log = app.output().slice(logBefore);
    expect(log).not.toContain("Fehler-ID");
    expect(log).not.toMatch(/\n\s+at /);
  });
});

describe("caching", () => {
  it("keeps the year-long cache of fingerprinted assets when a session cookie comes along", async () => {
    const page = await raw(app.port, `GET /impressum HTTP/1.1\nHost: ${hostOf()}\nConnection: close\n`);
    const asset = /(\/assets\/[^"']+\.js)/.exec(page.body)?.[1];
    expect(asset, "a script under /assets/ on the page").toBeDefined();
    const response = await raw(
      app.port,
      `GET ${asset} HTTP/1.1\nHost: ${hostOf()}\nCookie: quaestio_session=irgendwas\nConnection: close\n`,
    );
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toContain("max-age=31536000");
    expect(response.headers["cache-control"]).toContain("immutable");
    expect(response.headers["cache-control"]).not.toContain("no-store");
  });
});

describe("development mailbox", () => {
  it("is there for npm start's local trial with demo data, from this machine", async () => {
    const response = await raw(app.port, `GET /entwicklung/postfach HTTP/1.1\nHost: ${hostOf()}\nConnection: close\n`);
    expect(response.status).toBe(200);
  });

  it("is not there in production even when switched on, and production needs PUBLIC_URL to start", async () => {
    const missing = await runAppUntilExit({ env: { NODE_ENV: "production", QUAESTIO_DEMO_DATA: "0" } });
    expect(missing.code).toBe(1);
    expect(missing.output).toContain("PUBLIC_URL");
    expect(missing.output).not.toMatch(/\n\s+at /);

    const port = await freePort();
    const production = await startApp({
      port,
      env: {
        NODE_ENV: "production",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        QUAESTIO_DEV_MAILBOX: "1",
        QUAESTIO_DEMO_DATA: "0",
        SMTP_URL: "",
      },
    });
    try {
      const response = await raw(
        port,
        `GET /entwicklung/postfach HTTP/1.1\nHost: 127.0.0.1:${port}\nConnection: close\n`,
      );
      expect(response.status).toBe(404);
      // Only PUBLIC_URL's host is answered in production: not localhost with the same port.
      const other = await raw(port, `GET / HTTP/1.1\nHost: localhost:${port}\nConnection: close\n`);
      expect(other.status).toBe(400);
    } finally {
      await production.stop();
    }
  }, 180_000);
});
