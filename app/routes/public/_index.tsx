import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { DateText } from "~/components/inquiry/DateText";
import { formatNumber, formatReference } from "~/domain/format";
import { bodyKindLabels } from "~/domain/labels";
import { statisticsTexts } from "~/domain/texts/statistics";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { loadPublicOverview } from "~/server/public/inquiries.server";

export const meta: MetaFunction = () => [
  { title: "Quaestio – Anfragen und Antworten aus Räten und Parlamenten" },
  {
    name: "description",
    content:
      "Quaestio zeigt Anfragen aus Räten und Parlamenten mit den Antworten der Verwaltung: öffentlich, durchsuchbar und zitierbar.",
  },
  feedAlternate(feedPaths.all(), feedText.all.title),
];

export async function loader() {
  return loadPublicOverview();
}

function inquiryHref(bodySlug: string, publicRef: string) {
  return `/${bodySlug}/anfragen/${encodeURIComponent(publicRef)}`;
}

export default function Overview() {
  const { bodies, latestAnswers, overdue } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Anfragen und Antworten"
        lead="Quaestio verfolgt Anfragen aus Räten und Parlamenten – von der Einreichung über die Beantwortung durch die Verwaltung bis zur veröffentlichten Antwort. Alle veröffentlichten Antworten sind hier ohne Anmeldung lesbar und zitierbar."
      />

      <section aria-labelledby="koerperschaften">
        <h2 id="koerperschaften">Körperschaften</h2>
        {bodies.length === 0 ? (
          <p>Derzeit sind keine Körperschaften eingerichtet.</p>
        ) : (
          <ul className="body-list">
            {bodies.map((body) => (
              <li key={body.slug}>
                <Link to={`/${body.slug}/anfragen`}>{body.name}</Link>{" "}
                <span className="muted">
                  ({bodyKindLabels[body.kind]}; {formatNumber(body.publicInquiryCount)}{" "}
                  {body.publicInquiryCount === 1 ? "öffentliche Anfrage" : "öffentliche Anfragen"})
                </span>{" "}
                · <Link to={`/${body.slug}/statistik`}>{statisticsTexts.linkLabel}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="neueste-antworten">
        <h2 id="neueste-antworten">Neueste Antworten</h2>
        {latestAnswers.length === 0 ? (
          <p>Derzeit keine.</p>
        ) : (
          <ul className="teaser-list">
            {latestAnswers.map((answer) => (
              <li key={`${answer.bodySlug}/${answer.publicRef}`}>
                <Link to={inquiryHref(answer.bodySlug, answer.publicRef)} className="teaser-list__title">
                  {answer.title}
                </Link>
                <p className="teaser-list__meta">
                  {answer.bodyName} · {formatReference(answer.typeName, answer.reference)}
                  {answer.documentReference ? (
                    <> · {formatReference(answer.documentKind, answer.documentReference)}</>
                  ) : null}{" "}
                  · Antwort vom <DateText iso={answer.documentDate ?? answer.publishedOn} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={feedPaths.all()} type="application/atom+xml" className="feed-link">
            {feedText.subscribeLink}
          </a>{" "}
          <span className="muted">(Atom, alle veröffentlichten Antworten)</span>
        </p>
      </section>

      <section aria-labelledby="ueberfaellig">
        <h2 id="ueberfaellig">Überfällige Anfragen</h2>
        {overdue.length === 0 ? (
          <p>Derzeit keine.</p>
        ) : (
          <ul className="teaser-list">
            {overdue.map((inquiry) => (
              <li key={`${inquiry.bodySlug}/${inquiry.publicRef}`}>
                <Link to={inquiryHref(inquiry.bodySlug, inquiry.publicRef)} className="teaser-list__title">
                  {inquiry.title}
                </Link>
                <p className="teaser-list__meta">
                  {inquiry.bodyName} · {formatReference(inquiry.typeName, inquiry.reference)} · Frist:{" "}
                  <DateText iso={inquiry.dueOn} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
