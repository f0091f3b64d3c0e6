/**
 * Statements whose plan the database keeps (executePrepared, reusableQuery, reusableShapes, reusableStatement),
 * the rows of a raw result (rowsOf), and JSON lists built in SQL (jsonList, jsonRow). Split from db.server.ts,
 * which opens and holds the database; ADRs 0023, 0025 and 0026 say why each exists.
 */
import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PgliteSession } from "drizzle-orm/pglite";
import { PostgresJsSession } from "drizzle-orm/postgres-js";
import { is, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { PgDialect, PgSession } from "drizzle-orm/pg-core";
import { config } from "./config.server";
import type { Db, Tx } from "./db.server";

/** The rows of a raw statement's result: postgres.js answers the rows themselves, PGlite a result with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

// ---- statements whose plan the server keeps --------------------------------------------------------

/**
 * Runs a read statement like `db.execute`, but on the PostgreSQL server as a prepared statement of the
 * connection (postgres.js names it after its text and keeps it for the connection's lifetime). After five runs
 * PostgreSQL keeps a generic plan when its estimate is no worse than the custom plans', so a hot statement is
 * no longer planned on every run: planning was about half of the public search's PostgreSQL CPU (ADR 0023,
 * addendum). Use it only for statements whose text takes few shapes (parameters, not literals) and whose
 * generic plan is sound for every parameter. PGlite (outside a transaction): `PREPARE`/`EXECUTE` in its one
 * session (executePreparedOnPglite). Inside a PGlite transaction, and with DATABASE_PREPARED_STATEMENTS=0 (a
 * connection pooler that cannot keep prepared statements, ADR 0025): plain `db.execute`.
 */
export async function executePrepared(db: Db | Tx, query: SQL): Promise<unknown> {
  const inner = db as unknown as { session: unknown; dialect: PgDialect };
  if (!config().preparedStatements) return db.execute(query);
  if (is(inner.session, PgliteSession)) {
    const client = (inner.session as unknown as { client: unknown }).client;
    // Outside a transaction only (a failed PREPARE would abort the caller's transaction).
    if (client instanceof PGlite) return executePreparedOnPglite(db, client, query, inner.dialect.sqlToQuery(query));
  }
  if (!is(inner.session, PostgresJsSession)) return db.execute(query);
  const built = inner.dialect.sqlToQuery(query);
  // A name makes drizzle ask postgres.js for a prepared statement (postgres.js picks the statement's name).
  return inner.session.prepareQuery(built, undefined, "prepared", false).execute();
}

/** The statements prepared in a PGlite session, by name (the promise of their PREPARE). */
const pglitePrepared = new WeakMap<PGlite, Map<string, Promise<boolean>>>();
/** At most this many statements per PGlite session; then all are deallocated and prepared again when used. */
const PGLITE_PREPARED_MAX = 300;

/**
 * A parameter as an SQL literal for EXECUTE (E'…': backslash and quote escaped whatever
 * standard_conforming_strings says); null when the value has no safe literal form here (the caller then runs
 * the statement unprepared).
 */
function pgliteLiteral(value: unknown): string | null {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return Number.isFinite(value) ? `'${value}'` : null;
  if (typeof value === "bigint") return `'${value}'`;
  if (typeof value === "boolean") return value ? "'true'" : "'false'";
  if (typeof value === "string" && !value.includes("\0")) {
    return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
  }
  return null;
}

/**
 * executePrepared on PGlite: its driver sends every statement unnamed, so PostgreSQL planned it on every run
 * (160–250 ms of "Planning Time" under load for the search's candidate statement, against 15 ms of execution;
 * ADR 0027). PGlite is one PostgreSQL session, so the SQL-level `PREPARE name AS …` (once per session and
 * statement text) and `EXECUTE name(…)` keep the plan as the protocol-level prepared statements of postgres.js
 * do: after five runs PostgreSQL keeps the generic plan when it is estimated no worse. EXECUTE takes no bind
 * parameters, so the values travel as literals (pgliteLiteral); the types are those PREPARE inferred from the
 * statement, as for an unnamed statement.
 */
async function executePreparedOnPglite(
  db: Db | Tx,
  client: PGlite,
  query: SQL,
  built: { sql: string; params: unknown[] },
): Promise<unknown> {
  const literals = built.params.map(pgliteLiteral);
  if (literals.some((literal) => literal === null)) return db.execute(query);
  let prepared = pglitePrepared.get(client);
  if (!prepared) {
    prepared = new Map();
    pglitePrepared.set(client, prepared);
  }
  const name = `quaestio_${createHash("sha1").update(built.sql).digest("hex").slice(0, 24)}`;
  let ready = prepared.get(name);
  if (!ready) {
    if (prepared.size >= PGLITE_PREPARED_MAX) {
      const all = [...prepared.values()];
      prepared.clear();
      await Promise.allSettled(all);
      await client.exec("DEALLOCATE ALL");
    }
    ready = client.exec(`PREPARE ${name} AS ${built.sql}`).then(
      () => true,
      () => false,
    );
    prepared.set(name, ready);
  }
  // A statement PostgreSQL would not prepare (e.g. a parameter whose type it cannot infer) stays unprepared.
  if (!(await ready)) return db.execute(query);
  try {
    return await db.execute(sql.raw(`EXECUTE ${name}${literals.length ? `(${literals.join(", ")})` : ""}`));
  } catch (error) {
    // Deallocated meanwhile (the limit above, reached by a concurrent caller): run it unprepared this time.
    const cause = (error as { cause?: { code?: string } }).cause;
    if (((error as { code?: string }).code ?? cause?.code) !== "26000") throw error;
    prepared.delete(name);
    return db.execute(query);
  }
}

/** What drizzle's `.prepare(name)` returns, as far as reusableQuery needs it. */
interface BuiltQuery<T> {
  execute(placeholderValues?: Record<string, unknown>): Promise<T>;
}

/**
 * A statement that drizzle builds ONCE per database handle and afterwards only executes: its values come in
 * through `sql.placeholder(name)`, and on PostgreSQL it runs as a prepared statement of the connection (as
 * executePrepared). Building the SQL text of a select costs drizzle about a tenth of a millisecond each time;
 * the public answer page ran 17 of them on every request (issue 13). Only for statements of one fixed shape.
 */
export function reusableQuery<T, V extends Record<string, unknown>>(
  name: string,
  build: (db: Db | Tx) => {
    prepare(name: string): BuiltQuery<T>;
    execute(values?: Record<string, unknown>): Promise<T>;
  },
): (db: Db | Tx, values: V) => Promise<T> {
  const built = new WeakMap<Db | Tx, BuiltQuery<T>>();
  return (db, values) => {
    // DATABASE_PREPARED_STATEMENTS=0 (a pooler that cannot keep prepared statements, ADR 0025): built and sent
    // unnamed on every call, as any other statement.
    if (!config().preparedStatements) return build(db).execute(values);
    let query = built.get(db);
    if (!query) {
      query = build(db).prepare(name);
      built.set(db, query);
    }
    return query.execute(values);
  };
}

/**
 * reusableQuery for a statement whose SQL text depends on a few facts of the caller (which roles, which lists are
 * empty) besides its values: one built statement per shape `key`. `build` must give the same SQL text for the
 * same key whatever else it captures — the shape's facts go into the key, every value through a placeholder —
 * because the statement built for the first caller of a key serves every later caller of that key.
 */
export function reusableShapes<T>(
  name: string,
): (
  db: Db | Tx,
  key: string,
  build: () => { prepare(name: string): BuiltQuery<T>; execute(values?: Record<string, unknown>): Promise<T> },
  values: Record<string, unknown>,
) => Promise<T> {
  const built = new WeakMap<Db | Tx, Map<string, BuiltQuery<T>>>();
  return (db, key, build, values) => {
    if (!config().preparedStatements) return build().execute(values);
    let byKey = built.get(db);
    if (!byKey) {
      byKey = new Map();
      built.set(db, byKey);
    }
    let query = byKey.get(key);
    if (!query) {
      query = build().prepare(`${name}_${key}`);
      byKey.set(key, query);
    }
    return query.execute(values);
  };
}

/**
 * reusableQuery for a statement written with `sql` (e.g. one that gathers several lists as JSON, see `jsonList`):
 * built once per database handle, prepared on PostgreSQL, values through `sql.placeholder(name)`; answers the
 * rows as the driver gives them (columns by name, json columns parsed). DATABASE_PREPARED_STATEMENTS=0: built and
 * sent unnamed on every call.
 */
export function reusableStatement<T, V extends Record<string, unknown>>(
  name: string,
  build: (db: Db | Tx) => SQL,
): (db: Db | Tx, values: V) => Promise<T[]> {
  const prepareOn = (db: Db | Tx, statementName: string | undefined) => {
    const inner = db as unknown as { session: PgSession; dialect: PgDialect };
    return inner.session.prepareQuery(inner.dialect.sqlToQuery(build(db)), undefined, statementName, false);
  };
  const run = reusableQuery<unknown, V>(name, (db) => ({
    prepare: (statementName) => prepareOn(db, statementName),
    execute: (values) => prepareOn(db, undefined).execute(values),
  }));
  return async (db, values) => rowsOf<T>(await run(db, values));
}

/**
 * A select as one JSON array (`[]` when it finds no row), for a statement that gathers several lists at once:
 * `query` selects ONE column, `row`, built by `jsonRow` from the fields its row form selects; the array keeps
 * the select's order.
 */
export function jsonList(query: SQLWrapper): SQL {
  return sql`(select coalesce(json_agg(list.row), '[]'::json) from (${query}) list)`;
}

/** The fields of a select as one JSON object with the same keys (for `jsonList`). */
export function jsonRow(fields: Record<string, SQLWrapper>): { row: SQL.Aliased } {
  const pairs = Object.entries(fields).map(([key, value]) => {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) throw new Error(`jsonRow: unexpected key ${key}`);
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return { row: sql`json_build_object(${sql.join(pairs, sql`, `)})`.as("row") };
}
