/**
 * Attachments (Anlagen) of an answer (/arbeitsbereich/vorgaenge/:id/antwort/anlagen): list, upload (multipart,
 * works without JavaScript), public/non-public, removal. The HTTP guard allows 20 MB bodies on this path; the
 * server command checks the file itself (type by its bytes, size, name). Whoever may not see the answer gets 404.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AttachmentList, AttachmentUploadForm } from "~/components/answer/AttachmentForms";
import { attachmentText as t } from "~/domain/texts/attachments";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import {
  addAttachment,
  AttachmentRefused,
  AttachmentValidationError,
  loadAttachmentPage,
  removeAttachment,
  setAttachmentPublic,
} from "~/server/answers/answer-attachments.server";
import { NotFound, StaleVersionError, TransitionRefused } from "~/server/core/transitions.server";

const NO_STORE = { "Cache-Control": "no-store" };
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });
const Params = z.object({ id: z.string().uuid() });
const Common = z.object({ version: z.coerce.number().int().min(1).max(2_000_000_000) });
const OnAttachment = Common.extend({
  intent: z.enum(["remove", "public", "non_public"]),
  attachmentId: z.string().uuid(),
});

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(loaded.page.inquiry.title) : t.heading },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw notFound();
  try {
    return data({ page: await loadAttachmentPage(user, parsed.data.id) }, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

type ActionResult = {
  intent: string;
  done: string | null;
  signaturesLapsed: boolean;
  errors: Record<string, string>;
  values: { title?: string; nonPublic?: boolean };
};

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsedParams = Params.safeParse(params);
  if (!parsedParams.success) throw notFound();
  const inquiryId = parsedParams.data.id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const title = typeof form.get("title") === "string" ? String(form.get("title")) : "";
  const values = { title, nonPublic: form.get("nonPublic") === "on" };
  const reply = (result: Omit<ActionResult, "intent" | "values">, status = 200) =>
    data<ActionResult>({ intent, values: result.done ? {} : values, ...result }, { status, headers: NO_STORE });
  const refuse = (errors: Record<string, string>, status: number) =>
    reply({ done: null, signaturesLapsed: false, errors }, status);

  try {
    if (intent === "upload") {
      const version = Common.safeParse({ version: form.get("version") });
      if (!version.success) return refuse({ form: t.malformed }, 400);
      const file = form.get("file");
      const upload =
        file && typeof file !== "string" ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
      const result = await addAttachment(user, {
        inquiryId,
        expectedVersion: version.data.version,
        title,
        nonPublic: values.nonPublic,
        file: upload,
      });
      return reply({ done: t.uploaded, signaturesLapsed: result.signaturesLapsed, errors: {} });
    }
    const parsed = OnAttachment.safeParse({
      intent,
      version: form.get("version"),
      attachmentId: form.get("attachmentId"),
    });
    if (!parsed.success) return refuse({ form: t.malformed }, 400);
    const input = { inquiryId, expectedVersion: parsed.data.version, attachmentId: parsed.data.attachmentId };
    const result =
      parsed.data.intent === "remove"
        ? await removeAttachment(user, input)
        : await setAttachmentPublic(user, { ...input, public: parsed.data.intent === "public" });
    return reply({
      done: parsed.data.intent === "remove" ? t.removed : t.visibilityChanged,
      signaturesLapsed: result.signaturesLapsed,
      errors: {},
    });
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof AttachmentValidationError) return refuse(error.fieldErrors, 400);
    if (error instanceof StaleVersionError) return refuse({ form: t.stale }, 409);
    if (error instanceof AttachmentRefused || error instanceof TransitionRefused)
      return refuse({ form: error.message }, 403);
    throw error;
  }
}

export default function AttachmentsPage() {
  const { page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article className="answer-page">
      <p>
        <Link to={`/arbeitsbereich/vorgaenge/${page.inquiry.id}/antwort`}>{t.backToAnswer}</Link>
      </p>
      <h1>{t.heading}</h1>
      <p>{page.inquiry.title}</p>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done} {result.signaturesLapsed ? t.signaturesLapsed : null}
        </p>
      ) : null}
      {result && !result.done && result.intent !== "upload" && result.errors.form ? (
        <p className="notice notice--warning" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t.listLabel}</h2>
        <AttachmentList
          inquiryId={page.inquiry.id}
          attachments={page.attachments}
          version={page.answerVersion}
          edit={page.edit}
        />
      </section>
      {page.edit ? (
        <AttachmentUploadForm
          version={page.answerVersion}
          maxBytes={page.maxBytes}
          errors={result?.intent === "upload" ? result.errors : {}}
          values={result?.intent === "upload" ? result.values : {}}
        />
      ) : (
        <p className="notice" role="note">
          {t.readOnly}
        </p>
      )}
    </article>
  );
}
