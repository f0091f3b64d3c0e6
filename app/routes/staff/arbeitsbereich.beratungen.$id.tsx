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
import type { ItemInput } from "~/domain/consultation";
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
  parseConsultationForm,
  ReplyFormSchema,
  replyInput,
  type PostedValues,
} from "~/server/consultations/form.server";
import type { Actor } from "~/server/consultations/access.server";
import { fieldErrorsOf } from "~/utils/form-reply";
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
  values: PostedValues;
  errors: Record<string, string>;
  done?: boolean;
  /** Conform's reply (the reply letter's form). */
  result?: SubmissionResult<string[]>;
};

/** The reply letter (Conform): zod first, then the command; its German messages go back by field. */
async function replyAction(user: Actor, id: string, formData: FormData) {
  const submission = parseWithZod(formData, { schema: ReplyFormSchema });
  const refused = (status: number, errors: Record<string, string> = {}) => {
    const { form, ...fieldErrors } = errors;
    return data<ActionResult>(
      {
        intent: "reply",
        values: {},
        errors: {},
        result: submission.reply({ formErrors: form ? [form] : undefined, fieldErrors: fieldErrorsOf(fieldErrors) }),
      },
      { status, headers: NO_STORE },
    );
  };
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

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound();
  const formData = await request.formData();
  if (formData.get("intent") === "reply") return replyAction(user, parsed.data.id, formData);
  const form = parseConsultationForm(formData);
  if (!form.ok)
    return data<ActionResult>(
      { intent: "", values: {}, errors: { form: t.errors.forbidden } },
      { status: 400, headers: NO_STORE },
    );
  const refused = (errors: Record<string, string>, status: number) =>
    data<ActionResult>({ intent: form.intent, values: form.values, errors }, { status, headers: NO_STORE });
  try {
    if (form.intent === "quote") await setQuoted(user, parsed.data.id, form.input);
    else await saveStatement(user, parsed.data.id, form.input);
    // After a successful post the page is loaded again (POST/redirect/GET): no resubmission on reload.
    return redirect(`/arbeitsbereich/beratungen/${parsed.data.id}?gespeichert=${form.intent}`, { headers: NO_STORE });
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
  const posted = (intents: string[]) => (last && intents.includes(last.intent) ? last.values : null);
  const statementPosted = posted(["save", "submit"]);
  const external = c.kind === "supervisory_authority";
  const writing = c.mayWrite && c.status === "requested" && !external;
  const str = (v: PostedValues[string] | undefined) => (typeof v === "string" ? v : "");
  const jsonOf = (raw: string, fallback: unknown) => {
    if (!raw) return fallback;
    try {
      return JSON.parse(raw);
    } catch {
      return fallback;
    }
  };
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
        <StatementForm
          kind={c.kind}
          version={c.version}
          errors={errorsFor(["save", "submit"])}
          values={{
            title: statementPosted ? str(statementPosted.title) : (c.statementTitle ?? ""),
            statementJson: statementPosted
              ? jsonOf(str(statementPosted["statement-json"]), c.statementJson)
              : c.statementJson,
            statementText: statementPosted
              ? str(statementPosted["statement-text"]) || (c.statementText ?? "")
              : (c.statementText ?? ""),
            items:
              statementPosted && Array.isArray(statementPosted.items)
                ? (statementPosted.items as ItemInput[])
                : c.items,
            verdict: statementPosted ? str(statementPosted.verdict) : (c.verdict ?? ""),
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
          lastResult={last?.intent === "reply" ? last.result : undefined}
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
