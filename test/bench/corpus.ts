/**
 * Benchmark corpus: N generated inquiries (default 100,000) across the four demo bodies, loaded after the demo
 * data through the bulk path (COPY). Deterministic for a seed (the dates are relative to `now`).
 *
 *   tsx test/bench/corpus.ts --n 100000 --target postgres|pglite [--dir data/bench-pglite] [--url postgres://…]
 *                            [--seed 1] [--fresh]
 *
 * --fresh drops and recreates the PostgreSQL database named in the URL (default BENCH_DATABASE_URL or
 * postgres://postgres@127.0.0.1:5432/ + quaestio_bench) or empties the PGlite directory first.
 * From other scripts: `generateCorpus(handle | url, { n, seed, onProgress })`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../app/server/core/db.server";
import { isDemoDataPresent, seedDemoData } from "../../db/seed";
import { bulkWriter, type BulkWriter } from "./corpus-bulk";
import { addInquiry, createTables, type BodyContext, type OrgRef, type ToolRef, type TypeContext } from "./corpus-rows";
import { OPEN_SHARE, Random, splitCount } from "./corpus-text";
import { CORPUS_FORMAT, migrationStamps, pgliteVersion, writeManifest, type CorpusManifest } from "./corpus-store";

export interface CorpusProgress {
  inquiries: number;
  n: number;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface CorpusOptions {
  n: number;
  seed?: number;
  /** The day the corpus's dates are relative to (default: now). */
  now?: Date;
  /** Inquiries per COPY batch. */
  batch?: number;
  /** Parallel COPY streams (default 3 on PostgreSQL, 1 on PGlite). */
  streams?: number;
  onProgress?: (progress: CorpusProgress) => void;
}

export interface CorpusResult extends CorpusProgress {
  target: "postgres" | "pglite";
  rowsByTable: Record<string, number>;
  copySecondsByTable: Record<string, number>;
  statuses: Record<string, number>;
  /** Seconds for the demo seed (migrate + seed), not part of rows/s. */
  seedSeconds: number;
  analyzeSeconds: number;
  /** Set when the run copied a kept corpus (BENCH_PGLITE_CORPUS_DIR) instead of loading: the rest is that load's. */
  reused?: { from: string; createdAt: string };
}

export const DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/quaestio_bench";

/** How each demo body's share of the corpus looks. Unknown bodies get none. */
const BODY_PROFILES: Record<
  string,
  {
    share: number;
    firstDay: string;
    documentKind: string | null;
    types: Record<string, Pick<TypeContext, "weight" | "dueDays" | "questions">>;
    letters?: boolean;
    departments: string[];
  }
> = {
  "landtag-nrw": {
    share: 0.45,
    firstDay: "2005-06-08",
    documentKind: "Drucksache",
    types: {
      "kleine-anfrage": { weight: 96, dueDays: 28, questions: [2, 6] },
      "grosse-anfrage": { weight: 4, dueDays: 91, questions: [8, 14] },
    },
    departments: [],
  },
  norderstedt: {
    share: 0.225,
    firstDay: "2006-01-01",
    documentKind: "Mitteilungsvorlage",
    types: { anfrage: { weight: 1, dueDays: 21, questions: [1, 5] } },
    departments: [
      "20 - Amt für Finanzen",
      "32 - Ordnungsamt",
      "40 - Amt für Schule, Sport und Kindertagesstätten",
      "60 - Amt für Stadtentwicklung",
    ],
  },
  hamburg: {
    share: 0.2,
    firstDay: "2008-01-01",
    documentKind: "Schreiben",
    letters: true,
    types: { "schreiben-aufsicht": { weight: 1, dueDays: null, questions: [1, 4] } },
    departments: ["Behörde für Schule und Berufsbildung", "Behörde für Inneres und Sport", "Finanzbehörde"],
  },
  scharnebeck: {
    share: 0.125,
    firstDay: "2010-01-01",
    documentKind: null,
    types: { antrag: { weight: 1, dueDays: 21, questions: [1, 3] } },
    departments: ["Fachbereich Bauen und Umwelt", "Fachbereich Bürgerdienste"],
  },
};

