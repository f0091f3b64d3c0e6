/**
 * The lead department's decision whether the statement is published with the answer, and (for any
 * statement or contribution) its text ready to copy into a part of the answer.
 */
import { Form } from "@remix-run/react";
import { consultationText as t } from "~/domain/texts/consultation";

export function QuoteForm({
  version,
  quoted,
  canPublish,
  plainText,
  error,
}: {
  version: number;
  quoted: boolean;
  canPublish: boolean;
  plainText: string | null;
  error?: string;
}) {
  return (
    <section aria-labelledby="quote-heading">
      <h2 id="quote-heading">{t.quote.heading}</h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      {canPublish ? (
        <Form method="post" aria-labelledby="quote-heading">
          <input type="hidden" name="intent" value="quote" />
          <input type="hidden" name="version" value={version} />
          <p>{quoted ? t.quote.quoted : t.quote.notQuoted}</p>
          <div className="checkbox">
            <label htmlFor="quoted">
              <input type="checkbox" id="quoted" name="quoted" defaultChecked={quoted} aria-describedby="quoted-hint" />{" "}
              {t.quote.label}
            </label>
          </div>
          <p className="field-hint" id="quoted-hint">
            {t.quote.hint}
          </p>
          <button type="submit">{t.quote.save}</button>
        </Form>
      ) : null}
      {plainText ? (
        <div className="field">
          <label htmlFor="copy-text">{t.quote.copy}</label>
          <p className="field-hint" id="copy-text-hint">
            {t.quote.copyHint}
          </p>
          <textarea id="copy-text" readOnly rows={6} defaultValue={plainText} aria-describedby="copy-text-hint" />
        </div>
      ) : null}
    </section>
  );
}
