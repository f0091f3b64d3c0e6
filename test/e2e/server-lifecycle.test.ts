/**
 * The app as an operator runs it (`npm start` = node scripts/start.mjs): it stops promptly on SIGTERM,
 * keeps its data across restarts without seeding twice, and refuses a bad configuration with one readable
 * sentence instead of a stack trace (DESIGN §7).
 */
import fs from "node:fs";
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { linksIn, pageNumber } from "../support/links";
import { freePort, freshPgliteDir, runAppUntilExit, startApp, type RunningApp } from "../support/server";

const NRW_LIST = "/landtag-nrw/anfragen";
const STACK_LINE = /^\s+at /m;
/** A configuration error is found in seconds; waiting longer only hides a hang. */
const CONFIG_ERROR_LIMIT_MS = 30_000;

async function getHtml(url: string): Promise<string> {
  const response = await fetch(url, { redirect: "follow" });
  expect(response.status, `GET ${url}`).toBe(200);
  return response.text();
}

/** What a visitor can see of the demo data: the bodies on the home page and every entry of the NRW list. */
async function visibleData(baseUrl: string) {
  const home = linksIn(await getHtml(`${baseUrl}/`), baseUrl);
  const bodyLists = home.filter((link) => /^\/[^/?]+\/anfragen$/.test(link));
  const entries: string[] = [];
  for (let n = 1; n <= 100; n++) {
    const links = linksIn(await getHtml(`${baseUrl}${NRW_LIST}${n > 1 ? `?seite=${n}` : ""}`), baseUrl);
    entries.push(...new Set(links.filter((link) => link.startsWith(`${NRW_LIST}/`) && !link.includes("?"))));
    if (!links.some((link) => link.startsWith(NRW_LIST) && pageNumber(link) === n + 1)) break;
  }
  return { bodies: [...new Set(bodyLists)].sort(), bodyLinkCount: bodyLists.length, entries: entries.sort() };
}

const started: RunningApp[] = [];
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop()));
});

describe("npm start as a process", () => {
  let dataDir: string | null = null;
  let before: Awaited<ReturnType<typeof visibleData>> | null = null;

  it("creates and seeds a fresh PGLITE_DIR and exits within 3 s of SIGTERM", async () => {
    // Explicitly fresh: by default startApp hands the app a copy of the run's seeded directory.
    const app = await startApp({ pgliteDir: freshPgliteDir() });
    started.push(app);
    dataDir = app.pgliteDir;
    expect(dataDir && fs.existsSync(dataDir)).toBe(true);

    before = await visibleData(app.url);
    expect(before.bodies).toContain(NRW_LIST);
    expect(before.entries.length).toBeGreaterThan(0);

    const exit = await app.stop();
    console.log(`[lifecycle] exit ${exit.code ?? exit.signal} ${exit.stopMs!.toFixed(0)} ms after SIGTERM`);
    expect(exit.stopMs).toBeLessThan(3000);
  });

  it("finds its data intact on a second start and does not seed the demo data twice", async () => {
    expect(dataDir, "needs the first test's data directory").not.toBeNull();
    const app = await startApp({ pgliteDir: dataDir! });
    started.push(app);
    const after = await visibleData(app.url);
    expect(after).toEqual(before);
    await app.stop();
  });

  it("exits non-zero with one line naming the port when PORT is taken", async () => {
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      // Reuses the seeded directory when the earlier tests ran, so no second seeding is needed.
      const result = await runAppUntilExit(dataDir ? { port, pgliteDir: dataDir } : { port }, 60_000);
      expect(result.code, result.output).not.toBe(0);
      expect(result.code, result.output).not.toBeNull();
      expect(
        result.output.split("\n").filter((line) => /Port/.test(line)),
        result.output,
      ).toHaveLength(1);
      expect(result.output).not.toMatch(STACK_LINE);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("exits non-zero naming DATABASE_URL when the database server cannot be reached", async () => {
    const result = await runAppUntilExit(
      { env: { DATABASE_URL: "postgres://x@127.0.0.1:1/none" } },
      CONFIG_ERROR_LIMIT_MS,
    );
    expect(result.code, result.output).not.toBe(0);
    expect(result.code, result.output).not.toBeNull();
    expect(result.output).toMatch(/DATABASE_URL/);
    expect(result.output).not.toMatch(STACK_LINE);
  });

  it("exits non-zero naming PGLITE_DIR when the data directory cannot be written", async () => {
    const result = await runAppUntilExit({ env: { PGLITE_DIR: "/proc/quaestio-nope" } }, CONFIG_ERROR_LIMIT_MS);
    expect(result.code, result.output).not.toBe(0);
    expect(result.code, result.output).not.toBeNull();
    expect(result.output).toMatch(/PGLITE_DIR/);
    expect(result.output).not.toMatch(STACK_LINE);
  });
});
