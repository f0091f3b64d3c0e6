import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { publicInquiryText as pt } from "~/domain/texts/public-inquiry";
import { dueNote } from "~/domain/texts/deadlines";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { FollowUpLinks } from "~/components/answer/FollowUpLinks";
import { loadPublicFollowUpLinks } from "~/server/answers/answer-follow-up.server";
import { CitedToolFacts } from "~/components/inquiry/CitedToolFacts";
import { ConsultationStatement } from "~/components/inquiry/ConsultationStatement";
import { DateText } from "~/components/inquiry/DateText";
import { MetaList } from "~/components/inquiry/MetaList";
import { QuestionAnswerGrid, unplacedInventories } from "~/components/inquiry/QuestionAnswerGrid";
import { RichText } from "~/components/inquiry/RichText";
import { Timeline } from "~/components/inquiry/Timeline";
import { ToolInventory } from "~/components/inquiry/ToolInventory";
import { DownloadLinks } from "~/components/download-links";
import { exportTexts } from "~/domain/texts/exports";
import { WithheldNotice } from "~/components/inquiry/WithheldNotice";
import { formatDate, formatDateLong, formatFileSize, formatReference } from "~/domain/format";
import {
  bodyKindCouncilGenitive,
  inquiryStatusExplanations,
  inquiryStatusLabel,
  motionDecisionLabels,
  signOffStepStatusLabels,
} from "~/domain/labels";
import { FollowSection } from "~/components/subscriptions/FollowSection";
import { feedAlternate, feedPaths } from "~/domain/feed-paths";
import { feedText } from "~/domain/texts/feeds";
import { subscriptionText } from "~/domain/texts/subscriptions";
import { findInquiryFaction } from "~/server/public/feeds/feeds.server";
import { comparePublishedVersions, type VersionComparison } from "~/server/public/answers.server";
import { loadPublicInquiry, type PublicInquiryDetail } from "~/server/public/inquiries.server";
import { typeWords } from "~/domain/texts/type-words";

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
  const detail = await loadPublicInquiry({
    bodySlug: parsedParams.data.body,
    publicRef: parsedParams.data.ref,
    versionNumber: parsedVersion.data,
  });
  if (!detail) throw new Response(null, { status: 404 });
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
  const [followUps, faction] = await Promise.all([
    loadPublicFollowUpLinks(detail.body.id, detail.inquiry.publicRef),
    findInquiryFaction(detail.body.id, detail.inquiry.publicRef),
  ]);
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
          <h2 id="fragen">{isMotion ? pt.motion : pt.questions(2)}</h2>
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
          <h2 id="fragen">{pt.questions(data.questions.length)}</h2>
          <ol className="question-list">
            {data.questions.map((question) => (
              <li key={question.id} id={`frage-${question.number}`} value={Number(question.number) || undefined}>
                <span className="visually-hidden">Frage {question.number}: </span>
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

function InquiryFacts({ data, statusLabel }: { data: PublicInquiryDetail; statusLabel: string }) {
  const { inquiry } = data;
  const late = data.deadlineMissed;
  return (
    <MetaList
      className="inquiry__facts"
      items={[
        { term: pt.body, value: data.body.name },
        { term: pt.type, value: inquiry.typeName },
        {
          term: pt.originators,
          value: inquiry.originators.length ? (
            inquiry.originators.length === 1 ? (
              inquiry.originators[0]
            ) : (
              <ul className="plain-list">
                {inquiry.originators.map((originator) => (
                  <li key={originator}>{originator}</li>
                ))}
              </ul>
            )
          ) : null,
        },
        inquiry.addressee ? { term: pt.addressee, value: inquiry.addressee } : null,
        {
          term: pt.status,
          value: <span className={`badge badge--${inquiry.status.replace(/_/g, "-")}`}>{statusLabel}</span>,
        },
        { term: pt.statusMeaning, value: inquiryStatusExplanations[inquiry.status] },
        inquiry.submittedOn && inquiry.submittedOn !== inquiry.receivedOn
          ? { term: pt.submitted, value: <DateText iso={inquiry.submittedOn} /> }
          : null,
        inquiry.receivedOn ? { term: pt.received, value: <DateText iso={inquiry.receivedOn} /> } : null,
        !inquiry.dueOn && inquiry.dueRuleLabel ? { term: pt.due, value: inquiry.dueRuleLabel } : null,
        inquiry.dueOn
          ? {
              term: pt.due,
              value: (
                <>
                  <DateText iso={inquiry.dueOn} />
                  {dueNote(inquiry.dueOn, inquiry.dueRuleLabel, data.extensions) ? (
                    <span className="muted"> ({dueNote(inquiry.dueOn, inquiry.dueRuleLabel, data.extensions)})</span>
                  ) : null}
                  {late ? (
                    <>
                      {" "}
                      <span className="badge badge--overdue">
                        Frist überschritten
                        {late.kind === "answered_late" ? (
                          <>
                            {" "}
                            – beantwortet am <DateText iso={late.answeredOn} />
                          </>
                        ) : null}
                      </span>
                    </>
                  ) : null}
                </>
              ),
            }
          : null,
        data.extensions.length
          ? {
              term: pt.extension,
              value: (
                <ul className="plain-list">
                  {data.extensions.map((extension) => (
                    <li key={`${extension.previousDueOn}-${extension.newDueOn}`}>
                      von <DateText iso={extension.previousDueOn} /> auf <DateText iso={extension.newDueOn} />
                      {" – "}
                      {extension.reason}
                    </li>
                  ))}
                </ul>
              ),
            }
          : null,
        inquiry.withdrawnOn
          ? {
              term: pt.withdrawn,
              value: (
                <>
                  <DateText iso={inquiry.withdrawnOn} />
                  {inquiry.withdrawalNote ? ` – ${inquiry.withdrawalNote}` : null}
                </>
              ),
            }
          : null,
        data.agenda.length
          ? {
              term: pt.meetings,
              value: (
                <ul className="plain-list">
                  {data.agenda.map((entry) => (
                    <li key={`${entry.purpose}-${entry.meetingDate}-${entry.itemNumber}`}>
                      {entry.organizationName}, <DateText iso={entry.meetingDate} />
                      {entry.itemNumber ? `, TOP ${entry.itemNumber}` : null}
                      {" – "}
                      {
                        typeWords({ lifecycle: inquiry.lifecycle, name: inquiry.typeName }).agendaPurposes[
                          entry.purpose
                        ]
                      }
                      {entry.roleLabel ? <>, Zuständigkeit: {entry.roleLabel}</> : null}
                    </li>
                  ))}
                </ul>
              ),
            }
          : null,
      ]}
    />
  );
}

function MotionDecision({ data }: { data: PublicInquiryDetail }) {
  const { inquiry, body } = data;
  return (
    <section aria-labelledby="entscheidung">
      <h2 id="entscheidung">{pt.decision}</h2>
      {inquiry.status === "decided" && inquiry.motionDecision ? (
        <>
          <p>
            Der Antrag wurde <strong>{motionDecisionLabels[inquiry.motionDecision]}</strong>.
          </p>
          {inquiry.motionDecisionNote ? <p>{inquiry.motionDecisionNote}</p> : null}
        </>
      ) : (
        <p className="notice">
          Eine Entscheidung {bodyKindCouncilGenitive[body.kind]} über diesen Antrag ist noch nicht erfasst.
        </p>
      )}
    </section>
  );
}

function AnswerSection({ data, basePath }: { data: PublicInquiryDetail; basePath: string }) {
  const answer = data.answer!;
  const { version } = answer;
  const documentLabel = formatReference(version.documentKind, version.documentReference);
  // A letter has no number: name it by its date, as letters are cited ("Schreiben vom 26. März 2021").
  const answerHeading =
    version.documentReference || !version.documentDate
      ? documentLabel
      : pt.answerOf(documentLabel || pt.answer, formatDateLong(version.documentDate));
  const leftover = unplacedInventories(answer.rows, answer.inventories);
  const hasParts = answer.parts.length > 0;
  return (
    <>
      <section aria-labelledby="antwort" className="answer">
        <h2 id="antwort">Antwort{answerHeading ? `: ${answerHeading}` : ""}</h2>
        {!answer.isLatest ? (
          <p className="notice notice--warning">
            Sie lesen eine frühere Fassung (Fassung {version.versionNumber}).{" "}
            <Link to={basePath}>{pt.currentVersion}</Link>
          </p>
        ) : null}
        <MetaList
          items={[
            version.documentKind ? { term: pt.document, value: documentLabel } : null,
            version.title ? { term: pt.subject, value: version.title } : null,
            version.documentDate ? { term: pt.date, value: <DateText iso={version.documentDate} /> } : null,
            version.issuedByLabel ? { term: pt.issuedBy, value: version.issuedByLabel } : null,
            version.caseOfficerLabel ? { term: pt.caseOfficer, value: version.caseOfficerLabel } : null,
            answer.leadOrganizationName ? { term: pt.lead, value: answer.leadOrganizationName } : null,
            answer.contributorNames.length
              ? { term: pt.contributors, value: answer.contributorNames.join(", ") }
              : null,
            { term: pt.published, value: <DateText iso={version.publishedOn} /> },
            version.correctionNote ? { term: pt.correction, value: version.correctionNote } : null,
          ]}
        />
        {answer.isLatest && answer.inventories.length ? (
          <DownloadLinks
            label={exportTexts.inventoryDownload}
            csv={`${basePath}/werkzeuge.csv`}
            json={`${basePath}/werkzeuge.json`}
          />
        ) : null}
        <RichText html={version.introHtml} className="answer__intro" />
        {answer.versionWithholdings.map((withholding) => (
          <WithheldNotice key={withholding.id} withholding={withholding} />
        ))}
        {version.preambleHtml ? (
          <>
            <h3>{version.preambleLabel ?? pt.preamble}</h3>
            <RichText html={version.preambleHtml} />
          </>
        ) : null}
      </section>

      {hasParts ? (
        <section aria-labelledby="fragen-antworten">
          <h2 id="fragen-antworten">{pt.questionsAndAnswers}</h2>
          <QuestionAnswerGrid rows={answer.rows} inventories={answer.inventories} />
        </section>
      ) : null}

      {leftover.length ? (
        <section aria-labelledby="werkzeuge">
          <h2 id="werkzeuge">{pt.overviews}</h2>
          {leftover.map((inventory) => (
            <ToolInventory key={inventory.id} inventory={inventory} />
          ))}
        </section>
      ) : null}

      {answer.consultations.map((consultation) => (
        <ConsultationStatement key={consultation.id} consultation={consultation} />
      ))}

      {version.closingHtml || version.signatory ? (
        <section aria-labelledby="schluss" className="answer__closing">
          <h2 id="schluss" className="visually-hidden">
            Schluss und Unterschrift
          </h2>
          <RichText html={version.closingHtml} />
          {version.signatory ? (
            <p className="signatory">
              <span className="muted">{pt.signedBy}</span>{" "}
              {[version.signatory.name, version.signatory.roleLabel].filter(Boolean).join(", ")}
            </p>
          ) : null}
        </section>
      ) : null}

      {answer.signOffSteps.length ? (
        <section aria-labelledby="zeichnung">
          <h2 id="zeichnung">{pt.signOff}</h2>
          <ol className="sign-off">
            {answer.signOffSteps.map((step) => (
              <li key={step.position}>
                <span className="sign-off__label">{step.label}</span>
                {step.condition ? <span className="sign-off__condition"> ({step.condition})</span> : null}
                {" – "}
                <span className="sign-off__status">{signOffStepStatusLabels[step.status]}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {answer.attachments.length ? (
        <section aria-labelledby="anlagen">
          <h2 id="anlagen">{pt.attachments(answer.attachments.length)}</h2>
          <ol className="attachments">
            {answer.attachments.map((attachment) => (
              <li key={attachment.position}>
                {attachment.title}
                {" – "}
                {attachment.file ? (
                  <a href={`${basePath}/anlagen/${attachment.id}`} download>
                    {attachment.file.fileName} ({formatFileSize(attachment.file.size)})
                  </a>
                ) : (
                  <span className="muted">{pt.fileMissing}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {answer.versions.length > 1 ? (
        <section aria-labelledby="fassungen">
          <h2 id="fassungen">{pt.versions}</h2>
          <ol className="versions">
            {answer.versions.map((v) => (
              <li key={v.versionNumber}>
                {v.versionNumber === version.versionNumber ? (
                  <strong aria-current="page">Fassung {v.versionNumber}</strong>
                ) : (
                  <Link
                    to={
                      v === answer.versions[answer.versions.length - 1]
                        ? basePath
                        : `${basePath}?fassung=${v.versionNumber}`
                    }
                  >
                    Fassung {v.versionNumber}
                  </Link>
                )}
                , veröffentlicht am <DateText iso={v.publishedOn} />
                {v.correctionNote ? <> – Berichtigung: {v.correctionNote}</> : null}
                {v.versionNumber !== version.versionNumber ? (
                  <>
                    {" "}
                    (
                    <Link
                      to={`${basePath}?${version.versionNumber === answer.versions[answer.versions.length - 1]!.versionNumber ? "" : `fassung=${version.versionNumber}&`}vergleich=${v.versionNumber}`}
                    >
                      Änderungen gegenüber Fassung {v.versionNumber}
                    </Link>
                    )
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/** Word-level changes between two published versions; React escapes the text, <ins>/<del> mark the changes. */
function VersionDiff({ comparison }: { comparison: VersionComparison }) {
  const changed = comparison.segments.some((s) => s.kind !== "same");
  return (
    <section aria-labelledby="vergleich" className="version-diff">
      <h2 id="vergleich">
        Änderungen von Fassung {comparison.from} zu Fassung {comparison.to}
      </h2>
      {changed ? (
        <p className="diff-text preserve-lines">
          {comparison.segments.map((segment, i) =>
            segment.kind === "added" ? (
              <ins key={i}>{segment.text}</ins>
            ) : segment.kind === "removed" ? (
              <del key={i}>{segment.text}</del>
            ) : (
              <span key={i}>{segment.text}</span>
            ),
          )}
        </p>
      ) : (
        <p>Der Text der beiden Fassungen ist gleich.</p>
      )}
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
