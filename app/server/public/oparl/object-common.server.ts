/**
 * What the OParl object builders share: the schema's type URIs, leaving out empty values, the stub of a
 * deleted object, the builder signature, body slugs and the composite id of a consultation.
 */
import { inArray } from "drizzle-orm";
import { bodies } from "../../../../db/schema/index";
import type { Db } from "../../core/db.server";
import type { ExposedRow } from "./exposure.server";
import type { OparlObjectKind, OparlUrls } from "./urls.server";

export type OparlObject = Record<string, unknown> & { id: string; type: string };

export const SCHEMA = "https://schema.oparl.org/1.1/";
export const typeUri = (name: string) => `${SCHEMA}${name}`;
const TYPE_NAMES: Record<OparlObjectKind, string> = {
  organization: "Organization",
  person: "Person",
  meeting: "Meeting",
  agendaItem: "AgendaItem",
  paper: "Paper",
  consultation: "Consultation",
  file: "File",
};

/** Drops undefined and null properties and empty arrays: OParl says to leave out what has no value. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)),
  ) as T;
}

export function deletedStub(urls: OparlUrls, kind: OparlObjectKind, row: ExposedRow): OparlObject {
  return {
    id: urls.object(kind, row.id),
    type: typeUri(TYPE_NAMES[kind]),
    created: row.created,
    modified: row.modified,
    deleted: true,
  };
}

export type Builder = (db: Db, urls: OparlUrls, rows: ExposedRow[]) => Promise<Map<string, OparlObject>>;

export async function bodySlugs(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: bodies.id, slug: bodies.slug }).from(bodies).where(inArray(bodies.id, ids));
  return new Map(rows.map((row) => [row.id, row.slug]));
}

export const consultationId = (inquiryId: string, agendaItemId: string, purpose: string) =>
  `${inquiryId}~${agendaItemId}~${purpose}`;
