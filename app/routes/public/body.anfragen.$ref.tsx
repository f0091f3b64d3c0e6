import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { publicInquiryText as pt } from "~/domain/texts/public-inquiry";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { FollowUpLinks } from "~/components/answer/FollowUpLinks";
import { loadFollowUpLinks } from "~/server/answers/answer-follow-up.server";
import { CitedToolFacts } from "~/components/inquiry/CitedToolFacts";
import { RichText } from "~/components/inquiry/RichText";
import { Timeline } from "~/components/inquiry/Timeline";
import { formatDate, formatReference } from "~/domain/format";
import { inquiryStatusLabel } from "~/domain/labels";
import { typeKind, typeWords } from "~/domain/texts/type-words";
import { FollowSection } from "~/components/subscriptions/FollowSection";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { subscriptionText } from "~/domain/texts/subscriptions";
import { comparePublishedVersions, type VersionComparison } from "~/server/public/answers.server";
import { loadPublicInquiryWithKeys, type PublicInquiryDetail } from "~/server/public/inquiries.server";
import { InquiryFacts, MotionDecision } from "~/components/inquiry/PublicInquiryFacts";
import { AnswerSection, VersionDiff } from "~/components/inquiry/PublicAnswerSection";

const paramsSchema = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
  ref: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
    .max(100),
});
// `?fassung=N` shows an earlier published version of the answer; an unknown one is a 404.
const versionSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,3}$/)
  .transform(Number);

export async function loader({ params, request }: LoaderFunctionArgs) {
  const parsedParams = paramsSchema.safeParse(params);
  const fassung = new URL(request.url).searchParams.get("fassung");
  const parsedVersion =
    fassung === null ? { success: true as const, data: undefined } : versionSchema.safeParse(fassung);
  if (!parsedParams.success || !parsedVersion.success) throw new Response(null, { status: 404 });
  const loaded = await loadPublicInquiryWithKeys({
    bodySlug: parsedParams.data.body,
    publicRef: parsedParams.data.ref,
    versionNumber: parsedVersion.data,
  });
  if (!loaded) throw new Response(null, { status: 404 });
  const { detail, inquiryId, faction } = loaded;
  // `?vergleich=N` compares published version N with the version shown (word by word).
  const vergleich = new URL(request.url).searchParams.get("vergleich");
  let comparison: VersionComparison | null = null;
  if (vergleich !== null && detail.answer) {
    const from = versionSchema.safeParse(vergleich);
    if (!from.success) throw new Response(null, { status: 404 });
    comparison = await comparePublishedVersions({
      body: detail.body,
      publicRef: detail.inquiry.publicRef,
      from: from.data,
      to: detail.answer.version.versionNumber,
    });
    if (!comparison) throw new Response(null, { status: 404 });
  }
  // The inquiry loaded above, passed on by its key (no second and third lookup by its public reference).
  const followUps = await loadFollowUpLinks(inquiryId, null);
  return { ...detail, comparison, followUps, faction };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: pt.notFoundTitle }];
  const { inquiry, body, answer } = data;
  const reference = formatReference(inquiry.typeName, inquiry.reference);
  const answered = answer
    ? ` Antwort: ${formatReference(answer.version.documentKind, answer.version.documentReference) || "veröffentlicht"}${
        answer.version.documentDate ? ` vom ${formatDate(answer.version.documentDate)}` : ""
      }.`
    : "";
  return [
    { title: `${inquiry.title} – ${body.name} – Quaestio` },
    { name: "description", content: `${reference}, ${body.name}: ${inquiry.title}.${answered}` },
    feedAlternate(feedPaths.inquiry(body.slug, inquiry.publicRef), feedText.linkTitle(reference)),
    ...(data.faction
      ? [feedAlternate(feedPaths.faction(body.slug, data.faction.id), feedText.linkTitle(data.faction.name))]
      : []),
  ];
};

