/** Starting a correction (lead department) and publishing it with its note (council office). */
import { answerText as t } from "~/domain/texts/answer";
import { ConformForm } from "../form/conform-form";
import { Checkbox, TextArea } from "../form/fields";
import type { WorkflowReplyFor } from "./workflow-input";

export function CorrectionForms({
  version,
  start,
  publish,
  correction,
  contentHash,
  resultFor,
}: {
  version: number;
  start: boolean;
  publish: boolean;
  correction: null | { stepLabel: string; signed: boolean; maySign: boolean };
  contentHash: string;
  resultFor: WorkflowReplyFor;
}) {
  return (
    <section aria-labelledby="correction-heading" className="workflow-action">
      <h2 id="correction-heading">{t.correctionHeading}</h2>
      <p>{t.correctionIntro}</p>
      {start ? (
        <ConformForm id="correction-start" lastResult={resultFor("start_correction")} labelledBy="correction-heading">
          <input type="hidden" name="intent" value="start_correction" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button">
            {t.correctionStart}
          </button>
        </ConformForm>
      ) : null}
      {correction ? (
        <p className="notice" role="note">
          {correction.signed
            ? t.correctionSigned(correction.stepLabel)
            : t.correctionAwaitsSignature(correction.stepLabel)}
        </p>
      ) : null}
      {correction && correction.maySign && !correction.signed ? (
        <section aria-labelledby="correction-sign-heading">
          <h3 id="correction-sign-heading">{t.correctionSignHeading(correction.stepLabel)}</h3>
          <p>{t.correctionSignIntro}</p>
          <ConformForm
            id="correction-sign"
            lastResult={resultFor("sign_correction")}
            labelledBy="correction-sign-heading"
          >
            <input type="hidden" name="intent" value="sign_correction" />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="contentHash" value={contentHash} />
            <Checkbox name="confirm" label={t.correctionSignConfirm} />
            <button type="submit" className="button">
              {t.correctionSign}
            </button>
          </ConformForm>
        </section>
      ) : null}
      {publish && (!correction || correction.signed) ? (
        <ConformForm
          id="correction-publish"
          lastResult={resultFor("publish_correction")}
          labelledBy="correction-heading"
        >
          <input type="hidden" name="intent" value="publish_correction" />
          <input type="hidden" name="version" value={version} />
          <TextArea name="correctionNote" label={t.correctionNote} />
          <button type="submit" className="button button--primary">
            {t.correctionPublish}
          </button>
        </ConformForm>
      ) : null}
    </section>
  );
}