const DAY_MS = 86_400_000;
/** maintenance_work_mem of the PGlite loader's session (GIN rebuild after the load). */
const PGLITE_LOAD_MAINTENANCE_WORK_MEM = "256MB";
/**
 * How the loader opens PGlite: with the app's shared_buffers (16 MB) every page the COPY and the index
 * maintenance touch beyond them is written out and read back through the WebAssembly file system.
 */
export const PGLITE_LOADER_OPTIONS = { pgliteSharedBuffersMb: 256 };
const FACTIONS = ["CDU-Fraktion", "SPD-Fraktion", "FDP-Fraktion", "Fraktion DIE LINKE", "Fraktion Freie Wähler"];
const FLUSH_ORDER = [
  "inquiries",
  "inquiry_originators",
  "questions",
  "answers",
  "answer_versions",
  "answer_parts",
  "answer_part_questions",
  "withholdings",
  "tool_inventories",
  "tool_inventory_rows",
  "events",
] as const;

/** Generates the corpus into a database handle (or a PostgreSQL URL): migrate, demo seed, then N inquiries. */
export async function generateCorpus(target: DatabaseHandle | string, options: CorpusOptions): Promise<CorpusResult> {
  const handle = typeof target === "string" ? await openDatabase({ kind: "postgres", url: target }) : target;
  try {
    return await generateInto(handle, options);
  } finally {
    if (typeof target === "string") await handle.close();
  }
}

