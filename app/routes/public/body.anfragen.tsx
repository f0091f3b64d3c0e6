import { TableRegion } from "~/components/table-region";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { DateText } from "~/components/inquiry/DateText";
import { Pagination } from "~/components/inquiry/Pagination";
import { formatNumber, formatReference } from "~/domain/format";
import { inquiryStatusLabel } from "~/domain/labels";
import { FollowSection } from "~/components/subscriptions/FollowSection";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { subscriptionText } from "~/domain/texts/subscriptions";
import { listPublicInquiries } from "~/server/public/inquiries.server";

const paramsSchema = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
});
// `?seite` is optional; anything else than a positive whole number (or a page past the end) is a 404.
const pageSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number);

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
  return [
    { title: `Anfragen${page} – ${data.body.name} – Quaestio` },
    {
      name: "description",
      content: `Öffentliche Anfragen und Antworten: ${data.body.name} (${formatNumber(data.total)} Einträge).`,
    },
    feedAlternate(feedPaths.body(data.body.slug), feedText.linkTitle(data.body.name)),
  ];
};

export default function BodyInquiries() {
  const { body, items, page, pageCount, total } = useLoaderData<typeof loader>();
  const hrefFor = (n: number) => `/${body.slug}/anfragen?seite=${n}`;
  return (
    <>
      <PageHeader
        kicker={body.name}
        title="Anfragen"
        lead={`${formatNumber(total)} ${total === 1 ? "öffentliche Anfrage" : "öffentliche Anfragen"}, die neuesten zuerst.`}
      />
      {items.length === 0 ? (
        <p>Für {body.name} sind noch keine Anfragen veröffentlicht.</p>
      ) : (
        <TableRegion
          className="inquiry-list"
          caption={
            <>
              Anfragen – {body.name}
              {pageCount > 1 ? ` (Seite ${page} von ${pageCount})` : ""}
            </>
          }
        >
          <thead>
            <tr>
              <th scope="col">Anfrage</th>
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
      <FollowSection
        feedHref={feedPaths.body(body.slug)}
        target={{ thema: "koerperschaft", koerperschaft: body.slug }}
        what={subscriptionText.topicLabel.body(body.name)}
      />
    </>
  );
}
