import { describe, expect, it } from "vitest";
import { entityTag, isNotModified, publicResponse } from "~/server/core/http-cache.server";

const url = "http://localhost/feeds/alle.atom";

describe("publicResponse", () => {
  it("sends the body with a strong ETag, Last-Modified and a public Cache-Control", async () => {
    const modified = new Date("2026-11-30T10:15:30.500Z");
    const response = publicResponse(new Request(url), "<feed/>", {
      contentType: "application/atom+xml; charset=utf-8",
      lastModified: modified,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<feed/>");
    expect(response.headers.get("ETag")).toBe(entityTag("<feed/>"));
    expect(response.headers.get("ETag")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(response.headers.get("Last-Modified")).toBe("Mon, 30 Nov 2026 10:15:30 GMT");
    expect(response.headers.get("Cache-Control")).toMatch(/^public/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("answers 304 without a body when If-None-Match carries the current tag (also weak or in a list)", async () => {
    const etag = entityTag("a,b");
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const response = publicResponse(new Request(url, { headers: { "If-None-Match": header } }), "a,b", {
        contentType: "text/csv",
      });
      expect(response.status, header).toBe(304);
      expect(await response.text()).toBe("");
      expect(response.headers.get("ETag")).toBe(etag);
    }
  });

  it("sends the new body when the content changed since the client's copy", async () => {
    const old = entityTag("version 1");
    const response = publicResponse(new Request(url, { headers: { "If-None-Match": old } }), "version 2", {
      contentType: "text/plain",
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("version 2");
  });

  it("uses If-Modified-Since only without If-None-Match, at second precision", () => {
    const modified = new Date("2026-11-30T10:15:30.900Z");
    const since = (value: string, extra: Record<string, string> = {}) =>
      isNotModified(new Request(url, { headers: { "If-Modified-Since": value, ...extra } }), '"x"', modified);
    expect(since("Mon, 30 Nov 2026 10:15:30 GMT")).toBe(true);
    expect(since("Mon, 30 Nov 2026 10:15:29 GMT")).toBe(false);
    expect(since("kein Datum")).toBe(false);
    expect(since("Mon, 30 Nov 2026 10:15:30 GMT", { "If-None-Match": '"y"' })).toBe(false);
  });

  it("sends errors as they are and never lets them be cached", () => {
    const response = publicResponse(new Request(url), "Nicht gefunden", { contentType: "text/plain", status: 404 });
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("ETag")).toBeNull();
  });

  it("sends no body for HEAD", async () => {
    const response = publicResponse(new Request(url, { method: "HEAD" }), "body", { contentType: "text/plain" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });
});
