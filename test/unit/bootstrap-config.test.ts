import { describe, expect, it } from "vitest";
import { demoDataEnabled } from "~/server/core/bootstrap.server";

describe("demoDataEnabled", () => {
  it.each([
    [undefined, true],
    ["", true],
    ["1", true],
    ["ja", true],
    ["0", false],
    ["false", false],
    [" FALSE ", false],
    ["nein", false],
    ["no", false],
  ])("QUAESTIO_DEMO_DATA=%j → %s", (value, expected) => {
    expect(demoDataEnabled(value === undefined ? {} : { QUAESTIO_DEMO_DATA: value })).toBe(expected);
  });
});
