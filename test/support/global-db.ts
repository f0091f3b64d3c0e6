/**
 * globalSetup of the integration project: migrates one template per backend for the whole run and hands
 * their locations to the test files (see test/support/db.ts); the teardown removes them again.
 */
import type { TestProject } from "vitest/node";
import {
  createPgliteTemplate,
  createPostgresTemplate,
  createRunDirectory,
  dropDatabase,
  dropStaleDatabases,
  newRunId,
  removeDirectory,
  removeStaleRunDirectories,
} from "./db-template";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory for this run's PGlite copies; the migrated template is `template` inside it. */
    pgliteRunDir: string;
    pgliteTemplateDir: string;
    /** Set only when TEST_DATABASE_URL is set. */
    postgresTemplate: { adminUrl: string; runId: string; templateName: string } | null;
  }
}

export default async function setup(project: TestProject) {
  removeStaleRunDirectories();
  const runId = newRunId();
  const runDir = createRunDirectory();
  const cleanups: (() => Promise<void>)[] = [async () => removeDirectory(runDir)];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(error));
  };

  try {
    const started = performance.now();
    const templateDir = await createPgliteTemplate(runDir);
    project.provide("pgliteRunDir", runDir);
    project.provide("pgliteTemplateDir", templateDir);

    const adminUrl = process.env.TEST_DATABASE_URL?.trim();
    if (adminUrl) {
      await dropStaleDatabases(adminUrl);
      const templateName = await createPostgresTemplate(adminUrl, runId);
      cleanups.push(() => dropDatabase(adminUrl, templateName));
      project.provide("postgresTemplate", { adminUrl, runId, templateName });
    } else {
      project.provide("postgresTemplate", null);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`[test db] templates migrated in ${seconds} s (${adminUrl ? "PGlite + PostgreSQL" : "PGlite"})`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
