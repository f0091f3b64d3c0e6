/**
 * The body as anonymous readers see it, shared by the public read models (inquiries.server.ts, answers.server.ts)
 * so that neither has to import the other for it.
 */
import { eq, sql } from "drizzle-orm";
import { bodies } from "../../../db/schema/index";
import type { BodyKind } from "../../domain/labels";
import { reusableQuery, type Db } from "../core/db.server";

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
