/** Starting a correction (lead department) and publishing it with its note (council office). */
import { Form } from "@remix-run/react";
import { answerText as t } from "~/domain/texts/answer";

export function CorrectionForms({
  version,
  start,
  publish,
  correction,
  contentHash,
  errors,
  note,
}: {
  version: number;
  start: boolean;
  publish: boolean;
  correction: null | { stepLabel: string; signed: boolean; maySign: boolean };
  contentHash: string;
  errors: Record<string, string>;
  note: string;
}) {
  return (
    <section aria-labelledby="correction-heading" className="workflow-action">
      <h2 id="correction-heading">{t.correctionHeading}</h2>
      <p>{t.correctionIntro}</p>
      {errors.signOff ? (
        <p className="notice notice--error" role="alert">
          {errors.signOff}
        </p>
      ) : null}
      {start ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start_correction" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button">
            {t.correctionStart}
          </button>
        </Form>
      ) : null}
      {correction ? (
        <p className="notice" role="note">
          {correction.signed
            ? t.correctionSigned(correction.stepLabel)
            : t.correctionAwaitsSignature(correction.stepLabel)}
        </p>
      ) : null}
      {correction && correction.maySign && !correction.signed ? (
        <Form method="post">
          <h3>{t.correctionSignHeading(correction.stepLabel)}</h3>
          <p>{t.correctionSignIntro}</p>
          <input type="hidden" name="intent" value="sign_correction" />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="contentHash" value={contentHash} />
          <div className="field field--checkbox">
            <input
              id="correction-confirm"
              name="confirm"
              type="checkbox"
              aria-invalid={errors.correctionConfirm ? true : undefined}
              aria-describedby={errors.correctionConfirm ? "correction-confirm-error" : undefined}
            />
            <label htmlFor="correction-confirm">{t.correctionSignConfirm}</label>
            {errors.correctionConfirm ? (
              <p className="field-error" id="correction-confirm-error">
                {errors.correctionConfirm}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button">
            {t.correctionSign}
          </button>
        </Form>
      ) : null}
      {publish && (!correction || correction.signed) ? (
        <Form method="post">
          <input type="hidden" name="intent" value="publish_correction" />
          <input type="hidden" name="version" value={version} />
          <div className="field">
            <label htmlFor="correction-note">{t.correctionNote}</label>
            <textarea
              id="correction-note"
              name="correctionNote"
              rows={3}
              defaultValue={note}
              aria-invalid={errors.correctionNote ? true : undefined}
              aria-describedby={errors.correctionNote ? "correction-note-error" : undefined}
            />
            {errors.correctionNote ? (
              <p className="field-error" id="correction-note-error">
                {errors.correctionNote}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--primary">
            {t.correctionPublish}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
