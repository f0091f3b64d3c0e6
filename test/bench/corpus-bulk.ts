/**
 * The bulk path of the benchmark corpus: rows collected per table in PostgreSQL's COPY text format, written
 * with `COPY … FROM STDIN` on a PostgreSQL server (postgres.js) and `COPY … FROM '/dev/blob'` on PGlite.
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { DatabaseHandle } from "../../app/server/core/db.server";

export type CopyValue = string | number | boolean | null | undefined;

/** One value in COPY text format: \N for null, backslash escapes for the four special characters. */
export function copyField(value: CopyValue): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** Rows of one table waiting for the next flush. */
export class TableBuffer {
  private lines: string[] = [];
  total = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
  add(values: readonly CopyValue[]) {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    this.lines.push(values.map(copyField).join("\t"));
  }
  get pending(): number {
    return this.lines.length;
  }
  /** The pending rows as COPY text, and empties the buffer. */
  take(): string {
    const text = this.lines.length ? this.lines.join("\n") + "\n" : "";
    this.total += this.lines.length;
    this.lines = [];
    return text;
  }
}

export interface BulkWriter {
  kind: "postgres" | "pglite";
  /** Writes COPY text (from TableBuffer.take()) into the buffer's table. */
  copy(buffer: TableBuffer, text: string): Promise<void>;
  exec(statement: string): Promise<void>;
  query<T>(statement: string): Promise<T[]>;
}

function columnList(buffer: TableBuffer): string {
  return buffer.columns.map((c) => `"${c}"`).join(", ");
}

export function bulkWriter(handle: DatabaseHandle): BulkWriter {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === "postgres") {
    const sql = client as Sql;
    return {
      kind: "postgres",
      async copy(buffer, text) {
        if (!text) return;
        const stream = await sql.unsafe(`COPY "${buffer.table}" (${columnList(buffer)}) FROM STDIN`).writable();
        await pipeline(Readable.from([text]), stream);
      },
      async exec(statement) {
        await sql.unsafe(statement);
      },
      async query<T>(statement: string) {
        return (await sql.unsafe(statement)) as unknown as T[];
      },
    };
  }
  const pg = client as PGlite;
  return {
    kind: "pglite",
    async copy(buffer, text) {
      if (!text) return;
      await pg.query(`COPY "${buffer.table}" (${columnList(buffer)}) FROM '/dev/blob'`, [], {
        blob: new Blob([text]),
      });
    },
    async exec(statement) {
      await pg.exec(statement);
    },
    async query<T>(statement: string) {
      return (await pg.query<T>(statement)).rows;
    },
  };
}
