/**
 * Files of a consultation, by part (the request — an authority's letter — and the reply letter): the list with
 * downloads, removal and the upload form for the lead department. The forms post as full pages to
 * `/arbeitsbereich/beratungen/{id}/anlagen` (the path the HTTP guard allows large bodies on), which redirects back
 * here or shows the form again with the German message at the field.
 */
import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ConsultationAttachmentPart, ConsultationKind } from "~/domain/consultation";
import { formatFileSize } from "~/domain/format";
import { attachmentText } from "~/domain/texts/attachments";
import { consultationText } from "~/domain/texts/consultation";
import type { ConsultationFiles } from "~/server/consultations/attachments.server";

const t = consultationText.attachments;
const base = (consultationId: string) => `/arbeitsbereich/beratungen/${consultationId}/anlagen`;

export interface UploadState {
  part: ConsultationAttachmentPart;
  errors: Record<string, string>;
  title: string;
}

function headingOf(kind: ConsultationKind, part: ConsultationAttachmentPart): string {
  return kind === "supervisory_authority" && part === "request" ? t.letterHeading : t.heading[part];
}

export function ConsultationAttachments({
  consultationId,
  kind,
  files,
  upload,
}: {
  consultationId: string;
  kind: ConsultationKind;
  files: ConsultationFiles;
  /** The refused upload to show again (from the …/anlagen route). */
  upload?: UploadState | null;
}) {
  if (!files.attachments) return null;
  const parts: ConsultationAttachmentPart[] = kind === "supervisory_authority" ? ["request", "reply"] : ["request"];
  return (
    <>
      {parts.map((part) => {
        const list = files.attachments!.filter((a) => a.part === part);
        if (list.length === 0 && !files.mayChange[part]) return null;
        const headingId = `attachments-${part}-heading`;
        return (
          <section key={part} aria-labelledby={headingId} id={`anlagen-${part}`}>
            <h2 id={headingId}>{headingOf(kind, part)}</h2>
            {list.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <ol className="attachments" aria-label={headingOf(kind, part)}>
                {list.map((a) => (
                  <li key={a.id}>
                    <span>{a.title}</span>
                    {" – "}
                    <a
                      href={`${base(consultationId)}/${a.id}`}
                      download
                      aria-label={attachmentText.download(a.fileName)}
                    >
                      {a.fileName}
                    </a>{" "}
                    ({formatFileSize(a.size)})
                    {files.mayChange[part] ? (
                      <Form method="post" action={base(consultationId)} reloadDocument className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="attachmentId" value={a.id} />
                        <button type="submit" className="button button--secondary">
                          {t.remove(a.title)}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
            {files.mayChange[part] ? (
              <UploadForm
                consultationId={consultationId}
                kind={kind}
                part={part}
                maxBytes={files.maxBytes}
                state={upload?.part === part ? upload : null}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}

function UploadForm({
  consultationId,
  kind,
  part,
  maxBytes,
  state,
}: {
  consultationId: string;
  kind: ConsultationKind;
  part: ConsultationAttachmentPart;
  maxBytes: number;
  state: UploadState | null;
}) {
  const [sizeError, setSizeError] = useState<string | null>(null);
  const errors = state?.errors ?? {};
  const fileError = sizeError ?? errors.file;
  const id = (name: string) => `${part}-attachment-${name}`;
  const heading =
    kind === "supervisory_authority" && part === "request" ? t.letterUploadHeading : t.uploadHeading[part];
  return (
    <Form
      method="post"
      action={base(consultationId)}
      encType="multipart/form-data"
      reloadDocument
      className="workflow-action"
      aria-labelledby={id("heading")}
      onSubmit={(event) => {
        if (sizeError) event.preventDefault();
      }}
    >
      <h3 id={id("heading")}>{heading}</h3>
      <p id={id("hint")} className="hint">
        {attachmentText.uploadHint(maxBytes)} {t.uploadHint}
      </p>
      <input type="hidden" name="intent" value="upload" />
      <input type="hidden" name="part" value={part} />
      {errors.form ? (
        <p className="field-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={id("title")}>{attachmentText.titleLabel}</label>
        <input
          id={id("title")}
          name="title"
          type="text"
          maxLength={600}
          defaultValue={state?.title ?? ""}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? id("title-error") : undefined}
        />
        {errors.title ? (
          <p className="field-error" id={id("title-error")}>
            {errors.title}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={id("file")}>{attachmentText.fileLabel}</label>
        <input
          id={id("file")}
          name="file"
          type="file"
          accept=".pdf,.odt,.docx,.xlsx,.csv,.png,.jpg,.jpeg"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${id("file-error")} ${id("hint")}` : id("hint")}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setSizeError(file && file.size > maxBytes ? attachmentText.fileTooLarge(maxBytes) : null);
          }}
        />
        <p className={fileError ? "field-error" : undefined} id={id("file-error")} aria-live="polite">
          {fileError ?? null}
        </p>
      </div>
      <button type="submit" className="button">
        {attachmentText.upload}
      </button>
    </Form>
  );
}
