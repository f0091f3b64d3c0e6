/**
 * Demo data built from the five documents in ../shared/seeds (one body each, Norderstedt two), the tool
 * catalogue with the facts they state, fictional demo accounts and a little fictional work in progress.
 *
 * Idempotent: when the demo bodies are there it inserts nothing. Everything is written in one transaction, so
 * an interrupted seed leaves no half of it behind. The modules in db/seed/ hold the data, one per source.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../app/server/db.server";
import { bodies } from "./schema/index";
import { demoLogins, hashDemoPasswords, seedAccounts, type DemoLogin } from "./seed/accounts";
import { landtagNrwWork, norderstedtWork, seedDemoWork } from "./seed/demo-work";
import { seedHamburg } from "./seed/hamburg";
import { NRW_KLEINE_ANFRAGE_DEADLINE_LABEL, seedLandtagNrw } from "./seed/landtag-nrw";
import { NORDERSTEDT_ANFRAGE_DEADLINE_LABEL, seedNorderstedt } from "./seed/norderstedt";
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

export async function seedDemoData(db: Db): Promise<DemoLogin[]> {
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

    await seedDemoWork(
      tx,
      norderstedtWork(norderstedt.anchor, accounts.norderstedt!, norderstedt.inquiryTypeId, NORDERSTEDT_ANFRAGE_DEADLINE_LABEL),
    );
    await seedDemoWork(
      tx,
      landtagNrwWork(landtagNrw.anchor, accounts["landtag-nrw"]!, landtagNrw.kleineAnfrageTypeId, NRW_KLEINE_ANFRAGE_DEADLINE_LABEL),
    );
  });
  return logins;
}
