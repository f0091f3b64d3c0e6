/**
 * HTTP caching of `npm start` as a browser and a script see it: a published answer served from the page cache
 * still runs its scripts under the CSP (a fresh nonce each time, also after the browser revalidated its copy),
 * 304 for a matching If-None-Match, a signed-in reader never gets the anonymous copy, text is compressed when
 * the client asks for it, and fingerprinted assets are cacheable for a year even with a session cookie.
 */
import http from "node:http";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { openPage } from "../support/browser";
import { signInFactionMember } from "../support/sign-in";

const ANSWER = "/landtag-nrw/anfragen/17-9511";

const { app, browser } = useAppAndBrowser();

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain request without the automatic decompression of fetch, so that the bytes on the wire can be checked. */
function raw(path: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${app.url}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

const nonceOf = (response: RawResponse) =>
  /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"]))?.[1];

describe("published answer page", () => {
  it("is rendered once and then sent with a fresh nonce that matches its scripts", async () => {
    const first = await raw(ANSWER);
    const second = await raw(ANSWER);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers["cache-control"]).toBe("public, no-cache");
    expect(second.headers.vary).toMatch(/Cookie/);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(second)).not.toBe(nonceOf(first));
    const scripts = second.body.toString("utf8").match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(second)}"`);
  });

  it("answers 304 to a matching If-None-Match and the full page otherwise", async () => {
    const first = await raw(ANSWER);
    const etag = String(first.headers.etag);
    const notModified = await raw(ANSWER, { "If-None-Match": etag });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    const changed = await raw(ANSWER, { "If-None-Match": '"eine-andere-fassung"' });
    expect(changed.status).toBe(200);
    expect(changed.body.toString("utf8")).toContain("17/9511");
  });

  it("works in a browser from the cache and after a reload that revalidates it", async () => {
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await raw(ANSWER); // make sure it is cached
    await page.goto(`${app.url}${ANSWER}`);
    await expect.poll(() => page.locator("h1").count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator("h1").count()).toBe(1);
    // Any inline script blocked by the CSP would have been reported as a console error.
    assertNoPageErrors();
    await close();
  });

  it("is never the cached anonymous copy for a signed-in reader", async () => {
    await raw(ANSWER);
    const { page, assertNoPageErrors, close } = await openPage(browser);
    await signInFactionMember(page, app.url, "fraktion@norderstedt.quaestio.example");
    const response = await page.goto(`${app.url}${ANSWER}`);
    expect(response!.headers()["cache-control"]).toBe("no-store");
    await expect.poll(() => page.getByRole("button", { name: "Abmelden" }).count()).toBe(1);
    assertNoPageErrors();
    await close();
  });
});

describe("compression", () => {
  it("sends gzip or Brotli when the client accepts it, and the same page after decoding", async () => {
    const plain = await raw("/werkzeuge");
    const gzip = await raw("/werkzeuge", { "Accept-Encoding": "gzip" });
    const brotli = await raw("/werkzeuge", { "Accept-Encoding": "br" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
    const strip = (html: string) => html.replace(/nonce="[^"]+"|content="[0-9a-f-]{36}"/g, "");
    expect(strip(zlib.gunzipSync(gzip.body).toString("utf8"))).toBe(strip(plain.body.toString("utf8")));
    expect(strip(zlib.brotliDecompressSync(brotli.body).toString("utf8"))).toBe(strip(plain.body.toString("utf8")));
    expect(gzip.body.length).toBeLessThan(plain.body.length / 2);
  });

  it("sends a rendered page whole: its length when not compressed, and the same page gzipped", async () => {
    // Issue 13: a page without deferred data is rendered into one buffer and sent with one write.
    const plain = await raw("/impressum?x=1");
    const gzip = await raw("/impressum?x=1", { "Accept-Encoding": "gzip" });
    const head = await raw("/impressum?x=1", {}, "HEAD");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-length"]).toBe(String(plain.body.length));
    expect(plain.headers["transfer-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toMatch(/^<!DOCTYPE html>[\s\S]*Impressum[\s\S]*<\/html>/);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    const strip = (html: string) => html.replace(/nonce="[^"]+"|content="[0-9a-f-]{36}"/g, "");
    expect(strip(zlib.gunzipSync(gzip.body).toString("utf8"))).toBe(strip(plain.body.toString("utf8")));
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});

describe("static assets", () => {
  it("are cacheable for a year with and without a session cookie", async () => {
    const html = (await raw("/")).body.toString("utf8");
    const asset = /(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const variants: Record<string, string>[] = [{}, { Cookie: "quaestio_session=irgendwas" }];
    for (const headers of variants) {
      const response = await raw(asset, headers);
      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    }
  });
});
