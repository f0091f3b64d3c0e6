/**
 * Attachments (Anlagen) of the answer's working version: the list with downloads, the public/non-public switch
 * and removal, and the upload form. Plain POST forms (the upload reloads the document, so that the server's
 * 413 page for a body over the limit is what the browser shows); with JavaScript a file over the limit is
 * refused at the field before it is sent.
 */
import { Form } from "@remix-run/react";
import { useState } from "react";
import { formatFileSize } from "~/domain/format";
import { attachmentText as t } from "~/domain/texts/attachments";
import type { AttachmentView } from "~/server/answers/answer-attachments.server";

const downloadHref = (inquiryId: string, id: string) => `/arbeitsbereich/vorgaenge/${inquiryId}/antwort/anlagen/${id}`;

export function AttachmentList({
  inquiryId,
  attachments,
  version,
  edit,
}: {
  inquiryId: string;
  attachments: AttachmentView[];
  version: number;
  edit: boolean;
}) {
  if (attachments.length === 0) return <p>{t.none}</p>;
  return (
    <ol className="attachments" aria-label={t.listLabel}>
      {attachments.map((a) => (
        <li key={a.id}>
          <span>{a.title}</span>
          {" – "}
          <a href={downloadHref(inquiryId, a.id)} download aria-label={t.download(a.fileName)}>
            {a.fileName}
          </a>{" "}
          ({formatFileSize(a.size)}){" "}
          <span className={a.public ? "badge" : "badge badge--warning"}>{a.public ? t.public : t.nonPublic}</span>
          {edit ? (
            <span className="attachment-actions">
              <Form method="post" reloadDocument className="inline-form">
                <input type="hidden" name="version" value={version} />
                <input type="hidden" name="attachmentId" value={a.id} />
                <input type="hidden" name="intent" value={a.public ? "non_public" : "public"} />
                <button type="submit" className="button button--secondary">
                  {a.public ? t.makeNonPublic(a.title) : t.makePublic(a.title)}
                </button>
              </Form>
              <Form method="post" reloadDocument className="inline-form">
                <input type="hidden" name="version" value={version} />
                <input type="hidden" name="attachmentId" value={a.id} />
                <input type="hidden" name="intent" value="remove" />
                <button type="submit" className="button button--secondary">
                  {t.remove(a.title)}
                </button>
              </Form>
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function AttachmentUploadForm({
  version,
  maxBytes,
  errors,
  values,
}: {
  version: number;
  maxBytes: number;
  errors: Record<string, string>;
  values: { title?: string; nonPublic?: boolean };
}) {
  const [sizeError, setSizeError] = useState<string | null>(null);
  const fileError = sizeError ?? errors.file;
  return (
    <section aria-labelledby="upload-heading" className="workflow-action">
      <h2 id="upload-heading">{t.uploadHeading}</h2>
      <p id="upload-hint">{t.uploadHint(maxBytes)}</p>
      <Form
        method="post"
        encType="multipart/form-data"
        reloadDocument
        onSubmit={(event) => {
          if (sizeError) event.preventDefault();
        }}
      >
        <input type="hidden" name="intent" value="upload" />
        <input type="hidden" name="version" value={version} />
        {errors.form ? (
          <p className="field-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="attachment-title">{t.titleLabel}</label>
          <p className="hint" id="attachment-title-hint">
            {t.titleHint}
          </p>
          <input
            id="attachment-title"
            name="title"
            type="text"
            maxLength={600}
            defaultValue={values.title ?? ""}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? "attachment-title-error attachment-title-hint" : "attachment-title-hint"}
          />
          {errors.title ? (
            <p className="field-error" id="attachment-title-error">
              {errors.title}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="attachment-file">{t.fileLabel}</label>
          <input
            id="attachment-file"
            name="file"
            type="file"
            accept=".pdf,.odt,.docx,.xlsx,.csv,.png,.jpg,.jpeg"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "attachment-file-error upload-hint" : "upload-hint"}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setSizeError(file && file.size > maxBytes ? t.fileTooLarge(maxBytes) : null);
            }}
          />
          <p className={fileError ? "field-error" : undefined} id="attachment-file-error" aria-live="polite">
            {fileError ?? null}
          </p>
        </div>
        <div className="field field--checkbox">
          <input id="attachment-non-public" name="nonPublic" type="checkbox" defaultChecked={values.nonPublic} />
          <label htmlFor="attachment-non-public">{t.nonPublicLabel}</label>
        </div>
        <button type="submit" className="button">
          {t.upload}
        </button>
      </Form>
    </section>
  );
}
