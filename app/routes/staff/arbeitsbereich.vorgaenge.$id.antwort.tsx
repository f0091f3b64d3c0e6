/**
 * The staff answer page (/arbeitsbereich/vorgaenge/:id/antwort): the editor for the lead department, the
 * sign-off block for whoever's step it is, and the publication form for the council office. Every intent is
 * authorised again in its server command; whoever may not see the administration's work gets 404.
 */
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  type ClientActionFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useState } from "react";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { z } from "zod";
import { AnswerFormWithBackup } from "~/components/answer/AnswerFormWithBackup";
import { AttachmentList } from "~/components/answer/AttachmentForms";
import {
  AnswerWorkflowForm,
  beratungsfolgeRows,
  CONFIRM_FIELD,
  WORKFLOW_INTENTS,
  type WorkflowIntent,
} from "~/components/answer/workflow-input";
import {
  valuesFromPosted,
  type AnswerActionResult,
  type AnswerFormValues,
} from "~/components/answer/answer-form-types";
import { CorrectionForms } from "~/components/answer/CorrectionForms";
import { HoldingAnswerForm } from "~/components/answer/HoldingAnswerForm";
import { PublishForm, SignOffBlock } from "~/components/answer/SignOffBlock";
import editorStylesHref from "~/components/editor/editor.css?url";
import { RichText } from "~/components/inquiry/RichText";
import { formatDate } from "~/domain/format";
import { answerStatusLabels } from "~/domain/labels";
import { answerText as t } from "~/domain/texts/answer";
import { attachmentText as at } from "~/domain/texts/attachments";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import {
  AnswerConflict,
  AnswerRefused,
  AnswerValidationError,
  loadAnswerPage,
  saveAnswer,
} from "~/server/answers/answer-drafts.server";
import { parseAnswerForm } from "~/server/answers/answer-form.server";
import { runAnswerWorkflow } from "~/server/answers/answer-workflow.server";
import { NotFound } from "~/server/core/transitions.server";
import { replyWithErrors } from "~/utils/form-reply";

