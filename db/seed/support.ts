/**
 * Helpers shared by the demo-data modules: rich-text columns, dates of the source documents, organisations
 * and events. The modules hold the data; this file holds nothing that is a fact from a document.
 */
import { bulletList, doc, paragraph, text } from "../../app/editor/build";
import { renderContent } from "../../app/editor/content.server";
import type { Tx } from "../../app/server/core/db.server";
import type { RichTextDoc } from "../../app/editor/rich-text-doc";
import type { AnswerEvent } from "../../app/domain/answer-lifecycle";
import type { InquiryEvent } from "../../app/domain/inquiry-lifecycle";
import type { NonLifecycleInquiryEvent, RecordedEvent } from "../../app/domain/labels";
import type { MotionEvent } from "../../app/domain/motion-lifecycle";
import { events, organizations } from "../schema/index";

export type { Tx };
export { bulletList, doc, paragraph, text };
export { heading } from "../../app/editor/build";

type JsonNode = ReturnType<typeof paragraph>;

/** The three stored forms of a rich-text column (`…Json`, `…Html`, `…Text`) from a Tiptap document. */
export function richText<P extends string>(prefix: P, content: RichTextDoc) {
  const rendered = renderContent(content);
  return {
    [`${prefix}Json`]: rendered.json,
    [`${prefix}Html`]: rendered.html,
    [`${prefix}Text`]: rendered.text,
  } as { [K in `${P}Json`]: RichTextDoc } & { [K in `${P}Html` | `${P}Text`]: string };
}

/** A document of plain paragraphs, one per argument. */
export function paragraphs(...texts: string[]): RichTextDoc {
  return doc(...texts.map((t) => paragraph(t)));
}

/** A link whose visible text is its address, as the documents print them. */
export function link(url: string): JsonNode {
  return text(url, [{ type: "link", attrs: { href: url } }]);
}

/** A bullet list whose items are paragraphs of mixed text and links. */
export function richBulletList(items: Array<Array<JsonNode | string>>): JsonNode {
  return {
    type: "bulletList",
    content: items.map((item) => ({ type: "listItem", content: [paragraph(...item)] })),
  };
}

/** The first row an INSERT … RETURNING gave back. */
export function first<T>(rows: T[]): T {
  const row = rows[0];
  if (row === undefined) throw new Error("INSERT … RETURNING returned no row");
  return row;
}

/**
 * The documents give dates, not times. Where a timestamp is needed (publication, events), the seed uses
 * 12:00 in Europe/Berlin on that date, so that the date shown in the body's time zone is the document's.
 */
export function berlinNoon(isoDate: string): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const utcNoon = Date.UTC(year, month - 1, day, 12);
  const offsetName =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "shortOffset" })
      .formatToParts(new Date(utcNoon))
      .find((part) => part.type === "timeZoneName")?.value ?? "GMT+1";
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(offsetName);
  const offsetMinutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0)) : 60;
  return new Date(utcNoon - offsetMinutes * 60_000);
}

export type OrganizationKind = (typeof organizations.$inferInsert)["kind"];

export interface OrganizationSpec {
  kind: OrganizationKind;
  name: string;
  shortName?: string;
  external?: boolean;
  /** Key of an organisation listed earlier in the same call. */
  parent?: string;
}

/** Inserts a body's organisations in the given order and returns their ids by key. */
export async function insertOrganizations<K extends string>(
  tx: Tx,
  bodyId: string,
  specs: Record<K, OrganizationSpec>,
): Promise<Record<K, string>> {
  const ids = {} as Record<K, string>;
  for (const key of Object.keys(specs) as K[]) {
    const spec = specs[key];
    const parentId = spec.parent ? ids[spec.parent as K] : undefined;
    if (spec.parent && !parentId) throw new Error(`parent ${spec.parent} of ${key} must be listed before it`);
    const row = first(
      await tx
        .insert(organizations)
        .values({
          bodyId,
          kind: spec.kind,
          name: spec.name,
          shortName: spec.shortName ?? null,
          external: spec.external ?? false,
          parentId: parentId ?? null,
        })
        .returning({ id: organizations.id }),
    );
    ids[key] = row.id;
  }
  return ids;
}

/**
 * Event types written by the seed: the lifecycle engine's event names for every state change, and the
 * non-lifecycle names of app/domain/labels.ts for the rest. The public timeline of an inquiry is its public
 * events (those of its answer included).
 */
export type SeedEventType = InquiryEvent | MotionEvent | AnswerEvent | NonLifecycleInquiryEvent | RecordedEvent;

export interface SeedEvent {
  bodyId: string;
  aggregateType: "inquiry" | "answer" | "consultation";
  aggregateId: string;
  type: SeedEventType;
  /** ISO date (12:00 Europe/Berlin is used) or an exact instant. */
  occurredOn: string | Date;
  public: boolean;
  actorUserId?: string | null;
  payload?: Record<string, unknown>;
}

export async function insertEvents(tx: Tx, list: SeedEvent[]) {
  if (list.length === 0) return;
  await tx.insert(events).values(
    list.map((e) => ({
      bodyId: e.bodyId,
      aggregateType: e.aggregateType,
      aggregateId: e.aggregateId,
      type: e.type,
      actorUserId: e.actorUserId ?? null,
      occurredAt: typeof e.occurredOn === "string" ? berlinNoon(e.occurredOn) : e.occurredOn,
      public: e.public,
      payload: { source: "seed", ...e.payload },
    })),
  );
}

/** What the accounts and the demo work need to know about a seeded body. */
export interface BodyAnchor {
  bodyId: string;
  slug: string;
  shortName: string;
  /** The faction named in the documents (null where the documents name none). */
  factionId: string | null;
  /** The department that answered (null where the documents name none). */
  answeringDepartmentId: string | null;
  /** The DPO office named in the documents (null where the documents name none). */
  dpoOfficeId: string | null;
  executiveId: string;
}

/**
 * The events of an answer's publication as the engine writes them: the answer lifecycle's `publish` on the
 * answer, then the inquiry lifecycle's `answer` on the inquiry, both at the publication instant.
 */
export function answeredEvents(a: {
  bodyId: string;
  inquiryId: string;
  answerId: string;
  publishedAt: Date;
  documentReference?: string;
  actorUserId?: string | null;
  public?: boolean;
}): SeedEvent[] {
  const isPublic = a.public ?? true;
  return [
    {
      bodyId: a.bodyId,
      aggregateType: "answer",
      aggregateId: a.answerId,
      type: "publish",
      occurredOn: a.publishedAt,
      public: isPublic,
      actorUserId: a.actorUserId,
      payload: {
        from: "approved",
        to: "published",
        inquiryId: a.inquiryId,
        versionNumber: 1,
        documentReference: a.documentReference,
      },
    },
    {
      bodyId: a.bodyId,
      aggregateType: "inquiry",
      aggregateId: a.inquiryId,
      type: "answer",
      occurredOn: a.publishedAt,
      public: isPublic,
      actorUserId: a.actorUserId,
      payload: { from: "answering", to: "answered", answerId: a.answerId },
    },
  ];
}
