/**
 * The body as anonymous readers see it, shared by the public read models (inquiries.server.ts, answers.server.ts)
 * so that neither has to import the other for it; and what a public address names besides (a faction of the
 * body, a tool of the catalogue), for the feeds and the e-mail subscriptions.
 */
import { and, eq, sql } from "drizzle-orm";
import { bodies, organizations, tools } from "../../../db/schema/index";
import { isUuid } from "../../domain/format";
import type { BodyKind } from "../../domain/labels";
import type { Db, Tx } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";

export interface PublicBody {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  kind: BodyKind;
  timeZone: string;
  website: string | null;
}

/** The columns of a PublicBody, for the read models that join the body into their own statement. */
export const publicBodyColumns = {
  id: bodies.id,
  slug: bodies.slug,
  name: bodies.name,
  shortName: bodies.shortName,
  kind: bodies.kind,
  timeZone: bodies.timeZone,
  website: bodies.website,
};

// Built once per database handle and prepared on PostgreSQL: the statistics page and others look the body up on
// every request.
const bodyBySlug = reusableQuery("public_body_by_slug", (db) =>
  db
    .select(publicBodyColumns)
    .from(bodies)
    .where(eq(bodies.slug, sql.placeholder("slug")))
    .limit(1),
);

/** The body by its slug, or null when there is none. */
export async function findBody(db: Db, slug: string): Promise<PublicBody | null> {
  const [body] = await bodyBySlug(db, { slug });
  return body ?? null;
}

/** A faction of the body by its id, or null (also for anything that is no id). */
export async function findFaction(
  db: Db | Tx,
  bodyId: string,
  factionId: string,
): Promise<{ id: string; name: string } | null> {
  if (!isUuid(factionId)) return null;
  const [faction] = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, factionId), eq(organizations.bodyId, bodyId), eq(organizations.kind, "faction")));
  return faction ?? null;
}

/** A tool of the catalogue by its slug, or null. */
export async function findTool(db: Db | Tx, slug: string): Promise<{ id: string; name: string; slug: string } | null> {
  const [tool] = await db
    .select({ id: tools.id, name: tools.name, slug: tools.slug })
    .from(tools)
    .where(eq(tools.slug, slug));
  return tool ?? null;
}
