import { describe, expect, it } from "vitest";
import { demoDataEnabled } from "~/server/core/bootstrap.server";
import { ConfigurationError, configFrom } from "~/server/core/config.server";

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

describe("DATABASE_PREPARED_STATEMENTS", () => {
  it("is on unless switched off, and an unknown value stops the start with a German sentence", () => {
    expect(configFrom({}).preparedStatements).toBe(true);
    for (const on of ["1", "true", "ja", " YES "])
      expect(configFrom({ DATABASE_PREPARED_STATEMENTS: on }).preparedStatements).toBe(true);
    for (const off of ["0", "false", "Nein", "no"])
      expect(configFrom({ DATABASE_PREPARED_STATEMENTS: off }).preparedStatements).toBe(false);
    expect(configFrom({ DATABASE_PREPARED_STATEMENTS: "  " }).preparedStatements).toBe(true);
    expect(() => configFrom({ DATABASE_PREPARED_STATEMENTS: "aus" })).toThrow(ConfigurationError);
    expect(() => configFrom({ DATABASE_PREPARED_STATEMENTS: "aus" })).toThrow(/weder 1 \(an\) noch 0 \(aus\)/);
  });
});
