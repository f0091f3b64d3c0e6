/**
 * One consultation (DPO statement, contribution, or a supervisory authority's letter): the consulted office
 * writes and submits its part here, the lead department reads it, decides on publication with the answer
 * and (for an authority) records the reply. Loader, action and the server commands each check the user;
 * another body's id, or one the user may not see, is a 404.
 */
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { z } from "zod";
import { ConsultationAttachments } from "~/components/consultation/ConsultationAttachments";
import { ConsultationMeta, StatementView } from "~/components/consultation/ConsultationView";
import { QuoteForm } from "~/components/consultation/QuoteForm";
import { ReplyForm } from "~/components/consultation/ReplyForm";
import { StatementForm } from "~/components/consultation/StatementForm";
import { RichText } from "~/components/inquiry/RichText";
import { consultationText as t } from "~/domain/texts/consultation";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import {
  ConsultationInputError,
  NotFound,
  recordReply,
  saveStatement,
  setQuoted,
  StaleVersionError,
} from "~/server/consultations/commands.server";
import {
  parseQuoteForm,
  ReplyFormSchema,
  replyInput,
  statementFieldName,
  StatementFormSchema,
  statementInput,
} from "~/server/consultations/form.server";
import type { Actor } from "~/server/consultations/access.server";
import { replyWithCommandErrors, replyWithErrors } from "~/utils/form-reply";
import { loadConsultation } from "~/server/consultations/queries.server";
import { TransitionRefused } from "~/server/core/transitions.server";

const NO_STORE = { "Cache-Control": "no-store" };
const paramsSchema = z.object({ id: z.string().uuid() });
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });

/** After a conflict (409) load the current state, so the form carries the new version; the input stays in the action's data. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? t.pageTitle(`${t.kindHeading[loaded.c.kind]} – ${loaded.c.inquiry.title}`)
      : t.pageTitle("Nicht gefunden"),
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  try {
    const c = await loadConsultation(user, parsed.data.id);
    const done = new URL(request.url).searchParams.get("gespeichert");
    return data({ c, done }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

type ActionResult = {
  intent: string;
  /** The quote form's message (a checkbox, nothing to refuse at a field). */
  errors: Record<string, string>;
  /** Conform's reply (the statement's and the reply letter's forms). */
  result?: SubmissionResult<string[]>;
};

/** The reply letter (Conform): zod first, then the command; its German messages go back by field. */
async function replyAction(user: Actor, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ReplyFormSchema });
  const refused = (status: number, errors: Record<string, string> = {}) =>
    data<ActionResult>(
      { intent: "reply", errors: {}, result: replyWithCommandErrors(submission, errors) },
      { status, headers: NO_STORE },
    );
  if (submission.status !== "success") return refused(400);
  try {
    await recordReply(user, id, replyInput(submission.value));
    return redirect(`/arbeitsbereich/beratungen/${id}?gespeichert=reply`, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof StaleVersionError) return refused(409, { form: t.errors.stale });
    if (error instanceof ConsultationInputError) return refused(400, error.fieldErrors);
    throw error;
  }
}

/** The statement (Conform): zod for the form's shape, saveStatement for the content; a row's message at its text. */
async function statementAction(user: Actor, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: StatementFormSchema });
  const intent = submission.status === "success" ? submission.value.intent : "submit";
  const refused = (status: number, errors: Record<string, string>) =>
    data<ActionResult>(
      { intent, errors: {}, result: replyWithCommandErrors(submission, errors, statementFieldName) },
      { status, headers: NO_STORE },
    );
  if (submission.status !== "success") {
    // Only the hidden version or a forged list can fail here; the too-long list has its German message.
    const tooMany = submission.error?.items?.[0];
    if (tooMany) return refused(400, { items: tooMany });
    return data<ActionResult>(
      { intent, errors: {}, result: replyWithErrors(formData, { form: t.errors.forbidden }) },
      { status: 400, headers: NO_STORE },
    );
  }
  try {
    await saveStatement(user, id, statementInput(submission.value));
    // After a successful post the page is loaded again (POST/redirect/GET): no resubmission on reload.
    return redirect(`/arbeitsbereich/beratungen/${id}?gespeichert=${intent}`, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof StaleVersionError) return refused(409, { form: t.errors.stale });
    if (error instanceof ConsultationInputError) return refused(400, error.fieldErrors);
    if (error instanceof TransitionRefused) return refused(400, { form: error.message });
    throw error;
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const id = parsed.data.id;
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "reply") return replyAction(user, id, formData);
  if (intent === "save" || intent === "submit") return statementAction(user, id, formData);
  const form = parseQuoteForm(formData);
  if (!form.ok)
    return data<ActionResult>({ intent: "", errors: { form: t.errors.forbidden } }, { status: 400, headers: NO_STORE });
  const refused = (errors: Record<string, string>, status: number) =>
    data<ActionResult>({ intent: "quote", errors }, { status, headers: NO_STORE });
  try {
    await setQuoted(user, id, form.input);
    return redirect(`/arbeitsbereich/beratungen/${id}?gespeichert=quote`, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof StaleVersionError) return refused({ form: t.errors.stale }, 409);
    if (error instanceof ConsultationInputError) return refused(error.fieldErrors, 400);
    if (error instanceof TransitionRefused) return refused({ form: error.message }, 400);
    throw error;
  }
}