export default function InquiryDetail() {
  const data = useLoaderData<typeof loader>();
  const { body, inquiry, answer } = data;
  const isMotion = inquiry.lifecycle === "motion";
  const statusLabel = inquiryStatusLabel(inquiry.status, {
    lifecycle: inquiry.lifecycle,
    decision: inquiry.motionDecision,
    bodyKind: body.kind,
  });
  const hasParts = Boolean(answer && answer.parts.length > 0);
  // A supervisory letter's text is "Inhalt des Schreibens" with "Punkt 1", not "Fragen" with "Frage 1".
  const letter = typeKind({ lifecycle: inquiry.lifecycle, name: inquiry.typeName }) === "supervisory_letter";
  const words = typeWords({ lifecycle: inquiry.lifecycle, name: inquiry.typeName });
  const basePath = `/${body.slug}/anfragen/${encodeURIComponent(inquiry.publicRef)}`;

  return (
    <article className="inquiry">
      <PageHeader kicker={formatReference(inquiry.typeName, inquiry.reference)} title={inquiry.title}>
        <p className="inquiry__breadcrumb">
          <Link to={`/${body.slug}/anfragen`}>Alle Anfragen – {body.name}</Link>
        </p>
      </PageHeader>

      <InquiryFacts data={data} statusLabel={statusLabel} />

      {/* A motion's cover letter (Anschreiben) precedes the motion, as in the document. */}
      <InquiryPreamble data={data} fallbackLabel={isMotion ? pt.motionPreambleFallback : undefined} />

      {inquiry.questionTextHiddenReason !== null ? (
        <section aria-labelledby="fragen">
          <h2 id="fragen">{isMotion ? pt.motion : letter ? words.textHeading : pt.questions(2)}</h2>
          <p>{pt.questionTextHidden}</p>
          <p>
            {pt.questionTextHiddenReason} {inquiry.questionTextHiddenReason}
          </p>
        </section>
      ) : isMotion ? (
        <>
          <section aria-labelledby="antrag">
            <h2 id="antrag">{pt.motion}</h2>
            {data.questions.map((question) => (
              <div key={question.id} className="motion-text">
                {question.leadIn && question.leadIn !== "Antrag" ? (
                  <p className="qa-question__lead-in">{question.leadIn}</p>
                ) : null}
                <RichText html={question.bodyHtml} />
              </div>
            ))}
          </section>
        </>
      ) : !hasParts && data.questions.length > 0 ? (
        <section aria-labelledby="fragen">
          <h2 id="fragen">{letter ? words.textHeading : pt.questions(data.questions.length)}</h2>
          <ol className="question-list">
            {data.questions.map((question) => (
              <li key={question.id} id={`frage-${question.number}`} value={Number(question.number) || undefined}>
                <span className="visually-hidden">{words.partLabel(question.number)}: </span>
                {question.leadIn ? <p className="qa-question__lead-in">{question.leadIn}</p> : null}
                <RichText html={question.bodyHtml} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {isMotion ? <MotionDecision data={data} /> : null}
      <FollowUpLinks links={data.followUps} staff={false} />

      {answer ? (
        <>
          {data.comparison ? <VersionDiff comparison={data.comparison} /> : null}
          <AnswerSection data={data} basePath={basePath} />
        </>
      ) : !isMotion ? (
        <section aria-labelledby="antwort">
          <h2 id="antwort">{pt.answer}</h2>
          <p>{noAnswerText(data.inquiry.status)}</p>
        </section>
      ) : null}

      <CitedToolFacts facts={data.toolFacts} />

      <section aria-labelledby="verlauf">
        <h2 id="verlauf">{pt.timeline}</h2>
        <Timeline events={data.timeline} />
      </section>

      <InquiryFollow data={data} />
    </article>
  );
}

function InquiryPreamble({
  data,
  fallbackLabel = pt.preamble as string,
}: {
  data: PublicInquiryDetail;
  fallbackLabel?: string;
}) {
  const { inquiry } = data;
  if (!inquiry.preambleHtml) return null;
  return (
    <section aria-labelledby="vorbemerkung">
      <h2 id="vorbemerkung">{inquiry.preambleLabel ?? fallbackLabel}</h2>
      <RichText html={inquiry.preambleHtml} />
    </section>
  );
}

/** Why there is no answer: not yet, or never (an inquiry declared inadmissible or withdrawn is not answered). */
function noAnswerText(status: string): string {
  if (status === "inadmissible") return pt.noAnswerInadmissible;
  if (status === "withdrawn") return pt.noAnswerWithdrawn;
  return pt.noAnswerYet;
}

function InquiryFollow({ data }: { data: PublicInquiryDetail & { faction: { id: string; name: string } | null } }) {
  const { body, inquiry, faction } = data;
  const reference = formatReference(inquiry.typeName, inquiry.reference);
  return (
    <FollowSection
      feedHref={feedPaths.inquiry(body.slug, inquiry.publicRef)}
      target={{ thema: "anfrage", koerperschaft: body.slug, anfrage: inquiry.publicRef }}
      what={subscriptionText.topicLabel.inquiry(reference, inquiry.title)}
      more={
        faction
          ? [
              {
                label: `Alle Antworten auf Anfragen von ${faction.name}`,
                feedHref: feedPaths.faction(body.slug, faction.id),
                target: { thema: "fraktion", koerperschaft: body.slug, fraktion: faction.id },
                subscribeLabel: "per E-Mail folgen",
              },
            ]
          : []
      }
    />
  );
}
