import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { newestFullRun } from "../bench/results";

describe("the bench's latest table", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  function resultsDir(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-latest-"));
    dirs.push(dir);
    for (const [name, date] of Object.entries(files)) {
      fs.writeFileSync(
        path.join(dir, name),
        JSON.stringify({ target: name.includes("pglite") ? "pglite" : "postgres", date }),
      );
    }
    return dir;
  }

  it("takes the newest full run by its date, never a partial run kept under another name", () => {
    const dir = resultsDir({
      "2026-12-03-0-pglite.json": "2026-12-03T09:00:00.000Z",
      "2026-12-03-pglite.json": "2026-12-03T18:00:00.000Z",
      "2026-12-04-pglite.json": "2026-12-04T23:42:39.156Z",
      // Sorts after 2026-12-04-pglite.json by name, and is a partial run.
      "2026-12-04-stop20-changed-pages-pglite.json": "2026-12-04T21:46:53.439Z",
      "2026-12-05-postgres.json": "2026-12-05T00:16:40.000Z",
    });
    expect(newestFullRun(dir, "pglite")?.date).toBe("2026-12-04T23:42:39.156Z");
    expect(newestFullRun(dir, "postgres")?.date).toBe("2026-12-05T00:16:40.000Z");
  });

  it("orders by the recorded date, not the file name", () => {
    const dir = resultsDir({
      "2026-12-03-0-postgres.json": "2026-12-03T20:00:00.000Z",
      "2026-12-03-postgres.json": "2026-12-03T08:00:00.000Z",
    });
    expect(newestFullRun(dir, "postgres")?.date).toBe("2026-12-03T20:00:00.000Z");
    expect(newestFullRun(dir, "pglite")).toBeUndefined();
  });
});
