/**
 * CSV and JSON of a body's public list (/{body}/anfragen.csv|.json) and of a search (/suche.csv|.json), built
 * from the same read models as the pages, so that an export shows exactly what the page shows and never more
 * (withheld text is not in those read models at all). Shapes: docs/decisions/0019-public-exports.md.
 */
import { exportFileName, LIST_CSV_MAX_ROWS, toCsv } from "../../../domain/csv";
import { formatReference } from "../../../domain/format";
import { inquiryStatusLabel, inquiryStatusLabels, type InquiryStatus } from "../../../domain/labels";
import { exportTexts as t } from "../../../domain/texts/exports";
import type { Db } from "../../core/db.server";
import { listPublicInquiries, PUBLIC_PAGE_SIZE, type PublicInquiryListItem } from "../inquiry-list.server";
import { searchPublic, CANDIDATE_LIMIT, type SearchFilters, type SearchSort } from "../search/search.server";
import { toJson, type ExportFile, type ExportFormat } from "./response.server";

const inquiryUrl = (origin: string, bodySlug: string, publicRef: string) =>
  `${origin}/${bodySlug}/anfragen/${encodeURIComponent(publicRef)}`;

/**
 * The list export: `?seite=N` gives that page in either format (as the page); without it the CSV holds the whole
 * list (at most LIST_CSV_MAX_ROWS rows) and the JSON the first page with a link to the next. Null (404) for an
 * unknown body or a page that does not exist.
 */
export async function inquiryListExport(
  params: { bodySlug: string; page: number | null; format: ExportFormat; origin: string },
  db?: Db,
): Promise<ExportFile | null> {
  const whole = params.format === "csv" && params.page === null;
  const list = await listPublicInquiries(
    {
      bodySlug: params.bodySlug,
      page: whole ? 1 : (params.page ?? 1),
      pageSize: whole ? LIST_CSV_MAX_ROWS : undefined,
    },
    db,
  );
  if (!list) return null;
  const { body } = list;
  const statusLabel = (item: PublicInquiryListItem) =>
    inquiryStatusLabel(item.status, { lifecycle: item.lifecycle, decision: item.motionDecision, bodyKind: body.kind });
  const baseName = exportFileName("anfragen", body.slug, ...(whole ? [] : [`seite-${list.page}`]));

  if (params.format === "csv") {
    const c = t.list;
    return {
      format: "csv",
      baseName,
      body: toCsv(
        [
          c.reference,
          c.type,
          c.title,
          c.originators,
          c.status,
          c.receivedOn,
          c.dueOn,
          c.answerDocument,
          c.answerDate,
          c.url,
        ],
        list.items.map((item) => [
          item.reference,
          item.typeName,
          item.title,
          item.originators.join("; "),
          statusLabel(item),
          item.receivedOn ?? item.submittedOn,
          item.dueOn,
          item.answer
            ? item.answer.documentReference
              ? formatReference(item.answer.documentKind, item.answer.documentReference)
              : (item.answer.documentKind ?? "Antwort")
            : null,
          item.answer ? (item.answer.documentDate ?? item.answer.publishedOn) : null,
          inquiryUrl(params.origin, body.slug, item.publicRef),
        ]),
      ),
    };
  }
  const pageUrl = (n: number) => `${params.origin}/${body.slug}/anfragen.json?seite=${n}`;
  return {
    format: "json",
    baseName,
    body: toJson({
      body: { slug: body.slug, name: body.name },
      page: list.page,
      pageCount: list.pageCount,
      pageSize: list.pageSize ?? PUBLIC_PAGE_SIZE,
      total: list.total,
      previous: list.page > 1 ? pageUrl(list.page - 1) : null,
      next: list.page < list.pageCount ? pageUrl(list.page + 1) : null,
      items: list.items.map((item) => ({
        url: inquiryUrl(params.origin, body.slug, item.publicRef),
        publicRef: item.publicRef,
        reference: item.reference,
        type: item.typeName,
        title: item.title,
        originators: item.originators,
        status: item.status,
        statusLabel: statusLabel(item),
        submittedOn: item.submittedOn,
        receivedOn: item.receivedOn,
        dueOn: item.dueOn,
        answer: item.answer,
      })),
    }),
  };
}

/** Snippet markers (\u0001…\u0002) are for <mark> on the page; files get plain text. */
const plainSnippet = (snippet: string) => snippet.replace(/[\u0001\u0002]/g, "");

/** All hits of a search (at most CANDIDATE_LIMIT, like the page) as CSV or JSON. */
export async function searchExport(
  params: { query: string; filters: SearchFilters; sort: SearchSort; format: ExportFormat; origin: string },
  db?: Db,
): Promise<ExportFile> {
  const result = await searchPublic(
    { query: params.query, filters: params.filters, sort: params.sort, page: 1, pageSize: CANDIDATE_LIMIT },
    db,
  );
  const baseName = exportFileName("suche", params.query.slice(0, 40) || "leer");
  const statusLabel = (status: string) => inquiryStatusLabels[status as InquiryStatus] ?? status;
  if (params.format === "csv") {
    const c = t.search;
    return {
      format: "csv",
      baseName,
      body: toCsv(
        [c.body, c.type, c.reference, c.title, c.status, c.date, c.snippet, c.url],
        result.hits.map((hit) => [
          hit.bodyName,
          hit.typeName,
          hit.reference,
          hit.title,
          statusLabel(hit.status),
          hit.date,
          plainSnippet(hit.snippet),
          inquiryUrl(params.origin, hit.bodySlug, hit.publicRef),
        ]),
      ),
    };
  }
  return {
    format: "json",
    baseName,
    body: toJson({
      query: params.query,
      filters: params.filters,
      sort: params.sort,
      total: result.total,
      capped: result.capped,
      facets: result.facets,
      hits: result.hits.map((hit) => ({
        url: inquiryUrl(params.origin, hit.bodySlug, hit.publicRef),
        body: { slug: hit.bodySlug, name: hit.bodyName },
        publicRef: hit.publicRef,
        reference: hit.reference,
        type: hit.typeName,
        title: hit.title,
        status: hit.status,
        statusLabel: statusLabel(hit.status),
        date: hit.date,
        snippet: plainSnippet(hit.snippet),
      })),
    }),
  };
}
