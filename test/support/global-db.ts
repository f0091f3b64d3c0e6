/**
 * globalSetup of the integration project: migrates one template per backend for the whole run, makes a
 * seeded copy of each (the demo data of db/seed.ts, loaded once per run instead of once per test file) and
 * hands their locations to the test files (see test/support/db.ts); the teardown removes them again. The seeded
 * templates are offered to the e2e project's globalSetup too (global-e2e.ts), which copies them for its apps.
 */
import type { TestProject } from "vitest/node";
import {
  createPgliteTemplate,
  createPostgresTemplate,
  createRunDirectory,
  createSeededPgliteTemplate,
  createSeededPostgresTemplate,
  dropDatabase,
  dropRunDatabases,
  dropStaleDatabases,
  newRunId,
  removeDirectory,
  removeStaleRunDirectories,
  shareSeededPgliteTemplate,
  shareSeededPostgresTemplate,
} from "./db-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory for this run's PGlite copies; the migrated template is `template` inside it. */
    pgliteRunDir: string;
    pgliteTemplateDir: string;
    /** The migrated template with the demo data loaded (`template-seeded` inside the run directory). */
    pgliteSeededTemplateDir: string;
    /** When the demo data in pgliteSeededTemplateDir was seeded (ISO): its dates are relative to it. */
    pgliteSeededAt: string;
    /** Set only when TEST_DATABASE_URL is set; seededAt (ISO) as pgliteSeededAt, for the seeded template. */
    postgresTemplate: {
      adminUrl: string;
      runId: string;
      templateName: string;
      seededTemplateName: string;
      seededAt: string;
    } | null;
  }
}

export default async function setup(project: TestProject) {
  removeStaleRunDirectories();
  const runId = newRunId();
  const runDir = createRunDirectory();
  const cleanups: (() => Promise<void>)[] = [
    async () => {
      shareSeededPgliteTemplate(undefined);
      removeDirectory(runDir);
    },
  ];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };

  try {
    const started = performance.now();
    const adminUrl = process.env.TEST_DATABASE_URL?.trim();
    // The two backends are prepared side by side: PGlite works in this process, PostgreSQL in its server.
    const pglite = (async () => {
      const templateDir = await createPgliteTemplate(runDir);
      const seededAt = new Date();
      const seededTemplateDir = await createSeededPgliteTemplate(templateDir, runDir, seededAt);
      return { templateDir, seededTemplateDir, seededAt };
    })();
    const postgres = (async () => {
      if (!adminUrl) return null;
      await dropStaleDatabases(adminUrl);
      const templateName = await createPostgresTemplate(adminUrl, runId);
      cleanups.push(() => dropDatabase(adminUrl, templateName));
      // The test files' copies (test/support/db.ts), all at once at the end; they run before the templates' drops.
      cleanups.push(() => dropRunDatabases(adminUrl, runId));
      const seededAt = new Date();
      const seededTemplateName = await createSeededPostgresTemplate(adminUrl, runId, templateName, seededAt);
      cleanups.push(() => dropDatabase(adminUrl, seededTemplateName));
      // The browser tests' apps (global-e2e.ts) run on copies of it; dropped last, after their teardown.
      shareSeededPostgresTemplate({ adminUrl, name: seededTemplateName, seededAt });
      cleanups.push(async () => shareSeededPostgresTemplate(undefined));
      return { adminUrl, runId, templateName, seededTemplateName, seededAt: seededAt.toISOString() };
    })();
    const [pgliteResult, postgresResult] = await Promise.allSettled([pglite, postgres]);
    if (pgliteResult.status === "rejected") throw pgliteResult.reason;
    if (postgresResult.status === "rejected") throw postgresResult.reason;

    project.provide("pgliteRunDir", runDir);
    project.provide("pgliteTemplateDir", pgliteResult.value.templateDir);
    project.provide("pgliteSeededTemplateDir", pgliteResult.value.seededTemplateDir);
    project.provide("pgliteSeededAt", pgliteResult.value.seededAt.toISOString());
    project.provide("postgresTemplate", postgresResult.value);
    // The browser tests' globalSetup (global-e2e.ts) copies it for its apps instead of seeding its own.
    shareSeededPgliteTemplate({ dir: pgliteResult.value.seededTemplateDir, seededAt: pgliteResult.value.seededAt });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[test db] templates migrated and seeded in ${seconds} s (${adminUrl ? "PGlite + PostgreSQL" : "PGlite"})`,
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
