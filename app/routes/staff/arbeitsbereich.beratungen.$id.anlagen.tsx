/**
 * Files of a consultation (/arbeitsbereich/beratungen/:id/anlagen): the upload and removal forms of the consultation
 * page post here (multipart, works without JavaScript; the HTTP guard allows attachment-sized bodies on this path).
 * A success returns to the consultation page; a refused file shows the form again with the German message at the
 * field and the title kept. Loader, action and the server commands each check the user; 404 for whoever may not
 * see the consultation's files.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { z } from "zod";
import { ConsultationAttachments, type UploadState } from "~/components/consultation/ConsultationAttachments";
import { CONSULTATION_ATTACHMENT_PARTS } from "~/domain/consultation";
import { attachmentText } from "~/domain/texts/attachments";
import { consultationText } from "~/domain/texts/consultation";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import {
  addConsultationAttachment,
  AttachmentValidationError,
  removeConsultationAttachment,
} from "~/server/consultations/attachments.server";
import { ConsultationInputError, NotFound } from "~/server/consultations/commands.server";
import { loadConsultation } from "~/server/consultations/queries.server";

const t = consultationText.attachments;
const NO_STORE = { "Cache-Control": "no-store" };
const notFound = () => new Response(null, { status: 404, headers: NO_STORE });
const Params = z.object({ id: z.string().uuid() });
const Upload = z.object({ intent: z.literal("upload"), part: z.enum(CONSULTATION_ATTACHMENT_PARTS) });
const Remove = z.object({ intent: z.literal("remove"), attachmentId: z.string().uuid() });

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? t.pageTitle(loaded.c.inquiry.title) : t.pageHeading },
];

async function load(request: Request, id: string) {
  const user = await requireUser(request);
  try {
    const c = await loadConsultation(user, id);
    if (!c.files.attachments) throw new NotFound();
    return { user, c };
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw notFound();
  const { c } = await load(request, parsed.data.id);
  return data({ c }, { headers: NO_STORE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw notFound();
  const id = parsed.data.id;
  const user = await requireUser(request);
  const form = await request.formData();
  const title = typeof form.get("title") === "string" ? String(form.get("title")) : "";
  const page = `/arbeitsbereich/beratungen/${id}`;
  const refuse = (part: UploadState["part"], errors: Record<string, string>, status: number) =>
    data<{ upload: UploadState }>({ upload: { part, errors, title } }, { status, headers: NO_STORE });
  const upload = Upload.safeParse({ intent: form.get("intent"), part: form.get("part") });
  const remove = Remove.safeParse({ intent: form.get("intent"), attachmentId: form.get("attachmentId") });
  const part = upload.success ? upload.data.part : "request";
  try {
    if (upload.success) {
      const file = form.get("file");
      await addConsultationAttachment(user, id, {
        part,
        title,
        file:
          file && typeof file !== "string"
            ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
            : null,
      });
      return redirect(`${page}?gespeichert=anlage#anlagen-${part}`, { headers: NO_STORE });
    }
    if (remove.success) {
      await removeConsultationAttachment(user, id, remove.data.attachmentId);
      return redirect(`${page}?gespeichert=anlage-entfernt`, { headers: NO_STORE });
    }
    return refuse(part, { form: attachmentText.malformed }, 400);
  } catch (error) {
    if (error instanceof NotFound) throw notFound();
    if (error instanceof AttachmentValidationError) return refuse(part, error.fieldErrors, 400);
    if (error instanceof ConsultationInputError) return refuse(part, error.fieldErrors, 403);
    throw error;
  }
}

export default function ConsultationAttachmentsPage() {
  const { c } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const summary = useRef<HTMLDivElement>(null);
  const messages = result ? Object.values(result.upload.errors) : [];
  useEffect(() => {
    if (messages.length > 0) summary.current?.focus();
  }, [result]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <article className="consultation-page">
      <p>
        <Link to={`/arbeitsbereich/beratungen/${c.id}`}>{t.back}</Link>
      </p>
      <h1>{t.pageHeading}</h1>
      <p>
        {consultationText.kindHeading[c.kind]}: {c.inquiry.title}
      </p>
      {messages.length > 0 ? (
        <div
          className="notice notice--error error-summary"
          role="alert"
          tabIndex={-1}
          ref={summary}
          aria-labelledby="error-summary-title"
        >
          <p className="error-summary__title" id="error-summary-title">
            {attachmentText.errorSummary}
          </p>
          <ul>
            {Object.entries(result!.upload.errors).map(([field, message]) => (
              <li key={field}>
                {field === "form" ? message : <a href={`#${result!.upload.part}-attachment-${field}`}>{message}</a>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ConsultationAttachments consultationId={c.id} kind={c.kind} files={c.files} upload={result?.upload ?? null} />
    </article>
  );
}