const NO_STORE = { "Cache-Control": "no-store" };
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });
const Params = z.object({ id: z.string().uuid() });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStylesHref }];
export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(loaded.page.inquiry.title) : t.readHeading },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw notFound();
  try {
    const page = await loadAnswerPage(user, parsed.data.id);
    return data({ page }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

// Saves answer with the new version; the editors keep their own state, so the page is not loaded again.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => {
  const intent = formData?.get("intent");
  if (intent === "autosave" || intent === "save" || intent === "overwrite") return false;
  return defaultShouldRevalidate;
};

/** A workflow form's reply (Conform: the posted input and the messages), shown by the form of `intent`. */
type OtherResult = { kind: "workflow"; intent: string; result: SubmissionResult<string[]>; done?: string };
type ActionResult = AnswerActionResult | OtherResult;

/** A failed server call must not replace the editors with the error page (ADR 0008). */
export async function clientAction({ serverAction }: ClientActionFunctionArgs): Promise<ActionResult> {
  try {
    return await serverAction<typeof action>();
  } catch (error) {
    if (error instanceof Response) throw error;
    return { kind: "failed", message: error instanceof TypeError ? t.saveFailedConnection : t.saveFailedServer };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsedParams = Params.safeParse(params);
  if (!parsedParams.success) throw notFound();
  const inquiryId = parsedParams.data.id;
  const form = await request.formData();
  const reply = (result: ActionResult, status = 200) => data<ActionResult>(result, { status, headers: NO_STORE });
  const intent = String(form.get("intent") ?? "");

  try {
    if ((WORKFLOW_INTENTS as readonly string[]).includes(intent)) {
      const submission = parseWithZod(form, { schema: AnswerWorkflowForm });
      if (submission.status !== "success") {
        const malformed = Object.keys(submission.error ?? {}).some((name) => name !== CONFIRM_FIELD);
        const result = malformed ? replyWithErrors(form, { form: t.malformed }) : submission.reply();
        return reply({ kind: "workflow", intent, result }, 400);
      }
      // Without JavaScript "add a Beratungsfolge step" posts the form: shown again with one more row.
      if (submission.value.intent === "publish" && form.get("addBeratungsfolge"))
        return reply({ kind: "workflow", intent, result: submission.reply() });
      const raw = Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<
        string,
        string
      >;
      const outcome = await runAnswerWorkflow(user, inquiryId, {
        ...submission.value,
        beratungsfolge: beratungsfolgeRows(raw),
      });
      if (!outcome.ok)
        return reply({ kind: "workflow", intent, result: replyWithErrors(form, outcome.errors) }, outcome.status);
      return reply({ kind: "workflow", intent, result: submission.reply({ resetForm: true }), done: t.done });
    }

    const parsed = parseAnswerForm(form);
    if (!parsed) return reply({ kind: "refused", errors: { form: t.malformed } }, 400);
    const values = valuesFromPosted(parsed.values);
    try {
      const expectedVersion =
        parsed.intent === "overwrite" && parsed.overwriteVersion ? parsed.overwriteVersion : parsed.version;
      const saved = await saveAnswer(user, { inquiryId, expectedVersion, values: parsed.values, rich: parsed.rich });
      if (parsed.intent === "op")
        throw redirect(`/arbeitsbereich/vorgaenge/${inquiryId}/antwort`, { headers: NO_STORE });
      return reply({
        kind: "saved",
        version: saved.version,
        savedAtTime: saved.savedAtTime,
        signaturesLapsed: saved.signaturesLapsed,
      });
    } catch (error) {
      if (error instanceof AnswerValidationError)
        return reply({ kind: "refused", errors: error.fieldErrors, values }, 400);
      if (error instanceof AnswerConflict)
        return reply(
          {
            kind: "refused",
            errors: {},
            values,
            conflict: {
              currentVersion: error.currentVersion,
              savedBy: error.lastSave?.savedBy ?? null,
              savedAt: error.lastSave?.time ?? null,
            },
          },
          409,
        );
      if (error instanceof AnswerRefused)
        return reply({ kind: "refused", errors: { form: error.message }, values }, 403);
      if (error instanceof Response || error instanceof NotFound) throw error;
      const errorId = crypto.randomUUID().slice(0, 8);
      console.error(`answer save failed [${errorId}] inquiry=${inquiryId}`, error);
      return reply(
        { kind: "failed", message: `${t.saveFailedServer} ${t.serverErrorReference(errorId)}`, values },
        500,
      );
    }
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export default function AnswerPage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const editorResult = result && result.kind !== "workflow" ? result : undefined;
  const workflow = result?.kind === "workflow" ? result : undefined;
  const resultFor = (intent: WorkflowIntent) => (workflow?.intent === intent ? workflow.result : null);
  const values: AnswerFormValues =
    (editorResult?.kind === "refused" || editorResult?.kind === "failed") && editorResult.values
      ? editorResult.values
      : {
          ...page.values,
          flagged: page.answer.flagged,
          parts: page.values.parts.map((p) => ({
            questionIds: p.questionIds,
            jointNote: p.jointNote,
            body: p.body,
            withheld: p.withholding !== null,
            reason: p.withholding?.reason ?? "",
            subject: p.withholding?.subject ?? "",
            justification: p.withholding?.publicJustification ?? "",
            withheldText: p.withholding?.withheldText ?? "",
          })),
        };
  const { inquiry } = page;
  // Saves bump the answer's version without reloading the page; the sign-off and publication forms send the
  // version the editor last saved, so that they are not refused as stale after an autosave.
  const [liveVersion, setLiveVersion] = useState(page.answer.version);
  useEffect(() => setLiveVersion(page.answer.version), [page.answer.version]);
  return (
    <article className="answer-page">
      <p className="no-print">
        <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}`}>{t.backToInquiry}</Link>
      </p>
      <h1>{page.rights.edit ? t.heading : t.readHeading}</h1>
      <dl className="meta">
        <dt>{t.title}</dt>
        <dd>{inquiry.title}</dd>
        {inquiry.reference ? (
          <>
            <dt>{t.documentReference}</dt>
            <dd>{inquiry.reference}</dd>
          </>
        ) : null}
        <dt>{t.statusLabel}</dt>
        <dd>{answerStatusLabels[page.answer.status]}</dd>
        {inquiry.dueOn ? (
          <>
            <dt>{t.dueLabel}</dt>
            <dd>{formatDate(inquiry.dueOn)}</dd>
          </>
        ) : null}
      </dl>
      {inquiry.visibility === "public" && inquiry.publicRef && page.answer.status === "published" ? (
        <p>
          <Link to={`/${inquiry.bodySlug}/anfragen/${encodeURIComponent(inquiry.publicRef)}`}>{t.publicPage}</Link>
        </p>
      ) : null}
      {workflow?.done ? (
        <p className="notice" role="status">
          {workflow.intent === "publish" || workflow.intent === "publish_correction"
            ? t.published
            : workflow.intent === "sign_correction"
              ? t.correctionSignedDone
              : workflow.intent === "holding_answer"
                ? t.holdingPublished
                : workflow.done}
        </p>
      ) : null}
      {page.correctionDraft ? (
        <p className="notice notice--warning" role="note">
          {t.correctionDraftNotice}
        </p>
      ) : null}
      {!page.rights.edit ? (
        <p className="notice" role="note">
          {page.answer.status === "approved" || page.answer.status === "published" ? t.lockedNotice : t.readOnlyNotice}
        </p>
      ) : null}

      <section aria-labelledby="questions-heading" className="answer-questions">
        <h2 id="questions-heading">Fragen</h2>
        <ol className="plain-list">
          {page.questions.map((q) => (
            <li key={q.id}>
              <h3>{t.question(q.number)}</h3>
              <RichText html={q.bodyHtml} />
            </li>
          ))}
        </ol>
      </section>

      <AnswerFormWithBackup
        // Saves do not reload the page, so a new version here comes from another action: start afresh.
        key={`${page.answer.id}-${page.answer.version}-${page.rights.edit ? "edit" : "read"}`}
        onVersion={setLiveVersion}
        answerId={page.answer.id}
        inquiryId={inquiry.id}
        version={page.answer.version}
        values={values}
        questions={page.questions}
        readOnly={!page.rights.edit}
        actionResult={editorResult}
      />

      <section aria-labelledby="attachments-heading" className="answer-attachments">
        <h2 id="attachments-heading">{at.sectionHeading}</h2>
        <AttachmentList inquiryId={inquiry.id} attachments={page.attachments} version={liveVersion} edit={false} />
        <p>
          <Link to={`/arbeitsbereich/vorgaenge/${inquiry.id}/antwort/anlagen`}>{at.manage}</Link>
        </p>
      </section>

      <SignOffBlock
        steps={page.steps}
        version={liveVersion}
        contentHash={page.contentHash}
        rights={page.rights}
        resultFor={resultFor}
      />
      {page.rights.holdingAnswer ? (
        <HoldingAnswerForm version={liveVersion} result={resultFor("holding_answer")} />
      ) : null}
      {page.rights.startCorrection || page.rights.publishCorrection || page.correction ? (
        <CorrectionForms
          version={liveVersion}
          start={page.rights.startCorrection}
          publish={page.rights.publishCorrection}
          correction={page.correction}
          contentHash={page.contentHash}
          resultFor={resultFor}
        />
      ) : null}
      {page.rights.publish ? (
        <PublishForm
          version={liveVersion}
          reference={page.values.documentReference}
          result={resultFor("publish")}
          choices={page.meetingChoices}
        />
      ) : null}
    </article>
  );
}
