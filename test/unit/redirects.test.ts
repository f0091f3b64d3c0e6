import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/domain/redirects";

describe("safeRedirectPath", () => {
  it.each([
    ["/arbeitsbereich", "/arbeitsbereich"],
    ["/landtag-nrw/anfragen?seite=2", "/landtag-nrw/anfragen?seite=2"],
    ["/a/../b", "/b"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "http:/evil.example",
    "/\t/evil.example",
    " /x",
    "",
    undefined,
    null,
    42,
    "/" + "a".repeat(3000),
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
  ])("refuses %j and falls back", (input) => {
    expect(safeRedirectPath(input, "/start")).toBe("/start");
  });
});
