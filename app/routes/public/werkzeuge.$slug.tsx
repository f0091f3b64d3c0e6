import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BarChart } from "~/components/charts/BarChart";
import { DateText } from "~/components/inquiry/DateText";
import { Pagination } from "~/components/inquiry/Pagination";
import { PageHeader } from "~/components/page-header";
import { TableRegion } from "~/components/table-region";
import { formatDate, formatNumber, formatReference } from "~/domain/format";
import { assessmentResultLabels, deploymentVariantLabels, toolFactKeyLabels } from "~/domain/labels";
import { pageSchema } from "~/domain/public-params";
import { toolTexts as t } from "~/domain/texts/tools";
import { FollowSection } from "~/components/subscriptions/FollowSection";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { subscriptionText } from "~/domain/texts/subscriptions";
import { loadToolPage } from "~/server/public/tools.server";

const paramsSchema = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
});

// `?seite` is optional; anything else than a positive whole number (or a page past the end) is a 404.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const parsed = paramsSchema.safeParse(params);
  const seite = new URL(request.url).searchParams.get("seite");
  const parsedPage = seite === null ? { success: true as const, data: 1 } : pageSchema.safeParse(seite);
  if (!parsed.success || !parsedPage.success) throw new Response(null, { status: 404 });
  const page = await loadToolPage(parsed.data.slug, undefined, parsedPage.data);
  if (!page) throw new Response(null, { status: 404 });
  // Only what the page shows travels to the browser (the rows are also the hydration data).
  return {
    ...page,
    facts: page.facts.map((f) => ({
      key: f.key,
      value: f.value,
      quote: f.quote,
      bodyName: f.bodyName,
      sourceCitation: f.sourceCitation,
      sourceUrl: f.sourceUrl,
      sourceInquiry: f.sourceInquiry,
      asOf: f.asOf,
    })),
    mentions: page.mentions.map((m) => ({
      bodySlug: m.bodySlug,
      bodyName: m.bodyName,
      publicRef: m.publicRef,
      linkText: formatReference(m.documentKind, m.documentReference) || m.inquiryTitle,
      answeredOn: m.answeredOn,
      label: m.label,
      variant: m.variant,
      workplaceCount: m.workplaceCount,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Seite nicht gefunden – Quaestio" }];
  return [
    { title: `${data.tool.name}${data.page > 1 ? ` – Seite ${data.page}` : ""} – ${t.catalogueTitle} – Quaestio` },
    { name: "description", content: t.pageMetaDescription(data.tool.name) },
    feedAlternate(feedPaths.tool(data.tool.slug), feedText.linkTitle(data.tool.name)),
  ];
};

const answerPath = (bodySlug: string, publicRef: string) => `/${bodySlug}/anfragen/${publicRef}`;

export default function ToolPage() {
  const { tool, facts, mentions, answerCount, page, pageCount, assessments } = useLoaderData<typeof loader>();
  const counted = mentions.filter((m) => m.workplaceCount !== null);
  const hrefFor = (n: number) => `/werkzeuge/${tool.slug}${n > 1 ? `?seite=${n}` : ""}`;
  return (
    <>
      <PageHeader kicker={<Link to="/werkzeuge">{t.kicker}</Link>} title={tool.name} lead={t.pageLead(tool.category)} />

      <section aria-labelledby="fakten">
        <h2 id="fakten">{t.factsHeading}</h2>
        {facts.length === 0 ? (
          <p>{t.factsNone}</p>
        ) : (
          <TableRegion caption={t.factsCaption(tool.name)} className="tool-facts">
            <thead>
              <tr>
                <th scope="col">{t.columnFact}</th>
                <th scope="col">{t.columnValue}</th>
                <th scope="col">{t.columnConcerns}</th>
                <th scope="col">{t.columnSource}</th>
              </tr>
            </thead>
            <tbody>
              {facts.map((fact, index) => (
                <tr key={index}>
                  <th scope="row">{toolFactKeyLabels[fact.key]}</th>
                  <td>
                    {fact.value}
                    {fact.quote ? (
                      <p className="tool-facts__quote">
                        {t.quoteLabel} „{fact.quote}“
                      </p>
                    ) : null}
                  </td>
                  <td>{fact.bodyName ?? t.concernsAll}</td>
                  <td>
                    {fact.sourceInquiry ? (
                      <Link to={answerPath(fact.sourceInquiry.bodySlug, fact.sourceInquiry.publicRef)}>
                        {fact.sourceCitation}
                      </Link>
                    ) : fact.sourceUrl ? (
                      <a href={fact.sourceUrl} rel="noopener noreferrer">
                        {fact.sourceCitation}
                      </a>
                    ) : (
                      fact.sourceCitation
                    )}
                    {fact.asOf ? (
                      <>
                        {" "}
                        ({t.asOf} <DateText iso={fact.asOf} />)
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </section>

      <section aria-labelledby="antworten">
        <h2 id="antworten">{t.mentionsHeading}</h2>
        {pageCount > 1 ? (
          <p>
            {t.mentionsPaged(formatNumber(answerCount), page, pageCount)}{" "}
            <Link to={`/suche?werkzeug=${encodeURIComponent(tool.slug)}`}>{t.mentionsSearch(tool.name)}</Link>
          </p>
        ) : null}
        {mentions.length === 0 ? (
          <p>{t.mentionsNone}</p>
        ) : (
          <TableRegion caption={t.mentionsCaption(tool.name)} className="tool-mentions">
            <thead>
              <tr>
                <th scope="col">{t.columnAnswer}</th>
                <th scope="col">{t.columnDate}</th>
                <th scope="col">{t.columnLabel}</th>
                <th scope="col">{t.columnVariant}</th>
                <th scope="col">{t.columnCount}</th>
              </tr>
            </thead>
            <tbody>
              {mentions.map((mention, index) => (
                <tr key={index}>
                  <th scope="row">
                    <Link to={answerPath(mention.bodySlug, mention.publicRef)}>{mention.linkText}</Link>
                    <br />
                    {mention.bodyName}
                  </th>
                  <td>
                    <DateText iso={mention.answeredOn} />
                  </td>
                  <td>{mention.label}</td>
                  <td>{deploymentVariantLabels[mention.variant]}</td>
                  <td className="num">
                    {mention.workplaceCount === null ? t.countUnknown : formatNumber(mention.workplaceCount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
        <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
      </section>

      <section aria-labelledby="arbeitsplaetze">
        <h2 id="arbeitsplaetze">{t.countsHeading}</h2>
        {pageCount > 1 ? <p>{t.countsOfPage(page)}</p> : null}
        {counted.length === 0 ? (
          <p>{t.countsNone}</p>
        ) : (
          <>
            <BarChart
              title={t.chartTitle(tool.name)}
              description={t.chartDescription(tool.name, counted.length)}
              bars={counted.map((m) => ({
                label: `${formatDate(m.answeredOn)}, ${m.bodyName}: ${m.label}`,
                value: m.workplaceCount!,
              }))}
            />
            <TableRegion caption={t.countsCaption(tool.name)} className="tool-counts">
              <thead>
                <tr>
                  <th scope="col">{t.columnDate}</th>
                  <th scope="col">{t.columnBody}</th>
                  <th scope="col">{t.columnLabel}</th>
                  <th scope="col">{t.columnCount}</th>
                </tr>
              </thead>
              <tbody>
                {counted.map((m, index) => (
                  <tr key={index}>
                    <td>
                      <DateText iso={m.answeredOn} />
                    </td>
                    <td>{m.bodyName}</td>
                    <td>{m.label}</td>
                    <td className="num">{formatNumber(m.workplaceCount)}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          </>
        )}
      </section>

      <section aria-labelledby="bewertungen">
        <h2 id="bewertungen">{t.assessmentsHeading}</h2>
        {assessments.length === 0 ? (
          <p>{t.assessmentsNone}</p>
        ) : (
          <TableRegion caption={t.assessmentsCaption(tool.name)} className="tool-assessments">
            <thead>
              <tr>
                <th scope="col">{t.columnCriteria}</th>
                <th scope="col">{t.columnAnswer}</th>
                <th scope="col">{t.columnResult}</th>
                <th scope="col">{t.columnComment}</th>
              </tr>
            </thead>
            <tbody>
              {assessments.map((a, index) => (
                <tr key={index}>
                  <th scope="row">
                    {a.criteriaSetTitle} ({a.issuer})
                  </th>
                  <td>
                    <Link to={answerPath(a.bodySlug, a.publicRef)}>{a.bodyName}</Link>: {a.label}
                  </td>
                  <td>{assessmentResultLabels[a.result]}</td>
                  <td>{a.comment ?? t.none}</td>
                </tr>
              ))}
            </tbody>
          </TableRegion>
        )}
      </section>
      <FollowSection
        feedHref={feedPaths.tool(tool.slug)}
        target={{ thema: "werkzeug", werkzeug: tool.slug }}
        what={subscriptionText.topicLabel.tool(tool.name)}
      />
      <p>
        <Link to="/werkzeuge">{t.backToCatalogue}</Link>
      </p>
    </>
  );
}
