/** The lead department's holding answer (Zwischennachricht) with the expected date. */
import { Form } from "@remix-run/react";
import { answerText as t } from "~/domain/texts/answer";

export function HoldingAnswerForm({
  version,
  errors,
  values,
}: {
  version: number;
  errors: Record<string, string>;
  values: Record<string, string>;
}) {
  return (
    <section aria-labelledby="holding-heading" className="workflow-action">
      <h2 id="holding-heading">{t.holdingHeading}</h2>
      <p>{t.holdingIntro}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="holding_answer" />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="holding-message">{t.holdingMessage}</label>
          <textarea
            id="holding-message"
            name="holdingMessage"
            rows={3}
            defaultValue={values.holdingMessage ?? ""}
            aria-invalid={errors.holdingMessage ? true : undefined}
            aria-describedby={errors.holdingMessage ? "holding-message-error" : undefined}
          />
          {errors.holdingMessage ? (
            <p className="field-error" id="holding-message-error">
              {errors.holdingMessage}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="holding-expected">{t.holdingExpectedOn}</label>
          <input
            id="holding-expected"
            name="holdingExpectedOn"
            type="date"
            defaultValue={values.holdingExpectedOn ?? ""}
            aria-invalid={errors.holdingExpectedOn ? true : undefined}
            aria-describedby={errors.holdingExpectedOn ? "holding-expected-error" : undefined}
          />
          {errors.holdingExpectedOn ? (
            <p className="field-error" id="holding-expected-error">
              {errors.holdingExpectedOn}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button">
          {t.holdingSubmit}
        </button>
      </Form>
    </section>
  );
}