async function generateInto(handle: DatabaseHandle, options: CorpusOptions): Promise<CorpusResult> {
  const seedStarted = performance.now();
  await handle.migrate();
  if (!(await isDemoDataPresent(handle.db))) await seedDemoData(handle.db, { now: options.now });
  const seedSeconds = (performance.now() - seedStarted) / 1000;

  const writer = bulkWriter(handle);
  const existing = await writer.query<{ n: string }>(
    "select count(*) as n from (select 1 from inquiries limit 1000) s",
  );
  if (Number(existing[0]!.n) >= 1000) throw new Error("Die Datenbank enthält schon einen Korpus (≥ 1000 Anfragen).");

  const now = options.now ?? new Date();
  const random = new Random(options.seed ?? 1);
  const bodies = await loadBodies(writer, random);
  const tools = await writer.query<ToolRef>("select id, name from tools order by slug");
  // Several COPY streams on PostgreSQL (each a slice of whole inquiries, in foreign-key order); one on PGlite.
  const streams = options.streams ?? (writer.kind === "postgres" ? 3 : 1);
  const tableSets = Array.from({ length: streams }, () => createTables());
  let tables = tableSets[0]!;
  const n = options.n;
  const batch = options.batch ?? 2000;
  const statuses: Record<string, number> = {};
  const copyMs: Record<string, number> = {};

  const started = performance.now();
  let written = 0;
  let writtenRows = 0;
  let generated = 0;
  const inFlight: Promise<void>[] = tableSets.map(() => Promise.resolve());
  let batchNumber = 0;
  const report = () => {
    const seconds = (performance.now() - started) / 1000;
    const progress = {
      inquiries: written,
      n,
      rows: writtenRows,
      seconds,
      rowsPerSecond: writtenRows / Math.max(seconds, 0.001),
    };
    options.onProgress?.(progress);
    return progress;
  };
  // Generation of the next batch overlaps the COPY of the previous ones (JavaScript and the database work in
  // parallel); at most one flush per stream is in flight.
  const flush = async () => {
    const texts = FLUSH_ORDER.map((name) => [tables[name], tables[name].pending, tables[name].take()] as const);
    const inquiries = texts[0]![1];
    const slot = batchNumber++ % streams;
    await inFlight[slot];
    inFlight[slot] = (async () => {
      for (const [buffer, rows, text] of texts) {
        const t0 = performance.now();
        await writer.copy(buffer, text);
        copyMs[buffer.table] = (copyMs[buffer.table] ?? 0) + performance.now() - t0;
        writtenRows += rows;
      }
      written += inquiries;
      report();
    })();
    tables = tableSets[batchNumber % streams]!;
  };
  const load = async () => {
    const counts = splitCount(
      n,
      bodies.map((b) => BODY_PROFILES[b.slug]!.share),
    );
    for (const [index, body] of bodies.entries()) {
      const count = counts[index]!;
      const openFrom = Math.floor(count * (1 - OPEN_SHARE));
      const closedEnd = now.getTime() - 70 * DAY_MS;
      for (let k = 0; k < count; k++) {
        const open = k >= openFrom;
        const received = open
          ? new Date(now.getTime() - 75 * DAY_MS + ((k - openFrom) / Math.max(1, count - openFrom)) * 74 * DAY_MS)
          : new Date(body.firstDay.getTime() + (k / Math.max(1, openFrom)) * (closedEnd - body.firstDay.getTime()));
        const status = addInquiry(random, { body, received, open, now }, tables, tools);
        statuses[status] = (statuses[status] ?? 0) + 1;
        generated++;
        if (generated % batch === 0) await flush();
      }
    }
    await flush();
    await Promise.all(inFlight);
  };

  // GIN indexes (full text, trigrams) are far cheaper to build once than to maintain row by row: drop them for
  // the load and create them again with the same definitions (the time counts towards rows/s).
  const ginIndexes = await writer.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = 'public' and indexdef like '% USING gin %' and tablename in (${FLUSH_ORDER.map((t) => `'${t}'`).join(", ")})`,
  );
  for (const index of ginIndexes) await writer.exec(`DROP INDEX "${index.name}"`);
  // The app opens PGlite with maintenance_work_mem=16MB (its WebAssembly heap never shrinks); the loader's own
  // session may use more for the GIN rebuild, a one-off in a process that ends after the load.
  if (writer.kind === "pglite") await writer.exec(`SET maintenance_work_mem = '${PGLITE_LOAD_MAINTENANCE_WORK_MEM}'`);
  // The statistics summary (migration 0011) likewise: its triggers recompute the touched inquiries per statement,
  // with a lock per inquiry — off for the load, then the summary is rebuilt from the archive in one pass.
  const summaryTriggers = await writer.query<{ table: string; name: string }>(
    `select c.relname as table, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
     where not t.tgisinternal and t.tgname like '%\\_statistics\\_%' and c.relname in (${FLUSH_ORDER.map((t) => `'${t}'`).join(", ")})`,
  );
  for (const trigger of summaryTriggers)
    await writer.exec(`ALTER TABLE "${trigger.table}" DISABLE TRIGGER "${trigger.name}"`);
  try {
    await load();
  } finally {
    const t0 = performance.now();
    for (const index of ginIndexes) await writer.exec(index.definition);
    copyMs["(GIN indexes rebuilt)"] = performance.now() - t0;
    for (const trigger of summaryTriggers)
      await writer.exec(`ALTER TABLE "${trigger.table}" ENABLE TRIGGER "${trigger.name}"`);
  }
  if (summaryTriggers.length > 0) {
    const t0 = performance.now();
    await writer.exec("SELECT quaestio_rebuild_statistics()");
    copyMs["(statistics summary rebuilt)"] = performance.now() - t0;
  }
  const progress = report();

  await saveCounters(writer, bodies);
  const analyzeStarted = performance.now();
  // VACUUM as well: a freshly loaded table has no visibility map yet, so deep list pages could not be read from
  // the index alone (358 ms for page 1,000 straight after the load, 20 ms after VACUUM — perf's EXPLAIN notes).
  // An archive in production has been vacuumed by autovacuum long since.
  await writer.exec("VACUUM (ANALYZE)");
  const rowsByTable = Object.fromEntries(
    FLUSH_ORDER.map((name) => [name, tableSets.reduce((sum, set) => sum + set[name].total, 0)]),
  );
  return {
    ...progress,
    target: writer.kind,
    rowsByTable,
    copySecondsByTable: Object.fromEntries(Object.entries(copyMs).map(([k, v]) => [k, Math.round(v) / 1000])),
    statuses,
    seedSeconds,
    analyzeSeconds: (performance.now() - analyzeStarted) / 1000,
  };
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function loadBodies(writer: BulkWriter, random: Random): Promise<BodyContext[]> {
  const bodyRows = await writer.query<{ id: string; slug: string }>("select id, slug from bodies order by slug");
  const known = bodyRows.filter((b) => BODY_PROFILES[b.slug]);
  // Further factions and departments, so that the demo faction is one of several.
  for (const body of known) {
    const profile = BODY_PROFILES[body.slug]!;
    const orgs = [
      ...(profile.letters ? [] : FACTIONS.map((name) => ["faction", name])),
      ...profile.departments.map((name) => ["department", name]),
    ];
    if (orgs.length === 0) continue;
    const values = orgs.map(
      ([kind, name]) => `(${quote(random.uuid())}, ${quote(body.id)}, '${kind}', ${quote(name!)})`,
    );
    await writer.exec(
      `insert into organizations (id, body_id, kind, name) values ${values.join(", ")} on conflict (body_id, name) do nothing`,
    );
  }
  const types = await writer.query<{
    id: string;
    body_id: string;
    code: string;
    lifecycle: "inquiry" | "motion";
    numbering_period: "year" | "term";
    reference_format: string;
    deadline_rule_label: string;
  }>("select id, body_id, code, lifecycle, numbering_period, reference_format, deadline_rule_label from inquiry_types");
  const orgs = await writer.query<{ id: string; body_id: string; kind: string; name: string }>(
    "select id, body_id, kind::text, name from organizations order by name",
  );
  const members = await writer.query<{ organization_id: string; user_id: string }>(
    "select distinct on (organization_id) organization_id, user_id from memberships where role = 'faction_member' order by organization_id, created_at",
  );
  const counters = await writer.query<{ body_id: string; type_id: string; period: string; last_value: number }>(
    `select body_id, type_id, period, max(last_value)::int as last_value from (
       select body_id, type_id, period, last_value from reference_counters
       union all select body_id, type_id, period, sequence from inquiries where sequence is not null) s
     group by 1, 2, 3`,
  );
  const userOf = new Map(members.map((m) => [m.organization_id, m.user_id]));

  return known.map((body) => {
    const profile = BODY_PROFILES[body.slug]!;
    const bodyOrgs = orgs.filter((o) => o.body_id === body.id);
    const ref = (o: { id: string; name: string }): OrgRef => ({ id: o.id, name: o.name });
    const originators = profile.letters
      ? bodyOrgs
          .filter((o) => o.kind === "supervisory_authority")
          .map((o) => ({ org: ref(o), weight: 1, userId: null }))
      : bodyOrgs
          .filter((o) => o.kind === "faction")
          .map((o) => ({
            org: ref(o),
            // The demo faction (its member can sign in) gets a fifth of the body's inquiries.
            weight: o.name === "Fraktion (Demo)" ? 20 : FACTIONS.includes(o.name) ? 14 : 10,
            userId: o.name === "Fraktion (Demo)" ? (userOf.get(o.id) ?? null) : null,
          }));
    const bodyTypes: TypeContext[] = types
      .filter((t) => t.body_id === body.id && profile.types[t.code])
      .map((t) => ({
        id: t.id,
        code: t.code,
        lifecycle: t.lifecycle,
        numberingPeriod: t.numbering_period,
        referenceFormat: t.reference_format,
        dueRuleLabel: t.deadline_rule_label,
        ...profile.types[t.code]!,
      }));
    if (originators.length === 0 || bodyTypes.length === 0) throw new Error(`${body.slug}: keine Urheber oder Typen`);
    return {
      slug: body.slug,
      id: body.id,
      types: bodyTypes,
      originators,
      departments: bodyOrgs.filter((o) => o.kind === "department").map(ref),
      documentKind: profile.documentKind,
      counters: new Map(
        counters.filter((c) => c.body_id === body.id).map((c) => [`${c.type_id}|${c.period}`, Number(c.last_value)]),
      ),
      firstDay: new Date(`${profile.firstDay}T09:00:00Z`),
    };
  });
}

/** The app numbers the next submission from reference_counters: continue after the corpus. */
async function saveCounters(writer: BulkWriter, bodies: BodyContext[]) {
  const values: string[] = [];
  for (const body of bodies) {
    for (const [key, last] of body.counters) {
      const [typeId, period] = key.split("|");
      values.push(`(${quote(body.id)}, ${quote(typeId!)}, ${quote(period!)}, ${last})`);
    }
  }
  if (values.length === 0) return;
  await writer.exec(
    `insert into reference_counters (body_id, type_id, period, last_value) values ${values.join(", ")}
     on conflict (body_id, type_id, period) do update set last_value = greatest(reference_counters.last_value, excluded.last_value)`,
  );
}

// ---- preparing a target (shared with the harness) ------------------------------------------------

/** Drops and recreates the database named in a PostgreSQL URL (connecting to its server's `postgres` db). */
export async function recreatePostgresDatabase(url: string) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsuitable database name: ${name}`);
  parsed.pathname = "/postgres";
  const admin = postgres(parsed.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 2 });
  }
}

