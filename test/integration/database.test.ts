/**
 * The database layer on every backend (PGlite always, the PostgreSQL server when TEST_DATABASE_URL is set):
 * migrations, the extensions and text search configuration that search relies on, the constraints that keep
 * data consistent whatever code writes it, and the one-sentence configuration errors.
 */
import type { EventName } from "../../app/domain/events";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "../../db/schema/index";
import { migrationsFolder } from "../../app/server/core/config.server";
import { openDatabase } from "../../app/server/core/db.server";
import { executePrepared, rowsOf } from "../../app/server/core/prepared.server";
import { ATTACK_STRINGS } from "../support/attack-strings";
import { backends, useTestDatabase } from "../support/db";

const schemaTables = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as {
  entries: { tag: string }[];
};

/** The SQLSTATE of a failed query, looking through drizzle's wrapper error. */
function sqlState(error: unknown): string | undefined {
  for (let current = error; current instanceof Object; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

async function rejection(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the statement to be rejected");
}

describe.each(backends())("database on %s", (backend) => {
  const t = useTestDatabase(backend);
  /**
   * The number of bodies in the file's database as the file got it, read before any test runs: the constraint
   * tests below insert bodies, so counting inside the test would hold only if it ran first (issue 9).
   */
  let bodiesAtStart: number | undefined;
  beforeAll(async () => {
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from ${schema.bodies}`);
    bodiesAtStart = count!.n;
  });

  async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    // postgres.js returns the rows themselves, PGlite an object with `rows`.
    const result = (await t.db.execute(query)) as unknown as T[] | { rows: T[] };
    return Array.isArray(result) ? result : result.rows;
  }

  async function schemaSnapshot() {
    const [migrations] = await rows<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const columns = await rows<{ c: string }>(sql`
      select table_name || '.' || column_name || ':' || data_type as c from information_schema.columns
      where table_schema = 'public' order by 1`);
    const constraints = await rows<{ c: string }>(sql`
      select conrelid::regclass::text || '.' || conname as c from pg_constraint
      where connamespace = 'public'::regnamespace order by 1`);
    return { migrations: migrations!.n, columns: columns.map((r) => r.c), constraints: constraints.map((r) => r.c) };
  }

  it("applies every committed migration and creates every table of the schema", async () => {
    const snapshot = await schemaSnapshot();
    expect(snapshot.migrations).toBe(journal.entries.length);
    const tables = await rows<{ table_name: string }>(sql`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    expect(tables.map((r) => r.table_name).sort()).toEqual(expect.arrayContaining(schemaTables));
  });

  it("starts each test file on an empty database", () => {
    expect(bodiesAtStart).toBe(0);
  });

  it("treats applying the migrations again as a no-op", async () => {
    const before = await schemaSnapshot();
    await t.handle.migrate();
    await t.handle.migrate();
    expect(await schemaSnapshot()).toEqual(before);
  });

  it("has pg_trgm installed, so similarity() ranks near-spellings", async () => {
    const [extension] = await rows<{ extname: string }>(
      sql`select extname from pg_extension where extname = 'pg_trgm'`,
    );
    expect(extension?.extname).toBe("pg_trgm");
    const [result] = await rows<{ near: number; far: number; matches: boolean }>(sql`
      select similarity('Videokonferenz', 'Videokonferenzen') as near,
             similarity('Videokonferenz', 'Haushaltsplan') as far,
             'Videokonferenzsystem' % 'Videokonferenzsysteme' as matches`);
    expect(Number(result!.near)).toBeGreaterThan(0.5);
    expect(Number(result!.far)).toBeLessThan(0.2);
    expect(result!.matches).toBe(true);
  });

  it("stems German words in full-text search (whatever the server version's stems are)", async () => {
    const [result] = await rows<{ german: boolean; simple: boolean; sameStem: boolean; stopWord: string }>(sql`
      select to_tsvector('german', 'Videokonferenzen') @@ plainto_tsquery('german', 'Videokonferenz') as german,
             to_tsvector('simple', 'Videokonferenzen') @@ plainto_tsquery('simple', 'Videokonferenz') as simple,
             plainto_tsquery('german', 'Anfragen')::text = plainto_tsquery('german', 'Anfrage')::text as "sameStem",
             to_tsvector('german', 'und')::text as "stopWord"`);
    expect(result!.german).toBe(true);
    // Without stemming the plural does not match: it is the german configuration that makes it work.
    expect(result!.simple).toBe(false);
    expect(result!.sameStem).toBe(true);
    expect(result!.stopWord).toBe("");
  });

  it("runs executePrepared's statements with their values as given, keeping the plan on PGlite too", async () => {
    // Values that an SQL literal must escape (PGlite's EXECUTE takes the values as literals).
    const text = 'it\'s a \\ backslash, "quoted", ü\nand $1 -- no comment';
    const statement = (value: string, n: number, flag: boolean) =>
      sql`select ${value}::text as value, length(${value}) as length, ${n}::int + 1 as next, ${flag}::boolean as flag,
                 ${null}::text as nothing, relname from pg_class where relname = ${"pg_class"}`;
    for (let run = 0; run < 7; run++) {
      const [row] = rowsOf<{ value: string; length: number; next: number; flag: boolean; nothing: null }>(
        await executePrepared(t.db, statement(text, run, run % 2 === 0)),
      );
      expect(row).toMatchObject({
        value: text,
        length: text.length,
        next: run + 1,
        flag: run % 2 === 0,
        nothing: null,
      });
    }
    if (backend === "pglite") {
      // One session: the statement was prepared once and PostgreSQL plans it no more on every run.
      const prepared = rowsOf<{ runs: number }>(
        await t.db.execute(sql`select generic_plans + custom_plans as runs from pg_prepared_statements
                               where statement like ${"%length(%"}`),
      );
      expect(prepared).toEqual([{ runs: 7 }]);
      // Deallocated behind its back: the next run still answers (unprepared), the one after prepares it again.
      await t.db.execute(sql`deallocate all`);
      for (let run = 0; run < 2; run++) {
        const [row] = rowsOf<{ value: string }>(await executePrepared(t.db, statement(text, run, true)));
        expect(row?.value).toBe(text);
      }
      const again = rowsOf<{ runs: number }>(
        await t.db.execute(sql`select generic_plans + custom_plans as runs from pg_prepared_statements`),
      );
      expect(again).toEqual([{ runs: 1 }]);
    }
  });

  it("returns every attack string unchanged through executePrepared (PGlite sends the values as literals)", async () => {
    // Strings with NUL have no literal form; executePrepared runs those unprepared, which the database refuses
    // as it refuses them as parameters, so they are left to the attack tests of the pages.
    const strings = ATTACK_STRINGS.map((attack) => attack.value).filter((value) => !value.includes("\0"));
    for (const value of strings) {
      const [row] = rowsOf<{ value: string }>(await executePrepared(t.db, sql`select ${value}::text as value`));
      // Lone surrogates are not UTF-8; both drivers send U+FFFD for them.
      expect(row?.value).toBe(
        value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"),
      );
    }
  });

  describe("constraints", () => {
    async function bodyWithType(slug: string) {
      const [body] = await t.db
        .insert(schema.bodies)
        .values({ slug, name: `Test ${slug}`, shortName: slug, kind: "state_parliament", state: "NW" })
        .returning();
      const [type] = await t.db
        .insert(schema.inquiryTypes)
        .values({
          bodyId: body!.id,
          code: "kleine-anfrage",
          name: "Kleine Anfrage",
          deadlineRule: { kind: "weeks", amount: 4 },
          deadlineRuleLabel: "vier Wochen",
        })
        .returning();
      return { bodyId: body!.id, typeId: type!.id };
    }

    it("reject a second inquiry with the same number for the same body, type and period", async () => {
      const { bodyId, typeId } = await bodyWithType("constraint-test-numbers");
      const inquiry = { bodyId, typeId, period: "17", title: "Videokonferenzen", status: "submitted" as const };
      await t.db
        .insert(schema.inquiries)
        .values({ ...inquiry, sequence: 3761, reference: "3761", publicRef: "17-9511" });
      const error = await rejection(
        t.db.insert(schema.inquiries).values({ ...inquiry, sequence: 3761, reference: "3761", publicRef: "17-9512" }),
      );
      expect(sqlState(error)).toBe("23505"); // unique_violation
      // The same number in another period is fine.
      await t.db
        .insert(schema.inquiries)
        .values({ ...inquiry, period: "18", sequence: 3761, reference: "3761", publicRef: "18-1" });
    });

    it("refuse a URL reference that is not one path segment", async () => {
      const { bodyId, typeId } = await bodyWithType("constraint-test-refs");
      const error = await rejection(
        t.db
          .insert(schema.inquiries)
          .values({ bodyId, typeId, title: "Schräg", status: "submitted", reference: "17/9511", publicRef: "17/9511" }),
      );
      expect(sqlState(error)).toBe("23514"); // check_violation
    });

    it("keep the event log append-only", async () => {
      const [event] = await t.db
        .insert(schema.events)
        .values({
          aggregateType: "inquiry",
          aggregateId: "00000000-0000-4000-8000-000000000001",
          type: "submitted" as EventName,
        })
        .returning();
      const update = await rejection(t.db.execute(sql`update events set type = 'changed' where id = ${event!.id}`));
      expect(String((update as Error).cause ?? update)).toMatch(/append-only/);
      const remove = await rejection(t.db.execute(sql`delete from events where id = ${event!.id}`));
      expect(String((remove as Error).cause ?? remove)).toMatch(/append-only/);
    });
  });
});

describe("configuration errors", () => {
  it("name DATABASE_URL when the PostgreSQL server cannot be reached", async () => {
    const error = await rejection(openDatabase({ kind: "postgres", url: "postgres://x@127.0.0.1:1/none" }));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ConfigurationError");
    expect((error as Error).message).toMatch(/DATABASE_URL/);
  });

  it("name PGLITE_DIR when the data directory cannot be created", () => {
    // In a child process with a time limit: a synchronous endless loop here (Node's recursive mkdir
    // spins on ENOENT under /proc) would otherwise stall the whole test run instead of failing this test.
    const probe = fileURLToPath(new URL("../support/open-database-probe.ts", import.meta.url));
    const config = JSON.stringify({ kind: "pglite", dir: "/proc/quaestio-nope" });
    const child = spawnSync(process.execPath, ["--import", "tsx", probe, config], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.error?.message ?? null, "openDatabase must return (not hang) within 20 s").toBeNull();
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}") as { name?: string; message?: string };
    expect(result.name, child.stdout + child.stderr).toBe("ConfigurationError");
    expect(result.message).toMatch(/PGLITE_DIR/);
  });
});
