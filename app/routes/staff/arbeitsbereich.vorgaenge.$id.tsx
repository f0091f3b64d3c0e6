import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { FollowUpLinks, StartFollowUpForm } from "~/components/answer/FollowUpLinks";
import { RichText } from "~/components/inquiry/RichText";
import { readWorkflowForm, type FieldErrors, type FormReply } from "~/components/workflow/form-input";
import { WorkflowActions } from "~/components/workflow/WorkflowActions";
import { WorkflowFacts } from "~/components/workflow/WorkflowFacts";
import { formatDate } from "~/domain/format";
import {
  answerStatusLabels,
  consultationKindLabels,
  consultationVerdictLabels,
  inquiryStatusExplanations,
  inquiryStatusLabel,
  recommendationKindLabels,
  withholdingReasonLabels,
} from "~/domain/labels";
import { consultationText } from "~/domain/texts/consultation";
import { dueNote } from "~/domain/texts/deadlines";
import { staffInquiryText as t } from "~/domain/texts/staff-inquiry";
import { toolInventoryText } from "~/domain/texts/tool-inventory";
import { workflowText, type WorkflowField } from "~/domain/texts/workflow";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { assertWorkflowParticipant, runWorkflowCommand, WorkflowInputError } from "~/server/inquiries/intake.server";
import { loadFollowUpLinks, mayStartFollowUp } from "~/server/answers/answer-follow-up.server";
import { loadStaffInquiry, type StaffWithholding } from "~/server/inquiries/staff-read-model.server";
import { NotFound, StaleVersionError, TransitionRefused } from "~/server/core/transitions.server";
import { typeWords } from "~/domain/texts/type-words";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(loaded.inquiry.title) : t.notFoundTitle },
];

