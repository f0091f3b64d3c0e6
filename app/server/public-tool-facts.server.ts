/**
 * Tool facts that cite a published document: shown on that document's public page, so that every fact in the
 * catalogue can be traced to where it was stated. Facts are public by nature (they come from published
 * sources); facts citing a source that belongs to a non-public inquiry are never returned.
 */
import { and, asc, eq, exists, ne, or } from "drizzle-orm";
import { answers, bodies, sources, toolFacts, tools, type toolFactKey } from "../../db/schema";
import type { Db } from "./db.server";

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

/** Facts whose source is the given (already visibility-checked) inquiry's document. */
export async function loadToolFactsCitingInquiry(db: Db, inquiryId: string): Promise<CitedToolFact[]> {
  return db
    .select({
      toolName: tools.name,
      toolSlug: tools.slug,
      key: toolFacts.key,
      value: toolFacts.value,
      quote: toolFacts.quote,
      bodyName: bodies.name,
      sourceCitation: sources.citation,
      asOf: toolFacts.asOf,
    })
    .from(toolFacts)
    .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
    .innerJoin(tools, eq(tools.id, toolFacts.toolId))
    .leftJoin(bodies, eq(bodies.id, toolFacts.bodyId))
    // A fact taken from an answer is public once the answer is: facts entered while drafting stay internal.
    .where(
      and(
        eq(sources.inquiryId, inquiryId),
        or(
          ne(sources.kind, "answer"),
          exists(db.select({ id: answers.id }).from(answers).where(and(eq(answers.inquiryId, inquiryId), eq(answers.status, "published")))),
        ),
      ),
    )
    .orderBy(asc(tools.name), asc(toolFacts.key));
}
