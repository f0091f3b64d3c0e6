/**
 * Issue 12, the pure rules: where mail links point and which Host values are answered, the body limits per
 * route, JSON nesting, and the link attributes the server sets on stored rich text.
 */
import { describe, expect, it } from "vitest";
import { ConfigurationError, allowedHosts, hostAllowed, publicOrigin } from "../../app/server/core/config.server";
import {
  ATTACHMENT_BODY_LIMIT_BYTES,
  DRAFT_BODY_LIMIT_BYTES,
  FORM_BODY_LIMIT_BYTES,
  JSON_MAX_DEPTH,
  bodyLimitFor,
  jsonNestingDepth,
  parseBoundedJson,
  valueNestingDepth,
} from "../../app/domain/request-limits";
import { renderContent } from "../../app/editor/content.server";

const production = { NODE_ENV: "production", PUBLIC_URL: "https://quaestio.example.org" };
const localRun = { NODE_ENV: "production", QUAESTIO_LOCAL_RUN: "1", HOST: "127.0.0.1", PORT: "41234" };

describe("publicOrigin", () => {
  it("is PUBLIC_URL's origin, else the listening address; production without PUBLIC_URL does not start", () => {
    expect(publicOrigin({ PUBLIC_URL: "https://quaestio.example.org/" })).toBe("https://quaestio.example.org");
    expect(publicOrigin({ PUBLIC_URL: "https://quaestio.example.org:8443" })).toBe("https://quaestio.example.org:8443");
    expect(publicOrigin(localRun)).toBe("http://127.0.0.1:41234");
    expect(publicOrigin({ HOST: "0.0.0.0", PORT: "3000" })).toBe("http://localhost:3000");
    expect(publicOrigin({ HOST: "::1", PORT: "3000" })).toBe("http://[::1]:3000");
    expect(() => publicOrigin({ NODE_ENV: "production" })).toThrow(ConfigurationError);
    expect(() => publicOrigin({ PUBLIC_URL: "quaestio.example.org" })).toThrow(ConfigurationError);
    expect(() => publicOrigin({ PUBLIC_URL: "https://quaestio.example.org/pfad" })).toThrow(ConfigurationError);
    expect(() => publicOrigin({ PUBLIC_URL: "javascript:alert(1)" })).toThrow(ConfigurationError);
  });
});

describe("hostAllowed", () => {
  const cases: Array<[string, Record<string, string>, string | undefined, boolean]> = [
    ["PUBLIC_URL's host", production, "quaestio.example.org", true],
    ["PUBLIC_URL's host in capitals", production, "Quaestio.Example.org", true],
    ["a foreign host in production", production, "evil.example", false],
    ["loopback in production", production, "127.0.0.1:3000", false],
    ["PUBLIC_URL's host with another port", production, "quaestio.example.org:8443", false],
    [
      "ALLOWED_HOSTS entry",
      { ...production, ALLOWED_HOSTS: "intern.example.org, quaestio.example.net:8080" },
      "quaestio.example.net:8080",
      true,
    ],
    ["local run, 127.0.0.1 with the port", localRun, "127.0.0.1:41234", true],
    ["local run, localhost with the port", localRun, "localhost:41234", true],
    ["local run, [::1] with the port", localRun, "[::1]:41234", true],
    ["local run, loopback with another port", localRun, "127.0.0.1:9999", false],
    ["local run, a foreign host", localRun, "evil.example", false],
    ["local run, a foreign host with the port", localRun, "evil.example:41234", false],
    ["malformed [::1", localRun, "[::1", false],
    ["malformed with a space", localRun, "127.0.0.1:41234 x", false],
    ["missing Host", localRun, undefined, false],
  ];
  it.each(cases)("%s", (_label, env, host, expected) => {
    expect(hostAllowed(host, env)).toBe(expected);
  });

  it("refuses a malformed ALLOWED_HOSTS at start", () => {
    expect(() => allowedHosts({ ...production, ALLOWED_HOSTS: "a b" })).toThrow(ConfigurationError);
  });
});

describe("bodyLimitFor", () => {
  it("gives forms 1 MB, the draft editor a few MB and attachments their upload limit", () => {
    expect(bodyLimitFor("/anmelden")).toBe(FORM_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/arbeitsbereich/vorgaenge/0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e")).toBe(FORM_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/arbeitsbereich/entwurf/neu")).toBe(DRAFT_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/arbeitsbereich/entwurf/0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e.data")).toBe(
      DRAFT_BODY_LIMIT_BYTES,
    );
    expect(bodyLimitFor("/arbeitsbereich/beratungen/0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e/anlagen")).toBe(
      ATTACHMENT_BODY_LIMIT_BYTES,
    );
    expect(bodyLimitFor("/arbeitsbereich/beratungen/0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e")).toBe(FORM_BODY_LIMIT_BYTES);
    expect(bodyLimitFor("/arbeitsbereich/vorgaenge/0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e/anlagen")).toBe(
      ATTACHMENT_BODY_LIMIT_BYTES,
    );
    expect(FORM_BODY_LIMIT_BYTES).toBe(1024 * 1024);
    expect(DRAFT_BODY_LIMIT_BYTES).toBeGreaterThan(FORM_BODY_LIMIT_BYTES);
  });
});

describe("JSON nesting", () => {
  it("counts depth without parsing and ignores brackets inside strings", () => {
    expect(jsonNestingDepth("[]")).toBe(1);
    expect(jsonNestingDepth('{"a":[{"b":"[[[[\\"]]]"}]}')).toBe(3);
    expect(jsonNestingDepth("[".repeat(1000) + "]".repeat(1000))).toBe(1000);
    expect(parseBoundedJson("[".repeat(JSON_MAX_DEPTH + 1) + "]".repeat(JSON_MAX_DEPTH + 1))).toEqual({
      ok: false,
      reason: "too_deep",
    });
    expect(parseBoundedJson("{")).toEqual({ ok: false, reason: "not_json" });
    expect(parseBoundedJson('{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueNestingDepth(deep, JSON_MAX_DEPTH)).toBeGreaterThan(JSON_MAX_DEPTH);
  });

  it("refuses 900 nested blockquotes in rich text", () => {
    let nested: unknown = { type: "paragraph", content: [{ type: "text", text: "tief" }] };
    for (let i = 0; i < 900; i++) nested = { type: "blockquote", content: [nested] };
    expect(() => renderContent({ type: "doc", content: [nested] })).toThrow(/zu tief verschachtelt/);
  });
});

describe("links in rich text", () => {
  it("get rel and target from the server; the author's target, rel, class and title are dropped", () => {
    const doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "Quelle",
              marks: [
                {
                  type: "link",
                  attrs: {
                    href: "https://example.org/a",
                    target: "_blank",
                    rel: "opener",
                    class: "button primary",
                    title: "x",
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const { html, json } = renderContent(doc);
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://example.org/a">Quelle</a>');
    expect(html).not.toMatch(/target=|opener"|class=|title=/);
    const mark = (json as { content: Array<{ content: Array<{ marks: Array<{ attrs: Record<string, unknown> }> }> }> })
      .content[0]!.content[0]!.marks[0]!;
    expect(mark.attrs).toMatchObject({
      href: "https://example.org/a",
      rel: "noopener noreferrer nofollow",
      target: null,
      class: null,
    });
  });
});
