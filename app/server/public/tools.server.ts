/**
 * The tool catalogue as the public sees it (`/werkzeuge`, `/werkzeuge/{slug}`): every tool across all bodies
 * and answers — its facts with their sources, the published answers whose tool inventory lists it (the newest
 * published version of each), the workplace counts those answers give, and the assessments against criteria
 * sets. Only public inquiries with a published answer count; facts citing a non-public inquiry are left out
 * (tool-facts.server.ts).
 */
import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import {
  answers,
  answerVersions,
  bodies,
  criteriaSets,
  inquiries,
  inquiryTypes,
  toolAssessments,
  toolInventories,
  toolBodyAnswerCounts,
  toolInventoryRows,
  tools,
} from "../../../db/schema/index";
import { isoDateInTimeZone } from "../../domain/format";
import type { AssessmentResult, DeploymentVariant } from "../../domain/labels";
import { getDb, type Db, type Tx } from "../core/db.server";
import { reusableQuery } from "../core/prepared.server";
import { publiclyVisible } from "./visibility.server";
import { loadAllPublicToolFacts, loadPublicToolFactsOfTool, type PublicToolFact } from "./tool-facts.server";

export interface ToolMention {
  bodySlug: string;
  bodyName: string;
  publicRef: string;
  inquiryTitle: string;
  typeName: string;
  reference: string | null;
  documentKind: string | null;
  documentReference: string | null;
  /** The day the answer counts as given: its document date, else the day it was published. */
  answeredOn: string;
  inventoryTitle: string;
  label: string;
  variant: DeploymentVariant;
  workplaceCount: number | null;
  footnote: string | null;
}

export interface ToolAssessmentEntry {
  bodyName: string;
  bodySlug: string;
  publicRef: string;
  label: string;
  criteriaSetTitle: string;
  issuer: string;
  result: AssessmentResult;
  comment: string | null;
}

export interface ToolSummary {
  slug: string;
  name: string;
  category: string | null;
  bodyNames: string[];
  answerCount: number;
  factCount: number;
}

export interface ToolPage {
  tool: { slug: string; name: string; category: string | null };
  facts: PublicToolFact[];
  /** The inventory rows of this page's answers (MENTIONS_PER_PAGE answers, newest first across pages). */
  mentions: ToolMention[];
  /** How many public answers name the tool (all pages). */
  answerCount: number;
  /** The page shown (`?seite`, 1 = the newest answers) and how many there are (at least 1). */
  page: number;
  pageCount: number;
  assessments: ToolAssessmentEntry[];
}

/**
 * Inventory rows of the newest published version of each public answer of one tool, one page of
 * `MENTIONS_PER_PAGE` answers (a tool such as Zoom is named in thousands of answers in a large archive): page 1
 * holds the newest answers. Sorted newest first; the page shows them in chronological order. The values come in
 * as placeholders: toolId, and inquiryIds, the page's inquiries (toolBySlug).
 */
const mentionsStatement = (db: Db | Tx) => {
  const toolId = sql.placeholder("toolId");
  const newestPublished = sql`${answerVersions.versionNumber} = (
    select max(v2.version_number) from answer_versions v2
    where v2.answer_id = ${answerVersions.answerId} and v2.published_at is not null)`;
  return db
    .select({
      rowId: toolInventoryRows.id,
      toolId: toolInventoryRows.toolId,
      answerId: answers.id,
      bodySlug: bodies.slug,
      bodyName: bodies.name,
      timeZone: bodies.timeZone,
      publicRef: inquiries.publicRef,
      inquiryTitle: inquiries.title,
      typeName: inquiryTypes.name,
      reference: inquiries.reference,
      documentKind: answerVersions.documentKind,
      documentReference: answerVersions.documentReference,
      documentDate: answerVersions.documentDate,
      publishedAt: answerVersions.publishedAt,
      inventoryTitle: toolInventories.title,
      label: toolInventoryRows.label,
      variant: toolInventoryRows.variant,
      workplaceCount: toolInventoryRows.workplaceCount,
      footnote: toolInventoryRows.footnote,
    })
    .from(toolInventoryRows)
    .innerJoin(toolInventories, eq(toolInventories.id, toolInventoryRows.inventoryId))
    .innerJoin(
      answerVersions,
      and(eq(answerVersions.id, toolInventories.versionId), isNotNull(answerVersions.publishedAt)),
    )
    .innerJoin(answers, eq(answers.id, answerVersions.answerId))
    .innerJoin(inquiries, and(eq(inquiries.id, answers.inquiryId), eq(inquiries.bodyId, answers.bodyId)))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .where(
      and(
        publiclyVisible(),
        newestPublished,
        eq(toolInventoryRows.toolId, toolId),
        // The page's answers, picked by the tool's statement from the summary's index (toolBySlug).
        sql`${answers.inquiryId} = any(${sql.placeholder("inquiryIds")}::uuid[])`,
      ),
    )
    .orderBy(
      desc(answerVersions.documentDate),
      desc(answerVersions.publishedAt),
      asc(bodies.name),
      asc(toolInventories.position),
      asc(toolInventoryRows.position),
    );
};

