/**
 * The benchmark's statement counter (QUAESTIO_COUNT_STATEMENTS=1): each caller of countStatementsOf sees the
 * statements sent on its behalf, concurrent callers do not mix, and without the variable nothing is counted.
 */
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "../../app/server/core/config.server";
import { countStatementsOf, statementCountingEnabled } from "../../app/server/core/db.server";
import { createTestDatabase } from "../support/db";

const original = process.env.QUAESTIO_COUNT_STATEMENTS;

afterEach(() => {
  if (original === undefined) delete process.env.QUAESTIO_COUNT_STATEMENTS;
  else process.env.QUAESTIO_COUNT_STATEMENTS = original;
  resetConfig();
});

async function openWith(value: string | undefined) {
  if (value === undefined) delete process.env.QUAESTIO_COUNT_STATEMENTS;
  else process.env.QUAESTIO_COUNT_STATEMENTS = value;
  resetConfig();
  // A copy of the run's migrated PGlite template, opened through openDatabase after the variable is set: the
  // counter is chosen when a database is opened. (A fresh in-memory PGlite ran initdb for each test: ~6 s CPU.)
  return createTestDatabase("pglite");
}

describe("statement counter", () => {
  it("counts the statements of each caller separately when QUAESTIO_COUNT_STATEMENTS=1", async () => {
    const database = await openWith("1");
    const { handle } = database;
    try {
      expect(statementCountingEnabled()).toBe(true);
      const [first, second] = await Promise.all([
        countStatementsOf(async () => {
          await handle.db.execute(sql`select 1`);
          await new Promise((resolve) => setImmediate(resolve));
          await handle.db.execute(sql`select 2`);
          return "a";
        }),
        countStatementsOf(async () => {
          await handle.db.execute(sql`select 3`);
          return "b";
        }),
      ]);
      expect(first).toEqual({ value: "a", statements: 2 });
      expect(second).toEqual({ value: "b", statements: 1 });
      // Statements outside any counted call are not attributed to anyone.
      await handle.db.execute(sql`select 4`);
      const empty = await countStatementsOf(async () => "nothing");
      expect(empty.statements).toBe(0);
    } finally {
      await database.close();
    }
  });

  it("counts nothing without the variable (production default)", async () => {
    const database = await openWith(undefined);
    const { handle } = database;
    try {
      expect(statementCountingEnabled()).toBe(false);
      const counted = await countStatementsOf(() => handle.db.execute(sql`select 1`));
      expect(counted.statements).toBe(0);
    } finally {
      await database.close();
    }
  });
});
