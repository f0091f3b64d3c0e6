/**
 * Tool facts that cite a published document: shown on that document's public page, so that every fact in the
 * catalogue can be traced to where it was stated. Facts are public by nature (they come from published
 * sources); facts citing a source that belongs to a non-public inquiry are never returned.
 */
import { and, asc, eq, exists, isNotNull, isNull, ne, or, sql, type Placeholder } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { answers, bodies, inquiries, sources, toolFacts, tools, type toolFactKey } from "../../../db/schema";
import type { Db, Tx } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";
import { publiclyVisible } from "./visibility.server";

export interface CitedToolFact {
  toolName: string;
  toolSlug: string;
  key: (typeof toolFactKey.enumValues)[number];
  value: string;
  quote: string | null;
  /** The body the fact is about; null when it holds for the tool in general. */
  bodyName: string | null;
  sourceCitation: string;
  asOf: string | null;
}

/** The columns of a CitedToolFact (the query joins tools, sources and the fact's body). */
const citedFactColumns = {
  toolName: tools.name,
  toolSlug: tools.slug,
  key: toolFacts.key,
  value: toolFacts.value,
  quote: toolFacts.quote,
  bodyName: bodies.name,
  sourceCitation: sources.citation,
  asOf: toolFacts.asOf,
};

/** Facts whose source is the given (already visibility-checked) inquiry's document. */
export function loadToolFactsCitingInquiry(db: Db, inquiryId: string): Promise<CitedToolFact[]> {
  return factsCitingInquiry(db, { inquiryId });
}

// Built once per database handle: the page of every public inquiry runs it (issue 13).
const factsCitingInquiry = reusableQuery("tool_facts_citing_inquiry", (db) =>
  db
    .select(citedFactColumns)
    .from(toolFacts)
    .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
    .innerJoin(tools, eq(tools.id, toolFacts.toolId))
    .leftJoin(bodies, eq(bodies.id, toolFacts.bodyId))
    // A fact taken from an answer is public once the answer is: facts entered while drafting stay internal.
    .where(
      and(
        eq(sources.inquiryId, sql.placeholder("inquiryId")),
        or(
          ne(sources.kind, "answer"),
          exists(
            db
              .select({ id: answers.id })
              .from(answers)
              .where(and(eq(answers.inquiryId, sql.placeholder("inquiryId")), eq(answers.status, "published"))),
          ),
        ),
      ),
    )
    .orderBy(asc(tools.name), asc(toolFacts.key)),
);

export interface PublicToolFact extends CitedToolFact {
  sourceKind: (typeof sources.kind.enumValues)[number];
  sourceUrl: string | null;
  sourceDate: string | null;
  /** The public page of the inquiry whose documents are the source, when there is one. */
  sourceInquiry: { bodySlug: string; publicRef: string } | null;
}

const sourceBody = alias(bodies, "source_body");

/** The statement of the public facts: every tool's facts, or one tool's (its id as a value or placeholder). */
function publicToolFactsStatement(db: Db | Tx, toolId?: string | Placeholder) {
  return db
    .select({
      ...citedFactColumns,
      sourceKind: sources.kind,
      sourceUrl: sources.url,
      sourceDate: sources.date,
      inquiryBodySlug: sourceBody.slug,
      inquiryPublicRef: inquiries.publicRef,
      sourceInquiryId: sources.inquiryId,
    })
    .from(toolFacts)
    .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
    .innerJoin(tools, eq(tools.id, toolFacts.toolId))
    .leftJoin(bodies, eq(bodies.id, toolFacts.bodyId))
    .leftJoin(inquiries, and(eq(inquiries.id, sources.inquiryId), publiclyVisible()))
    .leftJoin(sourceBody, eq(sourceBody.id, inquiries.bodyId))
    .where(
      and(
        toolId ? eq(toolFacts.toolId, toolId) : undefined,
        or(isNull(sources.inquiryId), isNotNull(inquiries.id)),
        // As above: a fact taken from an answer is public only once that answer is published.
        or(
          ne(sources.kind, "answer"),
          exists(
            db
              .select({ id: answers.id })
              .from(answers)
              .where(and(eq(answers.inquiryId, sources.inquiryId), eq(answers.status, "published"))),
          ),
        ),
      ),
    )
    .orderBy(asc(tools.name), asc(toolFacts.key), asc(sources.citation));
}

type PublicToolFactRow = Awaited<ReturnType<typeof publicToolFactsStatement>>[number];

function toPublicToolFact({
  inquiryBodySlug,
  inquiryPublicRef,
  sourceInquiryId: _id,
  ...fact
}: PublicToolFactRow): PublicToolFact {
  return {
    ...fact,
    sourceInquiry:
      inquiryBodySlug && inquiryPublicRef ? { bodySlug: inquiryBodySlug, publicRef: inquiryPublicRef } : null,
  };
}

// One tool's facts (the tool page, on every uncached render): built once per database handle, prepared on
// PostgreSQL (a six-table join whose planning cost more than its execution).
const factsOfTool = reusableQuery("public_tool_facts_of_tool", (db) =>
  publicToolFactsStatement(db, sql.placeholder("toolId")),
);

/** The public facts of one tool, as loadAllPublicToolFacts but of that tool only. */
export async function loadPublicToolFactsOfTool(db: Db, toolId: string): Promise<PublicToolFact[]> {
  return (await factsOfTool(db, { toolId })).map(toPublicToolFact);
}

// Every tool's facts (the catalogue, on every uncached render): built once per database handle, prepared.
const allFacts = reusableQuery("public_tool_facts_all", (db) => publicToolFactsStatement(db));

/**
 * All public facts: facts whose source is not tied to an inquiry, and facts citing a public inquiry (the public
 * read model's rule, publiclyVisible()). Facts citing a non-public inquiry, and facts taken from an answer that
 * is not published yet, are left out.
 */
export async function loadAllPublicToolFacts(db: Db): Promise<PublicToolFact[]> {
  return (await allFacts(db, {})).map(toPublicToolFact);
}