// Built once per database handle and prepared on PostgreSQL: planning the seven-table join cost three to five
// times its execution (pgbench at 100,000 inquiries: 15–21 ms a statement planned every time, 4–6 ms prepared).
// The page's inquiry ids come as an array, not as `in (… limit … offset $n)`: with an OFFSET parameter the
// generic plan is estimated dearer than the custom ones (the planner assumes that a tenth of the rows are
// skipped), so PostgreSQL kept planning the statement on every execution; with the array the generic plan is
// chosen, and it is the same index walk (EXPLAIN at 100k: 50 loops over the primary keys, ~5 ms).
const mentionsQuery = reusableQuery("public_tool_mentions", mentionsStatement);

function loadMentions(db: Db, toolId: string, inquiryIds: string[]) {
  return mentionsQuery(db, { toolId, inquiryIds });
}

/**
 * Answers per page of a tool page (`?seite`). 50, not all: at 100,000 inquiries a tool is named in some 1,600
 * answers, and 200 of them per page made a 204 kB page that took ~50 ms of CPU to render (ADR 0023 addendum).
 */
export const MENTIONS_PER_PAGE = 50;

type MentionRow = Awaited<ReturnType<ReturnType<typeof mentionsStatement>["execute"]>>[number];

function toMention(row: MentionRow): ToolMention {
  return {
    bodySlug: row.bodySlug,
    bodyName: row.bodyName,
    publicRef: row.publicRef!,
    inquiryTitle: row.inquiryTitle,
    typeName: row.typeName,
    reference: row.reference,
    documentKind: row.documentKind,
    documentReference: row.documentReference,
    answeredOn: row.documentDate ?? isoDateInTimeZone(row.publishedAt!, row.timeZone),
    inventoryTitle: row.inventoryTitle,
    label: row.label,
    variant: row.variant,
    workplaceCount: row.workplaceCount,
    footnote: row.footnote,
  };
}

// The catalogue's tools with their public answers and the bodies these come from, from the counts the database
// keeps per tool and body (tool_body_answer_counts, migration 0018: about 50 rows). Before, the ~25,000 rows of
// tool_answer_facts (ADR 0023) were grouped on every uncached render (about a third of the page's CPU at 100,000
// inquiries). One fixed shape: built once per database handle, prepared on PostgreSQL.
const catalogueQuery = reusableQuery("public_tool_catalogue", (db) =>
  db
    .select({
      id: tools.id,
      slug: tools.slug,
      name: tools.name,
      category: tools.category,
      // "tools".id spelled out: drizzle writes ${tools.id} as a bare "id" in a one-table select, which inside
      // the subquery would name the body's id.
      answerCount: sql<number>`coalesce((select sum(c.answers) from ${toolBodyAnswerCounts} c
        where c.tool_id = "tools".id and c.answers > 0), 0)::int`.mapWith(Number),
      bodyNames: sql<string[] | null>`(select array_agg(b.name) from ${toolBodyAnswerCounts} c
        join ${bodies} b on b.id = c.body_id where c.tool_id = "tools".id and c.answers > 0)`,
    })
    .from(tools)
    .orderBy(asc(tools.name)),
);

export async function loadToolCatalogue(database?: Db): Promise<ToolSummary[]> {
  const db = database ?? (await getDb());
  const [toolRows, facts] = await Promise.all([catalogueQuery(db, {}), loadAllPublicToolFacts(db)]);
  return toolRows.map((tool) => {
    const ownFacts = facts.filter((fact) => fact.toolSlug === tool.slug);
    const bodyNames = new Set([
      ...(tool.bodyNames ?? []),
      ...ownFacts.flatMap((fact) => (fact.bodyName ? [fact.bodyName] : [])),
    ]);
    return {
      slug: tool.slug,
      name: tool.name,
      category: tool.category,
      bodyNames: [...bodyNames].sort((a, b) => a.localeCompare(b, "de")),
      answerCount: tool.answerCount,
      factCount: ownFacts.length,
    };
  });
}

