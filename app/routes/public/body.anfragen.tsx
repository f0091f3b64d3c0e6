import { TableRegion } from "~/components/table-region";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DownloadLinks } from "~/components/download-links";
import { PageHeader } from "~/components/page-header";
import { DateText } from "~/components/inquiry/DateText";
import { Pagination } from "~/components/inquiry/Pagination";
import { formatNumber, formatReference } from "~/domain/format";
import { inquiryStatusLabel } from "~/domain/labels";
import { bodySlugSchema, pageSchema } from "~/domain/public-params";
import { exportTexts } from "~/domain/texts/exports";
import { statisticsTexts } from "~/domain/texts/statistics";
import { LIST_CSV_MAX_ROWS } from "~/domain/csv";
import { z } from "zod";
import { FollowSection } from "~/components/subscriptions/FollowSection";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { subscriptionText } from "~/domain/texts/subscriptions";
import { listPublicInquiries } from "~/server/public/inquiries.server";
import { publicListText } from "~/domain/texts/public-list";

// `?seite` is optional; anything else than a positive whole number (or a page past the end) is a 404.
const paramsSchema = z.object({ body: bodySlugSchema });

export async function loader({ params, request }: LoaderFunctionArgs) {
  const parsedParams = paramsSchema.safeParse(params);
  const seite = new URL(request.url).searchParams.get("seite");
  const parsedPage = seite === null ? { success: true as const, data: 1 } : pageSchema.safeParse(seite);
  if (!parsedParams.success || !parsedPage.success) throw new Response(null, { status: 404 });
  const list = await listPublicInquiries({ bodySlug: parsedParams.data.body, page: parsedPage.data });
  if (!list) throw new Response(null, { status: 404 });
  return list;
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Seite nicht gefunden – Quaestio" }];
  const page = data.page > 1 ? ` – Seite ${data.page}` : "";
  const t = publicListText(data.kinds);
  return [
    { title: `${t.heading}${page} – ${data.body.name} – Quaestio` },
    { name: "description", content: t.description(data.body.name, formatNumber(data.total)) },
    feedAlternate(feedPaths.body(data.body.slug), feedText.linkTitle(data.body.name)),
  ];
};

export default function BodyInquiries() {
  const { body, items, page, pageCount, total, kinds } = useLoaderData<typeof loader>();
  const t = publicListText(kinds);
  const hrefFor = (n: number) => `/${body.slug}/anfragen?seite=${n}`;
  return (
    <>
      <PageHeader kicker={body.name} title={t.heading} lead={t.lead(formatNumber(total), total)} />
      <p className="no-print">
        <Link to={`/${body.slug}/statistik`}>
          {statisticsTexts.linkLabel}: {body.name}
        </Link>
      </p>
      {items.length === 0 ? (
        <p>{t.empty(body.name)}</p>
      ) : (
        <TableRegion
          className="inquiry-list"
          caption={
            <>
              {t.heading} – {body.name}
              {pageCount > 1 ? ` (Seite ${page} von ${pageCount})` : ""}
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">{t.itemColumn}</th>
              <th scope="col">Von</th>
              <th scope="col">Status</th>
              <th scope="col">Eingang</th>
              <th scope="col">Frist</th>
              <th scope="col">Antwort</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.publicRef}>
                <th scope="row" className="inquiry-list__title">
                  <span className="inquiry-list__reference">{formatReference(item.typeName, item.reference)}</span>
                  <Link to={`/${body.slug}/anfragen/${encodeURIComponent(item.publicRef)}`}>{item.title}</Link>
                </th>
                <td>{item.originators.join("; ")}</td>
                <td>
                  {inquiryStatusLabel(item.status, {
                    lifecycle: item.lifecycle,
                    decision: item.motionDecision,
                    bodyKind: body.kind,
                  })}
                </td>
                <td>
                  {item.receivedOn ? (
                    <DateText iso={item.receivedOn} />
                  ) : item.submittedOn ? (
                    <DateText iso={item.submittedOn} />
                  ) : null}
                </td>
                <td>{item.dueOn ? <DateText iso={item.dueOn} /> : null}</td>
                <td>
                  {item.answer ? (
                    <>
                      {item.answer.documentReference
                        ? formatReference(item.answer.documentKind, item.answer.documentReference)
                        : (item.answer.documentKind ?? "Antwort")}
                      <br />
                      <DateText iso={item.answer.documentDate ?? item.answer.publishedOn} />
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
      {items.length ? (
        <DownloadLinks
          csv={`/${body.slug}/anfragen.csv`}
          json={`/${body.slug}/anfragen.json${page > 1 ? `?seite=${page}` : ""}`}
          note={exportTexts.listCsvNote(formatNumber(LIST_CSV_MAX_ROWS))}
        />
      ) : null}
      <FollowSection
        feedHref={feedPaths.body(body.slug)}
        target={{ thema: "koerperschaft", koerperschaft: body.slug }}
        what={subscriptionText.topicLabel.body(body.name)}
      />
    </>
  );
}
