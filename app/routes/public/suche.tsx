import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { DateText } from "~/components/inquiry/DateText";
import { PageHeader } from "~/components/page-header";
import { INQUIRY_STATUSES, inquiryStatusLabels, type InquiryStatus } from "~/domain/labels";
import { searchTexts as t } from "~/domain/texts/search";
import {
  MAX_QUERY_LENGTH,
  searchPublic,
  takeSearchToken,
  type SearchFilters,
  type SearchResult,
} from "~/server/public/search/search.server";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";

export const headers = mergeLoaderAndActionHeaders;

// Input is never an error page: whatever arrives, the page answers 200 with a German hint.
export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const hints: string[] = [];
  const rawQuery = (params.get("q") ?? "").replace(/[\u0000-\u001f]/g, " ").trim();
  if (rawQuery.length > MAX_QUERY_LENGTH) hints.push(t.hints.tooLong(MAX_QUERY_LENGTH));
  const query = rawQuery.slice(0, MAX_QUERY_LENGTH);

  const seite = params.get("seite");
  let page = 1;
  if (seite !== null) {
    if (/^[1-9][0-9]{0,5}$/.test(seite)) page = Number(seite);
    else hints.push(t.hints.badPage);
  }
  const pick = (name: string, valid: (value: string) => boolean) => {
    const value = params.get(name);
    if (value === null || value === "") return null;
    if (valid(value)) return value;
    if (!hints.includes(t.hints.badFilter)) hints.push(t.hints.badFilter);
    return null;
  };
  const filters: SearchFilters = {
    body: pick("koerperschaft", (v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 100),
    type: pick("typ", (v) => v.length <= 100),
    status: pick("status", (v) => (INQUIRY_STATUSES as readonly string[]).includes(v)),
    year: pick("jahr", (v) => /^\d{4}$/.test(v)),
  };

  if (query === "") {
    if (params.has("q")) hints.push(t.hints.empty);
    return data({ query, filters, hints, result: null as SearchResult | null });
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const token = await takeSearchToken(clientIp);
  if (!token.allowed) {
    return data(
      { query, filters, hints: [t.hints.rateLimited(token.retryAfterSeconds)], result: null as SearchResult | null },
      { status: 429, headers: { "Retry-After": String(token.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  const result: SearchResult | null = await searchPublic({ query, filters, page });
  if (result.noSearchableWords) hints.push(t.hints.noWords);
  if (page > result.pageCount) hints.push(t.hints.pageClamped);
  return data({ query, filters, hints, result });
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
  const { query, filters, hints, result } = useLoaderData<typeof loader>();
  const href = (changes: Record<string, string | null>) => {
    const params = new URLSearchParams();
    params.set("q", query);
    const current: Record<string, string | null> = {
      koerperschaft: filters.body,
      typ: filters.type,
      status: filters.status,
      jahr: filters.year,
      seite: null,
    };
    for (const [key, value] of Object.entries({ ...current, ...changes })) if (value) params.set(key, value);
    return `/suche?${params.toString()}`;
  };
  const facetGroups = result
    ? ([
        ["koerperschaft", t.facetBody, result.facets.body, filters.body],
        ["typ", t.facetType, result.facets.type, filters.type],
        [
          "status",
          t.facetStatus,
          result.facets.status.map((f) => ({ ...f, label: inquiryStatusLabels[f.value as InquiryStatus] ?? f.value })),
          filters.status,
        ],
        ["jahr", t.facetYear, result.facets.year, filters.year],
      ] as const)
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
            {facetGroups.map(([param, label, values, selected]) =>
              values.length ? (
                <div key={param} className="search-facet">
                  <h3>{label}</h3>
                  <ul>
                    {selected ? (
                      <li>
                        <Link to={href({ [param]: null })}>
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
                          <Link to={href({ [param]: value.value })}>
                            {value.label} ({value.count})
                          </Link>
                        )}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null,
            )}
          </nav>
          <section aria-labelledby="treffer" className="search-results">
            <h2 id="treffer">
              {t.resultsHeading(result.total, result.capped)}
              {result.pageCount > 1 ? ` – ${t.pageOf(result.page, result.pageCount)}` : ""}
            </h2>
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
                      {hit.bodyName} · {hit.typeName}
                      {hit.reference ? ` ${hit.reference}` : ""} ·{" "}
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
