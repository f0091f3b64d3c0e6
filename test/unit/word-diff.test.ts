/** The word-level comparison of two answer versions: segments cover both texts exactly, markup stays text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasChanges, wordDiff } from "~/domain/word-diff";

describe("wordDiff", () => {
  it("marks the changed word only", () => {
    expect(wordDiff("Es gibt zwölf Geräte.", "Es gibt zwanzig Geräte.")).toEqual([
      { kind: "same", text: "Es gibt " },
      { kind: "removed", text: "zwölf" },
      { kind: "added", text: "zwanzig" },
      { kind: "same", text: " Geräte." },
    ]);
  });
  it("keeps markup as plain text (the page escapes it)", () => {
    const segments = wordDiff("a", "a <script>alert(1)</script>");
    expect(
      segments
        .filter((s) => s.kind === "added")
        .map((s) => s.text)
        .join(""),
    ).toContain("<script>");
  });
  it("says when nothing changed", () => {
    expect(hasChanges(wordDiff("gleich", "gleich"))).toBe(false);
  });
  it("rebuilds both texts from its segments (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), fc.string({ maxLength: 120 }), (a, b) => {
        const segments = wordDiff(a, b);
        expect(
          segments
            .filter((s) => s.kind !== "added")
            .map((s) => s.text)
            .join(""),
        ).toBe(a);
        expect(
          segments
            .filter((s) => s.kind !== "removed")
            .map((s) => s.text)
            .join(""),
        ).toBe(b);
      }),
      { numRuns: 200 },
    );
  });
});
