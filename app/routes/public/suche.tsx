import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { DownloadLinks } from "~/components/download-links";
import { DateText } from "~/components/inquiry/DateText";
import { PageHeader } from "~/components/page-header";
import { formatNumber, formatReference } from "~/domain/format";
import { inquiryStatusLabels, type InquiryStatus } from "~/domain/labels";
import {
  CANDIDATE_LIMIT,
  FILTER_PARAMS,
  onlySearchParams,
  parseSearchParams,
  searchHref,
  type SearchFilterValues,
} from "~/domain/search-params";
import { exportTexts } from "~/domain/texts/exports";
import { searchTexts as t } from "~/domain/texts/search";
import { cachedSearchPublic } from "~/server/public/search/result-cache.server";
import { searchPublic, takeSearchToken, type SearchResult } from "~/server/public/search/search.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

export const headers = mergeLoaderAndActionHeaders;

// Input is never an error page: whatever arrives, the page answers 200 with a German hint.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { searchParams } = new URL(request.url);
  const { query, filters, sort, page, hints } = parseSearchParams(searchParams);
  if (query === "") return data({ query, filters, sort, hints, result: null as SearchResult | null });
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const token = await takeSearchToken(clientIp);
  if (!token.allowed) {
    return data(
      {
        query,
        filters,
        sort,
        hints: [t.hints.rateLimited(token.retryAfterSeconds)],
        result: null as SearchResult | null,
      },
      { status: 429, headers: { "Retry-After": String(token.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  // Repeated identical searches come from the result cache; an address with other parameters always searches.
  const search = onlySearchParams(searchParams) ? cachedSearchPublic : searchPublic;
  const result: SearchResult | null = await search({ query, filters, page, sort });
  if (result.noSearchableWords) hints.push(t.hints.noWords);
  if (page > result.pageCount) hints.push(t.hints.pageClamped);
  return data({ query, filters, sort, hints, result });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `${data.query} – ${t.title} – Quaestio` : `${t.title} – Quaestio` },
  { name: "description", content: t.metaDescription },
];

/** Turns the \u0001…\u0002 markers of the snippet into <mark>; everything else stays text. */
function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\u0001[^\u0002]*\u0002)/);
  return (
    <p className="search-hit__snippet">
      {parts.map((part, index) =>
        part.startsWith("\u0001") ? (
          <mark key={index}>{part.slice(1, -1)}</mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </p>
  );
}

export default function Search() {
  const { query, filters, sort, hints, result } = useLoaderData<typeof loader>();
  const search = { query, filters, sort };
  const href = (changes: Parameters<typeof searchHref>[2]) => searchHref("/suche", search, changes);
  const statusLabel = (value: string) => inquiryStatusLabels[value as InquiryStatus] ?? value;
  const facetGroups: [keyof SearchFilterValues, string, SearchResult["facets"]["body"]][] = result
    ? [
        ["body", t.facetBody, result.facets.body],
        ["type", t.facetType, result.facets.type],
        ["status", t.facetStatus, result.facets.status.map((f) => ({ ...f, label: statusLabel(f.value) }))],
        ["faction", t.facetFaction, result.facets.faction],
        ["department", t.facetDepartment, result.facets.department],
        ["tool", t.facetTool, result.facets.tool],
        ["year", t.facetYear, result.facets.year],
      ]
    : [];

  return (
    <>
      <PageHeader title={t.title} lead={t.lead} />
      <Form method="get" action="/suche" role="search" className="search-form">
        <label htmlFor="suche-q">{t.label}</label>
        <p id="suche-hinweis" className="field-hint">
          {t.hint}
        </p>
        <div className="search-form__row">
          <input
            id="suche-q"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={1000}
            aria-describedby="suche-hinweis"
          />
          <button type="submit">{t.submit}</button>
        </div>
      </Form>
      {hints.length ? (
        <div className="notice" role="status">
          {hints.map((hint) => (
            <p key={hint}>{hint}</p>
          ))}
        </div>
      ) : null}
      {result ? (
        <div className="search-layout">
          <nav aria-labelledby="facetten" className="search-facets">
            <h2 id="facetten">{t.facetsHeading}</h2>
            {result.facetsCapped ? <p className="field-hint">{t.facetsCapped(formatNumber(CANDIDATE_LIMIT))}</p> : null}
            {facetGroups.map(([key, label, values]) => {
              const selected = filters[key];
              const param = FILTER_PARAMS[key];
              return values.length ? (
                <div key={param} className="search-facet">
                  <h3>{label}</h3>
                  <ul>
                    {selected ? (
                      <li>
                        <Link to={href({ [key]: null })}>
                          {t.removeFilter(values.find((v) => v.value === selected)?.label ?? selected)}
                        </Link>
                      </li>
                    ) : null}
                    {values.map((value) => (
                      <li key={value.value}>
                        {value.value === selected ? (
                          <strong aria-current="true">
                            {value.label} ({value.count})
                          </strong>
                        ) : (
                          <Link to={href({ [key]: value.value })}>
                            {value.label} ({value.count})
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null;
            })}
          </nav>
          <section aria-labelledby="treffer" className="search-results">
            <h2 id="treffer">
              {t.resultsHeading(result.total, result.capped)}
              {result.pageCount > 1 ? ` – ${t.pageOf(result.page, result.pageCount)}` : ""}
            </h2>
            {result.total > 1 ? (
              <p className="search-sort">
                {t.sortLabel}{" "}
                {sort === "relevanz" ? (
                  <strong aria-current="true">{t.sortRelevance}</strong>
                ) : (
                  <Link to={href({ sortierung: "relevanz" })}>{t.sortRelevance}</Link>
                )}
                {" · "}
                {sort === "datum" ? (
                  <strong aria-current="true">{t.sortDate}</strong>
                ) : (
                  <Link to={href({ sortierung: "datum" })}>{t.sortDate}</Link>
                )}
              </p>
            ) : null}
            {result.total > 0 ? (
              <DownloadLinks
                csv={searchHref("/suche.csv", search)}
                json={searchHref("/suche.json", search)}
                note={exportTexts.searchNote(formatNumber(CANDIDATE_LIMIT))}
              />
            ) : null}
            {result.total === 0 ? (
              <ul>
                {t.noResultsHelp.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : (
              <ol className="search-hits" start={(result.page - 1) * 10 + 1}>
                {result.hits.map((hit) => (
                  <li key={`${hit.bodySlug}/${hit.publicRef}`} className="search-hit">
                    <h3>
                      <Link to={`/${hit.bodySlug}/anfragen/${hit.publicRef}`}>{hit.title}</Link>
                    </h3>
                    <p className="search-hit__meta">
                      {hit.bodyName} · {formatReference(hit.typeName, hit.reference)} ·{" "}
                      {inquiryStatusLabels[hit.status as InquiryStatus] ?? hit.status}
                      {hit.date ? (
                        <>
                          {" · "}
                          <DateText iso={hit.date} />
                        </>
                      ) : null}
                    </p>
                    {hit.snippet ? <Snippet text={hit.snippet} /> : null}
                  </li>
                ))}
              </ol>
            )}
            {result.pageCount > 1 ? (
              <nav aria-label="Seiten der Treffer" className="pagination">
                {result.page > 1 ? <Link to={href({ seite: String(result.page - 1) })}>{t.previous}</Link> : null}{" "}
                {result.page < result.pageCount ? (
                  <Link to={href({ seite: String(result.page + 1) })}>{t.next}</Link>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