const DONE: Record<string, string> = {
  save: t.statement.saved,
  submit: t.statement.submitted,
  quote: t.statement.saved,
  reply: t.reply.done,
  anlage: t.attachments.uploaded,
  "anlage-entfernt": t.attachments.removed,
};

export default function ConsultationPage() {
  const { c, done } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const errorsFor = (intents: string[]) => (last && intents.includes(last.intent) ? last.errors : {});
  const resultFor = (intents: string[]) => (last && intents.includes(last.intent) ? last.result : undefined);
  const external = c.kind === "supervisory_authority";
  const writing = c.mayWrite && c.status === "requested" && !external;
  return (
    <article className="consultation-page">
      <p>
        <Link to={`/arbeitsbereich/vorgaenge/${c.inquiry.id}/beteiligungen`}>{t.backToInquiry}</Link>
      </p>
      <h1>
        {t.kindHeading[c.kind]}: {c.inquiry.title}
      </h1>
      {done && DONE[done] && !last ? (
        <p className="notice" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <ConsultationMeta c={c} />
      {c.questionsHtml || c.questionsPut ? (
        <section aria-labelledby="questions-heading">
          <h2 id="questions-heading">{c.kind === "department" ? t.request.question : t.request.questions}</h2>
          {c.questionsHtml ? <RichText html={c.questionsHtml} /> : <p className="preserve-lines">{c.questionsPut}</p>}
        </section>
      ) : null}
      <ConsultationAttachments consultationId={c.id} kind={c.kind} files={c.files} />

      {writing ? (
        // A new version (saved, or another's save after a 409) is a new form: no messages of an earlier post
        // stay (Conform keeps a reply's errors until the next reply); a 409's reply still shows what was typed.
        <StatementForm
          key={c.version}
          kind={c.kind}
          version={c.version}
          lastResult={resultFor(["save", "submit"])}
          values={{
            title: c.statementTitle ?? "",
            statementJson: c.statementJson,
            statementText: c.statementText ?? "",
            items: c.items,
            verdict: c.verdict ?? "",
          }}
        />
      ) : (
        <>
          {!c.mayWrite && c.status === "requested" ? <p>{t.statement.readOnly}</p> : null}
          <StatementView c={c} />
        </>
      )}

      {external && c.replyHtml ? (
        <section aria-labelledby="reply-view-heading">
          <h2 id="reply-view-heading">{t.reply.heading}</h2>
          <RichText html={c.replyHtml} />
        </section>
      ) : null}
      {external && c.mayWrite && c.status === "requested" ? (
        <ReplyForm
          version={c.version}
          initial={{ replyJson: c.replyJson, replyText: c.replyText ?? "" }}
          lastResult={resultFor(["reply"])}
        />
      ) : null}

      {c.isLead && c.status === "answered" ? (
        <QuoteForm
          version={c.version}
          quoted={c.publishedWithAnswer}
          canPublish={c.kind !== "department" && c.answerStatus !== "published"}
          plainText={c.statementText}
          error={errorsFor(["quote"]).form}
        />
      ) : null}
    </article>
  );
}
