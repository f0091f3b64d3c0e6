/**
 * The browser helpers themselves, on tiny pages served here with a CSP as strict as the app's: if these
 * checks could not see a console error, a failed request or an accessibility violation, every other
 * browser test would pass for the wrong reason.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkA11y, launchBrowser, openPage } from "../support/browser";

const CSP = "default-src 'self'; script-src 'nonce-t3st'; style-src 'self'; img-src 'self'";

const pages: Record<string, string> = {
  "/clean": `<h1>Anfragen</h1><main><p>Alles gut.</p></main>`,
  "/broken": `<h1>Kaputt</h1><main><img src="/missing.png" alt="fehlt">
    <script nonce="t3st">console.error("boom from the page")</script></main>`,
  "/inaccessible": `<main><h1>Ohne Alternativtext</h1><img src="/pixel.svg"><button></button></main>`,
};

const PIXEL = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>`;

let server: http.Server;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body = pages[req.url ?? ""];
    if (req.url === "/pixel.svg") {
      res.writeHead(200, { "content-type": "image/svg+xml" }).end(PIXEL);
    } else if (body) {
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": CSP })
        .end(
          `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title><link rel="icon" href="/pixel.svg"></head><body>${body}</body></html>`,
        );
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe("browser test helpers", () => {
  it("pass a clean page, with axe evaluated despite a nonce-only CSP", async () => {
    const recorded = await openPage(browser);
    await recorded.page.goto(`${origin}/clean`);
    const violations = await checkA11y(recorded.page);
    expect(Array.isArray(violations)).toBe(true);
    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("record console errors and failed requests", async () => {
    const recorded = await openPage(browser);
    await recorded.page.goto(`${origin}/broken`, { waitUntil: "load" });
    expect(() => recorded.assertNoPageErrors()).toThrow(/boom from the page/);
    expect(recorded.problems.join("\n")).toMatch(/HTTP 404: GET .*\/missing\.png/);
    await recorded.close();
  });

  it("let a test declare the HTTP error it provokes", async () => {
    const recorded = await openPage(browser);
    recorded.allowHttpError("/nope", 404);
    const response = await recorded.page.goto(`${origin}/nope`);
    expect(response?.status()).toBe(404);
    recorded.assertNoPageErrors();
    await recorded.close();
  });

  it("fail on serious or critical accessibility violations, naming them", async () => {
    const recorded = await openPage(browser);
    await recorded.page.goto(`${origin}/inaccessible`);
    await expect(checkA11y(recorded.page)).rejects.toThrow(/image-alt/);
    await expect(checkA11y(recorded.page)).rejects.toThrow(/button-name/);
    await recorded.close();
  });
});