/** A uuid[] as the driver gives it: an array, or PostgreSQL's text form `{a,b}` should a driver not parse it. */
function uuidArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/[{}]/g, "").split(",").filter(Boolean);
}

// The tool, its number of public answers and the inquiries of the page asked for (placeholders slug, offset);
// built once per database handle, prepared on PostgreSQL.
const toolBySlug = reusableQuery("public_tool_by_slug", (db) =>
  db
    .select({
      id: tools.id,
      slug: tools.slug,
      name: tools.name,
      category: tools.category,
      // The tool's public answers from the counts kept per tool and body (migration 0018: a few rows), as the
      // catalogue reads them, instead of counting the tool's entries of tool_answer_facts (~5,000 for Zoom at
      // 100,000 inquiries) on every uncached render. "tools".id spelled out, as in catalogueQuery.
      answerCount: sql<number>`coalesce((select sum(c.answers) from ${toolBodyAnswerCounts} c
        where c.tool_id = "tools".id), 0)::int`.mapWith(Number),
      // The page's answers, picked from the summary's index (tool_answer_facts_newest_idx, the same order; the
      // inquiry id makes the order total, so that pages neither overlap nor skip) instead of sorting every
      // mention of the tool. Empty for a page past the end.
      pageInquiryIds: sql<string[] | string>`array(select f.inquiry_id from tool_answer_facts f
        where f.tool_id = ${tools.id}
        order by f.document_date desc nulls first, f.published_at desc, f.inquiry_id
        limit ${sql.raw(String(MENTIONS_PER_PAGE))} offset ${sql.placeholder("offset")})`,
    })
    .from(tools)
    .where(eq(tools.slug, sql.placeholder("slug")))
    .limit(1),
);

// The overall assessments of the page's inventory rows (the ids as one uuid[] value): built once per database
// handle and prepared on PostgreSQL, instead of a statement with one placeholder per row planned every time.
const assessmentsQuery = reusableQuery("public_tool_assessments", (db) =>
  db
    .select({
      rowId: toolAssessments.inventoryRowId,
      result: toolAssessments.result,
      comment: toolAssessments.comment,
      criteriaSetTitle: criteriaSets.title,
      issuer: criteriaSets.issuer,
    })
    .from(toolAssessments)
    .innerJoin(criteriaSets, eq(criteriaSets.id, toolAssessments.criteriaSetId))
    .where(
      and(
        sql`${toolAssessments.inventoryRowId} = any(${sql.placeholder("rowIds")}::uuid[])`,
        sql`${toolAssessments.criterionId} is null`,
      ),
    )
    .orderBy(asc(criteriaSets.title)),
);

/**
 * One tool's page (`page`: 1 = the newest answers), or null when there is no tool with that slug or the page is
 * past the last one.
 */
export async function loadToolPage(slug: string, database?: Db, page = 1): Promise<ToolPage | null> {
  const db = database ?? (await getDb());
  const [tool] = await toolBySlug(db, { slug, offset: (Math.max(1, page) - 1) * MENTIONS_PER_PAGE });
  if (!tool) return null;
  const pageCount = Math.max(1, Math.ceil(tool.answerCount / MENTIONS_PER_PAGE));
  if (page < 1 || page > pageCount) return null;
  const [newestRows, facts] = await Promise.all([
    loadMentions(db, tool.id, uuidArray(tool.pageInquiryIds)),
    loadPublicToolFactsOfTool(db, tool.id),
  ]);
  const mentionRows = newestRows.reverse();
  const rowIds = mentionRows.map((row) => row.rowId);
  const assessmentRows = rowIds.length ? await assessmentsQuery(db, { rowIds }) : [];
  const byRow = new Map(mentionRows.map((row) => [row.rowId, row]));
  return {
    tool: { slug: tool.slug, name: tool.name, category: tool.category },
    facts,
    mentions: mentionRows.map(toMention),
    answerCount: tool.answerCount,
    page,
    pageCount,
    assessments: assessmentRows.map((a) => {
      const row = byRow.get(a.rowId)!;
      return {
        bodyName: row.bodyName,
        bodySlug: row.bodySlug,
        publicRef: row.publicRef!,
        label: row.label,
        criteriaSetTitle: a.criteriaSetTitle,
        issuer: a.issuer,
        result: a.result,
        comment: a.comment,
      };
    }),
  };
}