// Anything that is not a UUID cannot name an inquiry: 404 before the database is asked.
const paramsSchema = z.object({ id: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const inquiry = await loadStaffInquiry(user, parsed.data.id);
  // Not there, another body's, another faction's draft: all the same 404.
  if (!inquiry) throw new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  const [followUps, canFollowUp] = await Promise.all([
    loadFollowUpLinks(inquiry.id, user),
    mayStartFollowUp(user, inquiry.id),
  ]);
  // Right after the faction submitted its draft (the editor redirects here with ?eingereicht=1).
  const justSubmitted = new URL(request.url).searchParams.get("eingereicht") === "1" && inquiry.reference !== null;
  return data({ inquiry, followUps, canFollowUp, justSubmitted }, { headers: { "Cache-Control": "no-store" } });
}

const NO_STORE = { "Cache-Control": "no-store" };

/** Which field a refused guard of the lifecycle engine is about, so that its message stands next to it. */
const GUARD_FIELDS: Record<string, WorkflowField> = {
  reason_given: "reason",
  lead_department_given: "leadOrganizationId",
  public_note_given: "publicNote",
  new_due_date_after_current: "newDueOn",
  decision_given: "decision",
  decision_meeting_held: "meetingId",
};

/**
 * After a conflict (409) the page loads the current state, so that the form carries the new version and the
 * user's input (kept in the action's data) can be checked and sent again. Other refusals change nothing.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

type ActionResult = { intent: string; result?: FormReply; formError?: string; done?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsedId = paramsSchema.safeParse(params);
  if (!parsedId.success) throw new Response(null, { status: 404, headers: NO_STORE });
  // Authorisation before validation: an outsider gets the same 404 whatever the form holds.
  try {
    await assertWorkflowParticipant(user, parsedId.data.id);
  } catch (error) {
    if (error instanceof NotFound) throw new Response(null, { status: 404, headers: NO_STORE });
    throw error;
  }
  const form = readWorkflowForm(await request.formData());
  if (!form.ok) {
    return data<ActionResult>(
      { intent: form.intent, result: form.reply(), formError: form.errors.form },
      { status: 400, headers: NO_STORE },
    );
  }
  const intent = form.command.intent;
  const refused = (errors: FieldErrors, status: number) =>
    data<ActionResult>({ intent, result: form.reply(errors), formError: errors.form }, { status, headers: NO_STORE });
  try {
    await runWorkflowCommand(user, parsedId.data.id, form.version, form.command);
    return data<ActionResult>({ intent, done: true }, { headers: NO_STORE });
  } catch (error) {
    // Not there, another body's, not visible to this user: the same 404 as the loader's.
    if (error instanceof NotFound) throw new Response(null, { status: 404, headers: NO_STORE });
    if (error instanceof StaleVersionError) return refused({ form: workflowText.stale }, 409);
    if (error instanceof WorkflowInputError) return refused({ [error.field]: error.message }, 400);
    if (error instanceof TransitionRefused) {
      const field = (error.guard && GUARD_FIELDS[error.guard]) || "form";
      return refused({ [field]: error.message }, 400);
    }
    throw error;
  }
}

export default function StaffInquiry() {
  const { inquiry, followUps, canFollowUp, justSubmitted } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const submittedRef = useRef<HTMLParagraphElement>(null);
  const words = typeWords({ lifecycle: inquiry.workflow.lifecycle, name: inquiry.typeName });
  // The submission's confirmation takes the focus, like the message after any other action.
  useEffect(() => {
    if (justSubmitted) submittedRef.current?.focus();
  }, [justSubmitted]);
  return (
    <article className="staff-inquiry">
      <p>
        <Link to="/arbeitsbereich">{t.backToWorkspace}</Link>
      </p>
      <h1>{inquiry.title}</h1>
      {justSubmitted ? (
        <p className="notice" role="status" tabIndex={-1} ref={submittedRef}>
          {t.submittedAs(inquiry.typeName, inquiry.reference ?? "", inquiry.dueOn ? formatDate(inquiry.dueOn) : null)}
        </p>
      ) : null}
      {inquiry.containsNonPublicMaterial ? (
        <p className="notice" role="note">
          {t.nonPublicNotice}
        </p>
      ) : null}
      <section aria-labelledby="meta-heading">
        <h2 id="meta-heading">{t.meta}</h2>
        <dl className="meta">
          <dt>{t.body}</dt>
          <dd>{inquiry.bodyName}</dd>
          <dt>{t.type}</dt>
          <dd>{inquiry.typeName}</dd>
          <dt>{t.reference}</dt>
          <dd>{inquiry.reference ?? t.draftReference}</dd>
          <dt>{t.status}</dt>
          <dd>{inquiryStatusLabel(inquiry.status)}</dd>
          <dt>{t.statusMeaning}</dt>
          <dd className="status-explanation">{inquiryStatusExplanations[inquiry.status]}</dd>
          <dt>{t.visibility}</dt>
          <dd>{inquiry.visibility === "public" ? t.visibilityPublic : t.visibilityInternal}</dd>
          {inquiry.originatorName ? (
            <>
              <dt>{t.originator}</dt>
              <dd>{inquiry.originatorName}</dd>
            </>
          ) : null}
          {inquiry.leadOrganizationName ? (
            <>
              <dt>{t.lead}</dt>
              <dd>{inquiry.leadOrganizationName}</dd>
            </>
          ) : null}
          {inquiry.receivedOn ? (
            <>
              <dt>{t.received}</dt>
              <dd>{formatDate(inquiry.receivedOn)}</dd>
            </>
          ) : null}
          {inquiry.dueOn ? (
            <>
              <dt>{t.due}</dt>
              <dd>
                {formatDate(inquiry.dueOn)}
                {dueNote(inquiry.dueOn, inquiry.dueRuleLabel, inquiry.workflow.extensions)
                  ? ` (${dueNote(inquiry.dueOn, inquiry.dueRuleLabel, inquiry.workflow.extensions)})`
                  : null}
              </dd>
            </>
          ) : null}
        </dl>
        {inquiry.visibility === "public" && inquiry.status !== "draft" && inquiry.publicRef ? (
          <p>
            <Link to={`/${inquiry.bodySlug}/anfragen/${encodeURIComponent(inquiry.publicRef)}`}>{t.publicPage}</Link>
          </p>
        ) : null}
      </section>
      <WorkflowFacts workflow={inquiry.workflow} />
      <WorkflowActions
        inquiryId={inquiry.id}
        visibility={inquiry.visibility}
        dueOn={inquiry.dueOn}
        workflow={inquiry.workflow}
        last={last}
      />

      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">{words.textHeading}</h2>
        {inquiry.preambleHtml ? (
          <>
            <h3>{t.preamble}</h3>
            <RichText html={inquiry.preambleHtml} />
          </>
        ) : null}
        {inquiry.questions.length === 0 ? <p>{t.noQuestions}</p> : null}
        <ol className="plain-list">
          {inquiry.questions.map((q) => (
            <li key={q.id}>
              <h3>{words.partLabel(q.number)}</h3>
              {q.leadIn ? <p>{q.leadIn}</p> : null}
              <RichText html={q.bodyHtml} />
            </li>
          ))}
        </ol>
      </section>

      <FollowUpLinks links={followUps} staff />
      {canFollowUp ? <StartFollowUpForm inquiryId={inquiry.id} /> : null}

      <section aria-labelledby="answer-heading">
        <h2 id="answer-heading">{t.answer}</h2>
        {inquiry.answer === null ? (
          <p>{t.noAnswer}</p>
        ) : (
          <>
            <p>
              {t.answerStatus}: {answerStatusLabels[inquiry.answer.status]}
            </p>
            {inquiry.answer.workspace ? (
              <p>
                <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}/antwort`} className="button">
                  {t.openAnswer}
                </Link>
              </p>
            ) : null}
            {/* The administration's work on the answer: a faction member would only meet a 404 there. */}
            {inquiry.answer.workspace ? (
              <p>
                <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}/beteiligungen`}>
                  {consultationText.linkFromInquiry}
                </Link>
                {" · "}
                <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}/werkzeuge`}>{toolInventoryText.link}</Link>
              </p>
            ) : null}
            {inquiry.answer.versions.map((v) => (
              <section key={v.id} aria-labelledby={`version-${v.versionNumber}`}>
                <h3 id={`version-${v.versionNumber}`}>{t.version(v.versionNumber, v.published)}</h3>
                {v.withholdings.map((w) => (
                  <Withholding key={w.id} withholding={w} />
                ))}
                {v.parts.length === 0 ? <p>{t.noParts}</p> : null}
                {v.parts.map((p) => (
                  <div key={p.id} className="answer-part">
                    <h4>{t.part(p.questionNumbers.join(", "))}</h4>
                    {p.jointNote ? <p>{p.jointNote}</p> : null}
                    <RichText html={p.bodyHtml} />
                    {p.withholdings.map((w) => (
                      <Withholding key={w.id} withholding={w} />
                    ))}
                    {p.passages.map((w) => (
                      <Withholding key={w.id} withholding={w} passage />
                    ))}
                  </div>
                ))}
              </section>
            ))}
            {inquiry.answer.consultations.length > 0 ? (
              <section aria-labelledby="consultations-heading">
                <h3 id="consultations-heading">{t.consultations}</h3>
                {inquiry.answer.consultations.map((c) => (
                  <div key={c.id} className="consultation">
                    <h4>
                      <Link to={`/arbeitsbereich/beratungen/${c.id}`}>
                        {c.statementTitle ?? consultationKindLabels[c.kind]}
                      </Link>
                    </h4>
                    {/* The same fact list as the inquiry's own facts above (.meta), not a bare <dl>. */}
                    <dl className="meta">
                      <dt>{t.consultationAddressee}</dt>
                      <dd>{c.addresseeName}</dd>
                      <dt>{t.consultationStatus}</dt>
                      <dd>{t.consultationStatusLabels[c.status] ?? c.status}</dd>
                      {c.requestedOn ? (
                        <>
                          <dt>{t.consultationRequested}</dt>
                          <dd>{formatDate(c.requestedOn)}</dd>
                        </>
                      ) : null}
                      {c.answeredOn ? (
                        <>
                          <dt>{t.consultationAnswered}</dt>
                          <dd>{formatDate(c.answeredOn)}</dd>
                        </>
                      ) : null}
                      {c.verdict ? (
                        <>
                          <dt>{t.verdict}</dt>
                          <dd>{consultationVerdictLabels[c.verdict]}</dd>
                        </>
                      ) : null}
                      <dt>{t.visibility}</dt>
                      <dd>{c.publishedWithAnswer ? t.publishedWithAnswer : t.notPublishedWithAnswer}</dd>
                    </dl>
                    {c.questionsPut ? (
                      <>
                        <h5>{t.questionsPut}</h5>
                        <p className="preserve-lines">{c.questionsPut}</p>
                      </>
                    ) : null}
                    <h5>{t.statement}</h5>
                    {c.statementHtml ? <RichText html={c.statementHtml} /> : <p>{t.noStatement}</p>}
                    {(["restriction", "recommendation"] as const).map((kind) => {
                      const items = c.recommendations.filter((r) => r.kind === kind);
                      if (items.length === 0) return null;
                      return (
                        <div key={kind}>
                          <h5>{recommendationKindLabels[kind]}</h5>
                          <ul>
                            {items.map((r, i) => (
                              <li key={i}>{r.text}</li>
                            ))}
                          </ul>
                        </div>
                      );
                    })}
                  </div>
                ))}
              </section>
            ) : null}
          </>
        )}
      </section>
    </article>
  );
}

function Withholding({ withholding: w, passage }: { withholding: StaffWithholding; passage?: boolean }) {
  return (
    <div className="withholding">
      <p>
        <strong>{passage ? t.withheldPassage : t.withholding}</strong> – {t.withholdingReason}:{" "}
        {withholdingReasonLabels[w.reason]}; {t.withholdingSubject}: {w.subject}
      </p>
      <p>
        {t.withholdingJustification}: {w.publicJustification}
      </p>
      <p>{t.withheldText}:</p>
      {w.withheldText ? <p className="preserve-lines">{w.withheldText}</p> : <p>{t.withheldTextMissing}</p>}
    </div>
  );
}
