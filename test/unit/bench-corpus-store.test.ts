/** The bench's kept PGlite corpus (BENCH_PGLITE_CORPUS_DIR): when it is reused, and that reuse copies it. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CorpusResult } from "../bench/corpus";
import {
  copyDataDirectory,
  corpusAgeDays,
  corpusMismatch,
  migrationStamps,
  readManifest,
  writeManifest,
  type CorpusIdentity,
  type CorpusManifest,
} from "../bench/corpus-store";
import { corpusLine, type TargetResult } from "../bench/results";

const load: CorpusResult = {
  target: "pglite",
  inquiries: 100,
  n: 100,
  rows: 2000,
  seconds: 4,
  rowsPerSecond: 500,
  rowsByTable: {},
  copySecondsByTable: {},
  statuses: {},
  seedSeconds: 1,
  analyzeSeconds: 1,
};

const identity = (): CorpusIdentity => ({
  format: 1,
  n: 100,
  seed: 1,
  pglite: "0.5.16",
  migrations: [
    { tag: "0000_init", sha256: "a".repeat(64) },
    { tag: "0001_next", sha256: "b".repeat(64) },
  ],
});
const manifest = (changes: Partial<CorpusManifest> = {}): CorpusManifest => ({
  ...identity(),
  createdAt: "2026-12-01T09:00:00.000Z",
  load,
  ...changes,
});

const temporary: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-corpus-store-"));
  temporary.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("kept corpus: does it fit the run?", () => {
  it("fits when everything matches", () => {
    expect(corpusMismatch(manifest(), identity())).toBeNull();
  });

  it("refuses a directory without a manifest (a load that did not finish)", () => {
    expect(corpusMismatch(null, identity())).toMatch(/kein Manifest/);
  });

  it("refuses another size, seed, corpus format or PGlite version", () => {
    expect(corpusMismatch(manifest({ n: 1000 }), identity())).toMatch(/1000 Anfragen, erwartet 100/);
    expect(corpusMismatch(manifest({ seed: 2 }), identity())).toMatch(/Seed 2/);
    expect(corpusMismatch(manifest({ format: 0 }), identity())).toMatch(/Korpusformat 0/);
    expect(corpusMismatch(manifest({ pglite: "0.4.0" }), identity())).toMatch(/PGlite 0\.4\.0, installiert 0\.5\.16/);
  });

  it("refuses a corpus from another migration set", () => {
    const [first, second] = identity().migrations;
    // Loaded before a migration was added here.
    expect(corpusMismatch(manifest({ migrations: [first!] }), identity())).toMatch(/0001_next fehlt im Korpus/);
    // Loaded with a migration this checkout does not have.
    const extra = { tag: "0002_elsewhere", sha256: "c".repeat(64) };
    expect(corpusMismatch(manifest({ migrations: [first!, second!, extra] }), identity())).toMatch(
      /0002_elsewhere des Korpus gibt es hier nicht/,
    );
    // Same count, another migration (renumbered on a merge).
    expect(corpusMismatch(manifest({ migrations: [first!, extra] }), identity())).toMatch(/0002_elsewhere im Korpus/);
    // Same name, edited since the load.
    expect(
      corpusMismatch(manifest({ migrations: [first!, { ...second!, sha256: "d".repeat(64) }] }), identity()),
    ).toMatch(/0001_next hat sich seit dem Laden geändert/);
  });

  it("stamps the migrations in journal order with the hash of their SQL", () => {
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, "meta"));
    fs.writeFileSync(
      path.join(folder, "meta/_journal.json"),
      JSON.stringify({ entries: [{ tag: "0000_init" }, { tag: "0001_next" }] }),
    );
    fs.writeFileSync(path.join(folder, "0000_init.sql"), "CREATE TABLE a (id int);");
    fs.writeFileSync(path.join(folder, "0001_next.sql"), "CREATE INDEX a_id ON a (id);");
    const before = migrationStamps(folder);
    expect(before.map((m) => m.tag)).toEqual(["0000_init", "0001_next"]);
    expect(before[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    fs.writeFileSync(path.join(folder, "0001_next.sql"), "CREATE INDEX a_id ON a (id DESC);");
    const after = migrationStamps(folder);
    expect(after[0]).toEqual(before[0]);
    expect(after[1]!.sha256).not.toBe(before[1]!.sha256);
    expect(corpusMismatch(manifest({ migrations: before }), { ...identity(), migrations: after })).toMatch(/geändert/);
  });

  it("counts the corpus's age in whole days", () => {
    expect(corpusAgeDays(manifest(), new Date("2026-12-01T20:00:00Z"))).toBe(0);
    expect(corpusAgeDays(manifest(), new Date("2026-12-03T10:00:00Z"))).toBe(2);
  });
});

describe("kept corpus: files", () => {
  it("reads back the manifest it wrote, and null where there is none", () => {
    const dir = tempDir();
    expect(readManifest(dir)).toBeNull();
    writeManifest(dir, manifest());
    expect(readManifest(dir)).toEqual(manifest());
  });

  it("works on a copy: the kept directory stays as loaded, an old run directory is replaced", () => {
    const kept = tempDir();
    fs.mkdirSync(path.join(kept, "base/1"), { recursive: true });
    fs.writeFileSync(path.join(kept, "base/1/16384"), "loaded");
    const run = path.join(tempDir(), "run");
    fs.mkdirSync(run);
    fs.writeFileSync(path.join(run, "left-over"), "previous run");

    copyDataDirectory(kept, run);
    expect(fs.existsSync(path.join(run, "left-over"))).toBe(false);
    expect(fs.readFileSync(path.join(run, "base/1/16384"), "utf8")).toBe("loaded");
    fs.writeFileSync(path.join(run, "base/1/16384"), "written by the app");
    expect(fs.readFileSync(path.join(kept, "base/1/16384"), "utf8")).toBe("loaded");
  });
});

describe("kept corpus: the results line", () => {
  const result = (corpus: CorpusResult) => ({ target: "pglite", corpus }) as TargetResult;

  it("gives the load rate only for a run that loaded", () => {
    expect(corpusLine(result(load))).toMatch(/2,000 rows in 4 s = \*\*500 rows\/s\*\*/);
    const reused = corpusLine(
      result({ ...load, reused: { from: "/work/pglite-100k", createdAt: "2026-12-01T09:00:00.000Z" } }),
    );
    expect(reused).toMatch(/copied from the kept corpus \/work\/pglite-100k/);
    expect(reused).not.toMatch(/rows\/s/);
  });
});
