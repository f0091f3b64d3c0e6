/**
 * The sign-off chain as a table (printable like the Norderstedt form's signature row), the content hash the
 * signatures bind to, and the forms of whoever may act now: send to sign-off, sign, return for revision.
 */
import type { SubmissionResult } from "@conform-to/react";
import { TableRegion } from "~/components/table-region";
import { BeratungsfolgeFields } from "./BeratungsfolgeFields";
import type { MeetingChoices } from "~/server/meetings/meetings.server";
import { signOffStepStatusLabels } from "~/domain/labels";
import { answerText as t } from "~/domain/texts/answer";
import type { SignOffStepView } from "~/server/answers/answer-drafts.server";
import { ConformForm } from "../form/conform-form";
import { Checkbox, TextArea, TextInput } from "../form/fields";
import type { WorkflowReplyFor } from "./workflow-input";

interface Props {
  steps: SignOffStepView[];
  version: number;
  contentHash: string;
  rights: { signStepId: string | null; sendToSignOff: boolean };
  resultFor: WorkflowReplyFor;
}

const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

export function SignOffBlock({ steps, version, contentHash, rights, resultFor }: Props) {
  const signStep = steps.find((s) => s.id === rights.signStepId);
  return (
    <section aria-labelledby="sign-off-heading" className="sign-off-block">
      <h2 id="sign-off-heading">{t.signOffHeading}</h2>
      <p>{t.signOffIntro}</p>
      {/* Five columns do not fit 320 px: the table scrolls in its own region, never the page. */}
      <TableRegion className="sign-off-table" caption={<span className="visually-hidden">{t.signOffHeading}</span>}>
        <thead>
          <tr>
            <th scope="col">{t.stepColumn}</th>
            <th scope="col">{t.statusColumn}</th>
            <th scope="col">{t.signedByColumn}</th>
            <th scope="col">{t.signedAtColumn}</th>
            <th scope="col">{t.hashColumn}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((step) => (
            <tr key={step.id}>
              <th scope="row">
                {step.label}
                {step.condition ? <span className="muted"> ({step.condition})</span> : null}
              </th>
              <td>
                {signOffStepStatusLabels[step.status]}
                {step.signature?.decision === "returned" && step.signature.comment ? (
                  <p className="preserve-lines">{step.signature.comment}</p>
                ) : null}
              </td>
              <td>{step.signature?.signerName ?? ""}</td>
              <td>{step.signature?.signedAt ?? ""}</td>
              <td>
                {step.signature ? (
                  <code title={step.signature.contentHash}>{shortHash(step.signature.contentHash)}</code>
                ) : (
                  ""
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <p>
        {t.currentHash}: <code className="hash">{contentHash}</code>
      </p>
      <p className="muted no-print">{t.printHint}</p>

      {rights.sendToSignOff ? (
        <section aria-labelledby="send-heading" className="workflow-action">
          <h3 id="send-heading">{t.sendToSignOffHeading}</h3>
          <ConformForm id="send" lastResult={resultFor("send_to_sign_off")} labelledBy="send-heading">
            <input type="hidden" name="intent" value="send_to_sign_off" />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button">
              {t.sendToSignOff}
            </button>
          </ConformForm>
        </section>
      ) : null}

      {signStep ? (
        <>
          <section aria-labelledby="sign-heading" className="workflow-action">
            <h3 id="sign-heading">{t.signHeading}</h3>
            <ConformForm id="sign" lastResult={resultFor("sign")} labelledBy="sign-heading">
              <input type="hidden" name="intent" value="sign" />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="stepId" value={signStep.id} />
              <input type="hidden" name="contentHash" value={contentHash} />
              <Checkbox name="confirm" label={t.signConfirm} />
              <button type="submit" className="button button--primary">
                {t.sign(signStep.label)}
              </button>
            </ConformForm>
          </section>
          <section aria-labelledby="return-heading" className="workflow-action">
            <h3 id="return-heading">{t.returnHeading}</h3>
            <ConformForm id="return" lastResult={resultFor("return")} labelledBy="return-heading">
              <input type="hidden" name="intent" value="return" />
              <input type="hidden" name="version" value={version} />
              <TextArea name="comment" label={t.returnComment} />
              <button type="submit" className="button">
                {t.returnSubmit}
              </button>
            </ConformForm>
          </section>
        </>
      ) : null}
    </section>
  );
}

export function PublishForm({
  version,
  reference,
  result,
  choices,
}: {
  version: number;
  reference: string;
  result: SubmissionResult<string[]> | null;
  choices: MeetingChoices | null;
}) {
  return (
    <section aria-labelledby="publish-heading" className="workflow-action">
      <h2 id="publish-heading">{t.publishHeading}</h2>
      <p>{t.publishIntro}</p>
      <ConformForm id="publish" lastResult={result} labelledBy="publish-heading">
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="version" value={version} />
        <TextInput name="documentReference" label={t.publishReference} defaultValue={reference} />
        <TextInput name="documentDate" type="date" label={t.publishDate} />
        {choices ? (
          <BeratungsfolgeFields
            choices={choices}
            errors={firstMessages(result?.error)}
            values={postedStrings(result?.initialValue)}
            idPrefix="publish-"
          />
        ) : null}
        <button type="submit" className="button button--primary">
          {t.publishSubmit}
        </button>
      </ConformForm>
    </section>
  );
}

/** The first message of each field of a Conform reply. */
function firstMessages(error: Record<string, string[] | null> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, messages] of Object.entries(error ?? {})) if (messages?.[0]) out[name] = messages[0];
  return out;
}

/** The posted text values of a Conform reply (the rows the page shows again). */
function postedStrings(initial: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(initial ?? {})) if (typeof value === "string") out[name] = value;
  return out;
}
