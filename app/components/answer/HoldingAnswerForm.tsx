/** The lead department's holding answer (Zwischennachricht) with the expected date. */
import type { SubmissionResult } from "@conform-to/react";
import { answerText as t } from "~/domain/texts/answer";
import { ConformForm } from "../form/conform-form";
import { TextArea, TextInput } from "../form/fields";

export function HoldingAnswerForm({ version, result }: { version: number; result: SubmissionResult<string[]> | null }) {
  return (
    <section aria-labelledby="holding-heading" className="workflow-action">
      <h2 id="holding-heading">{t.holdingHeading}</h2>
      <p>{t.holdingIntro}</p>
      <ConformForm id="holding" lastResult={result} labelledBy="holding-heading">
        <input type="hidden" name="intent" value="holding_answer" />
        <input type="hidden" name="version" value={version} />
        <TextArea name="holdingMessage" label={t.holdingMessage} />
        <TextInput name="holdingExpectedOn" type="date" label={t.holdingExpectedOn} />
        <button type="submit" className="button">
          {t.holdingSubmit}
        </button>
      </ConformForm>
    </section>
  );
}
