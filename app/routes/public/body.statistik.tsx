import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { StatisticsSection, StatisticsSummary } from "~/components/statistics/StatisticsSection";
import { bodySlugSchema } from "~/domain/public-params";
import { exportTexts } from "~/domain/texts/exports";
import { STATISTICS_DIMENSIONS, statisticsTexts as t } from "~/domain/texts/statistics";
import { loadBodyStatistics } from "~/server/public/statistics.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = bodySlugSchema.safeParse(params.body);
  if (!slug.success) throw new Response(null, { status: 404 });
  const statistics = await loadBodyStatistics(slug.data);
  if (!statistics) throw new Response(null, { status: 404 });
  return statistics;
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${t.title} – ${data.body.name} – Quaestio` },
        { name: "description", content: t.metaDescription(data.body.name) },
      ]
    : [{ title: "Seite nicht gefunden – Quaestio" }];

export default function BodyStatistics() {
  const { body, total, groups } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader kicker={body.name} title={t.title} lead={t.lead} />
      <p className="no-print">
        <Link to={`/${body.slug}/anfragen`}>Alle Anfragen – {body.name}</Link>
      </p>
      {total.inquiries === 0 ? (
        <p>{t.empty(body.name)}</p>
      ) : (
        <>
          <section aria-labelledby="statistik-insgesamt">
            <h2 id="statistik-insgesamt">{t.overallHeading}</h2>
            <StatisticsSummary total={total} />
            <p className="download-links no-print">
              {exportTexts.download}{" "}
              <a href={`/${body.slug}/statistik.csv`} download title={exportTexts.csvTitle}>
                {exportTexts.csv}
              </a>
            </p>
          </section>
          {STATISTICS_DIMENSIONS.map((dimension) => (
            <StatisticsSection key={dimension} dimension={dimension} rows={groups[dimension]} />
          ))}
        </>
      )}
      <section aria-labelledby="statistik-zaehlweise">
        <h2 id="statistik-zaehlweise">{t.definitionsHeading}</h2>
        <ul>
          {t.definitions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