export async function dropPostgresDatabase(url: string) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = "/postgres";
  const admin = postgres(parsed.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 2 });
  }
}

export function progressLine(p: CorpusProgress): string {
  return `Korpus: ${p.inquiries.toLocaleString("de-DE")}/${p.n.toLocaleString("de-DE")} Anfragen, ${p.rows.toLocaleString("de-DE")} Zeilen, ${Math.round(p.rowsPerSecond).toLocaleString("de-DE")} Zeilen/s`;
}

// ---- CLI ------------------------------------------------------------------------------------------

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const n = Number(argument("n") ?? process.env.BENCH_N ?? 100_000);
  const kind = argument("target") ?? "postgres";
  const seed = Number(argument("seed") ?? 1);
  const fresh = process.argv.includes("--fresh");
  let handle: DatabaseHandle;
  if (kind === "postgres") {
    const url = argument("url") ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
    if (fresh) await recreatePostgresDatabase(url);
    handle = await openDatabase({ kind: "postgres", url });
  } else if (kind === "pglite") {
    const dir = path.resolve(argument("dir") ?? "data/bench-pglite");
    if (fresh) fs.rmSync(dir, { recursive: true, force: true });
    handle = await openDatabase({ kind: "pglite", dir }, PGLITE_LOADER_OPTIONS);
  } else {
    throw new Error(`--target postgres|pglite, not ${kind}`);
  }
  const createdAt = new Date();
  let result: CorpusResult;
  try {
    result = await generateCorpus(handle, {
      n,
      seed,
      now: createdAt,
      onProgress: (p) => process.stdout.write(`\r${progressLine(p)}   `),
    });
    process.stdout.write("\n");
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await handle.close();
  }
  // A PGlite directory loaded here can be kept for the bench (BENCH_PGLITE_CORPUS_DIR, corpus-store.ts).
  if (kind === "pglite")
    writeManifest(path.resolve(argument("dir") ?? "data/bench-pglite"), manifestFor(result, { n, seed, createdAt }));
}

/** The manifest of a corpus just loaded into a PGlite directory (with this checkout's migrations). */
export function manifestFor(
  load: CorpusResult,
  { n, seed, createdAt }: { n: number; seed: number; createdAt: Date },
): CorpusManifest {
  const root = path.resolve(import.meta.dirname, "../..");
  return {
    format: CORPUS_FORMAT,
    n,
    seed,
    pglite: pgliteVersion(root),
    migrations: migrationStamps(path.join(root, "db/migrations")),
    createdAt: createdAt.toISOString(),
    load,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
