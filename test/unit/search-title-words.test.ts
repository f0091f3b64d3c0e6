/**
 * The words the search matches as parts of titles (search.server.ts titleWords; ADR 0023 addendum): operators
 * and excluded words dropped, lower case, at least 3 characters (the trigram index cannot serve shorter ones),
 * each once, at most 8.
 */
import { describe, expect, it } from "vitest";
import { titleWords } from "../../app/server/public/search/search.server";

describe("titleWords", () => {
  it.each([
    ["Videokonferenz", ["videokonferenz"]],
    ['"Zoom Videokonferenz" -Landesverwaltung', ["zoom", "videokonferenz"]],
    ["Zoom or Teams", ["zoom", "teams"]],
    ["ab IT Zoom zoom ZOOM", ["zoom"]],
    ["& | ! <-> :*", []],
    [
      "eins zwei drei vier fünf sechs sieben acht neun zehn",
      ["eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht"],
    ],
  ])("%s → %j", (query, expected) => {
    expect(titleWords(query)).toEqual(expected);
  });
});
