/**
 * A loaded PGlite corpus kept for the next bench run (BENCH_PGLITE_CORPUS_DIR): loading 100,000 inquiries into
 * PGlite takes minutes, the copy of its data directory seconds. The directory carries a manifest
 * (MANIFEST_FILE; PostgreSQL ignores unknown files in its data directory) saying what was loaded: the corpus
 * parameters, the corpus format, the PGlite version and every migration (name and SHA-256 of its SQL). A run
 * reuses the directory only when all of these match — a corpus loaded under other migrations has another
 * schema, one from another PGlite version may not even open — and always works on a copy, so the kept
 * directory stays as loaded (the app's first start writes into its database: deadline reminders, outbox).
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { CorpusResult } from "./corpus";

export const MANIFEST_FILE = "quaestio-bench-corpus.json";

/**
 * Raise when the generator writes other rows for the same parameters (corpus-rows.ts, corpus-text.ts, the
 * body profiles in corpus.ts), so that kept corpora of the old format are no longer reused.
 */
export const CORPUS_FORMAT = 1;

export interface MigrationStamp {
  tag: string;
  sha256: string;
}

/** What a corpus is: equal identities, equal databases (up to the dates, which are relative to createdAt). */
export interface CorpusIdentity {
  format: number;
  n: number;
  seed: number;
  pglite: string;
  migrations: MigrationStamp[];
}

export interface CorpusManifest extends CorpusIdentity {
  /** When the corpus was loaded; its dates are relative to this day. */
  createdAt: string;
  /** The load as measured then (rows/s belongs to that run, not to a run that reuses the directory). */
  load: CorpusResult;
}

/** The migrations in the journal's order, each with the SHA-256 of its SQL file. */
export function migrationStamps(folder: string): MigrationStamp[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta/_journal.json"), "utf8")) as {
    entries: { tag: string }[];
  };
  return journal.entries.map(({ tag }) => ({
    tag,
    sha256: createHash("sha256")
      .update(fs.readFileSync(path.join(folder, `${tag}.sql`)))
      .digest("hex"),
  }));
}

export function pgliteVersion(root: string): string {
  const file = path.join(root, "node_modules/@electric-sql/pglite/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

export function readManifest(dir: string): CorpusManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, MANIFEST_FILE), "utf8")) as CorpusManifest;
  } catch {
    return null;
  }
}

export function writeManifest(dir: string, manifest: CorpusManifest) {
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + "\n");
}

/**
 * Whether a kept corpus fits the run: null when it does, otherwise why not (in German, for the bench's log).
 * Every difference refuses: a corpus loaded under fewer migrations lacks what the newer ones would have
 * written during the load (the app would migrate it forward, but into another database than a fresh load).
 */
export function corpusMismatch(manifest: CorpusManifest | null, wanted: CorpusIdentity): string | null {
  if (!manifest) return "kein Manifest (kein vollständig geladener Korpus)";
  if (manifest.format !== wanted.format) return `Korpusformat ${manifest.format}, erwartet ${wanted.format}`;
  if (manifest.n !== wanted.n) return `${manifest.n} Anfragen, erwartet ${wanted.n}`;
  if (manifest.seed !== wanted.seed) return `Seed ${manifest.seed}, erwartet ${wanted.seed}`;
  if (manifest.pglite !== wanted.pglite) return `PGlite ${manifest.pglite}, installiert ${wanted.pglite}`;
  const have = manifest.migrations ?? [];
  for (let i = 0; i < Math.max(have.length, wanted.migrations.length); i++) {
    const a = have[i];
    const b = wanted.migrations[i];
    if (!a) return `Migration ${b!.tag} fehlt im Korpus`;
    if (!b) return `Migration ${a.tag} des Korpus gibt es hier nicht`;
    if (a.tag !== b.tag) return `Migration ${i}: ${a.tag} im Korpus, ${b.tag} hier`;
    if (a.sha256 !== b.sha256) return `Migration ${a.tag} hat sich seit dem Laden geändert`;
  }
  return null;
}

/** Age of a corpus in whole days (its dates, e.g. open inquiries' deadlines, are relative to createdAt). */
export function corpusAgeDays(manifest: CorpusManifest, now = new Date()): number {
  return Math.floor((now.getTime() - new Date(manifest.createdAt).getTime()) / 86_400_000);
}

/** Replaces `to` with a copy of the data directory `from` (copy-on-write where the file system can). */
export function copyDataDirectory(from: string, to: string) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
}
