/**
 * Demo data built from the five documents in ../shared/seeds (one body each, Norderstedt two), the tool
 * catalogue with the facts they state, fictional demo accounts and fictional inquiries and motions in every
 * state of their lifecycles, dated relative to the day of seeding.
 *
 * Idempotent: when the demo bodies are there it inserts nothing. Everything is written in one transaction, so
 * an interrupted seed leaves no half of it behind. The modules in db/seed/ hold the data, one per source.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../app/server/core/db.server";
import { bodies } from "./schema/index";
import { demoLogins, hashDemoPasswords, seedAccounts, type DemoLogin } from "./seed/accounts";
import { landtagNrwDemo } from "./seed/demo-cases-landtag-nrw";
import { norderstedtDemo } from "./seed/demo-cases-norderstedt";
import { scharnebeckDemo } from "./seed/demo-cases-scharnebeck";
import { seedDemoBody } from "./seed/demo-lifecycle";
import { seedHamburg } from "./seed/hamburg";
import { seedLandtagNrw } from "./seed/landtag-nrw";
import { seedNorderstedt } from "./seed/norderstedt";
import { seedScharnebeck } from "./seed/scharnebeck";
import type { Tx } from "./seed/support";
import { seedToolCatalogue, seedToolFacts } from "./seed/tools";

export type { DemoLogin };

/** The body whose presence means the demo data has been loaded. */
const MARKER_SLUG = "landtag-nrw";
/** Serialises concurrent seeding on a PostgreSQL server (the second one then finds the data and stops). */
const SEED_LOCK = 0x5175_6165; // "Quae"

async function isPresent(db: Db | Tx): Promise<boolean> {
  const rows = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, MARKER_SLUG)).limit(1);
  return rows.length > 0;
}

/** Whether the demo data is already in the database. */
export function isDemoDataPresent(db: Db): Promise<boolean> {
  return isPresent(db);
}

/**
 * Loads the demo data unless it is there. `now` fixes the seed day that the fictional cases' dates are
 * relative to (tests); by default it is the moment of seeding.
 */
export async function seedDemoData(db: Db, options: { now?: Date } = {}): Promise<DemoLogin[]> {
  const now = options.now ?? new Date();
  const logins = demoLogins();
  if (await isPresent(db)) return logins;

  // argon2id is deliberately slow; hash outside the transaction so that it stays short.
  const passwordHashes = await hashDemoPasswords();

  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await isPresent(tx)) return;

    const toolIds = await seedToolCatalogue(tx);
    const norderstedt = await seedNorderstedt(tx);
    const landtagNrw = await seedLandtagNrw(tx, toolIds);
    const hamburg = await seedHamburg(tx);
    const scharnebeck = await seedScharnebeck(tx);

    await seedToolFacts(tx, toolIds, {
      norderstedt: {
        bodyId: norderstedt.anchor.bodyId,
        vorlageSourceId: norderstedt.vorlageSourceId,
        anfrageSourceId: norderstedt.anfrageSourceId,
      },
      landtagNrw: { bodyId: landtagNrw.anchor.bodyId, drucksacheSourceId: landtagNrw.drucksacheSourceId },
      hamburg: { bodyId: hamburg.anchor.bodyId, letterSourceId: hamburg.letterSourceId },
      scharnebeck: { bodyId: scharnebeck.anchor.bodyId, antragSourceId: scharnebeck.antragSourceId },
    });

    const accounts = await seedAccounts(
      tx,
      [norderstedt.anchor, landtagNrw.anchor, hamburg.anchor, scharnebeck.anchor],
      passwordHashes,
    );

    // Fictional work in every state, dated relative to today (db/seed/demo-cases-*.ts).
    await seedDemoBody(tx, norderstedtDemo(norderstedt.anchor, accounts.norderstedt!), now);
    await seedDemoBody(tx, landtagNrwDemo(landtagNrw.anchor, accounts["landtag-nrw"]!), now);
    await seedDemoBody(tx, scharnebeckDemo(scharnebeck.anchor, accounts.scharnebeck!), now);
  });
  return logins;
}
