/**
 * The sign-off chain as a table (printable like the Norderstedt form's signature row), the content hash the
 * signatures bind to, and the forms of whoever may act now: send to sign-off, sign, return for revision.
 */
import { Form } from "@remix-run/react";
import { TableRegion } from "~/components/table-region";
import { BeratungsfolgeFields } from "./BeratungsfolgeFields";
import type { MeetingChoices } from "~/server/meetings/meetings.server";
import { signOffStepStatusLabels } from "~/domain/labels";
import { answerText as t } from "~/domain/texts/answer";
import type { SignOffStepView } from "~/server/answers/answer-drafts.server";

interface Props {
  steps: SignOffStepView[];
  version: number;
  contentHash: string;
  rights: { signStepId: string | null; sendToSignOff: boolean };
  errors: Record<string, string>;
  comment: string;
}

const shortHash = (hash: string) => `${hash.slice(0, 12)}…`;

export function SignOffBlock({ steps, version, contentHash, rights, errors, comment }: Props) {
  const signStep = steps.find((s) => s.id === rights.signStepId);
  return (
    <section aria-labelledby="sign-off-heading" className="sign-off-block">
      <h2 id="sign-off-heading">{t.signOffHeading}</h2>
      <p>{t.signOffIntro}</p>
      {errors.signOff ? (
        <p className="notice notice--error" role="alert">
          {errors.signOff}
        </p>
      ) : null}
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
        <Form method="post" className="workflow-action">
          <h3 id="send-heading">{t.sendToSignOffHeading}</h3>
          <input type="hidden" name="intent" value="send_to_sign_off" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button">
            {t.sendToSignOff}
          </button>
        </Form>
      ) : null}

      {signStep ? (
        <>
          <Form method="post" className="workflow-action" aria-labelledby="sign-heading">
            <h3 id="sign-heading">{t.signHeading}</h3>
            <input type="hidden" name="intent" value="sign" />
            <input type="hidden" name="version" value={version} />
            <input type="hidden" name="stepId" value={signStep.id} />
            <input type="hidden" name="contentHash" value={contentHash} />
            <div className="field field--checkbox">
              <input
                id="sign-confirm"
                name="confirm"
                type="checkbox"
                aria-invalid={errors.confirm ? true : undefined}
                aria-describedby={errors.confirm ? "sign-confirm-error" : undefined}
              />
              <label htmlFor="sign-confirm">{t.signConfirm}</label>
              {errors.confirm ? (
                <p className="field-error" id="sign-confirm-error">
                  {errors.confirm}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button button--primary">
              {t.sign(signStep.label)}
            </button>
          </Form>
          <Form method="post" className="workflow-action" aria-labelledby="return-heading">
            <h3 id="return-heading">{t.returnHeading}</h3>
            <input type="hidden" name="intent" value="return" />
            <input type="hidden" name="version" value={version} />
            <div className="field">
              <label htmlFor="return-comment">{t.returnComment}</label>
              <textarea
                id="return-comment"
                name="comment"
                rows={3}
                defaultValue={comment}
                aria-invalid={errors.comment ? true : undefined}
                aria-describedby={errors.comment ? "return-comment-error" : undefined}
              />
              {errors.comment ? (
                <p className="field-error" id="return-comment-error">
                  {errors.comment}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button">
              {t.returnSubmit}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}

export function PublishForm({
  version,
  reference,
  errors,
  values,
  choices,
}: {
  version: number;
  reference: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  choices: MeetingChoices | null;
}) {
  return (
    <section aria-labelledby="publish-heading" className="workflow-action">
      <h2 id="publish-heading">{t.publishHeading}</h2>
      <p>{t.publishIntro}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="publish" />
        <input type="hidden" name="version" value={version} />
        <div className="field">
          <label htmlFor="publish-reference">{t.publishReference}</label>
          <input
            id="publish-reference"
            name="documentReference"
            type="text"
            defaultValue={values.documentReference ?? reference}
            aria-invalid={errors.documentReference ? true : undefined}
            aria-describedby={errors.documentReference ? "publish-reference-error" : undefined}
          />
          {errors.documentReference ? (
            <p className="field-error" id="publish-reference-error">
              {errors.documentReference}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="publish-date">{t.publishDate}</label>
          <input
            id="publish-date"
            name="documentDate"
            type="date"
            defaultValue={values.documentDate ?? ""}
            aria-invalid={errors.documentDate ? true : undefined}
            aria-describedby={errors.documentDate ? "publish-date-error" : undefined}
          />
          {errors.documentDate ? (
            <p className="field-error" id="publish-date-error">
              {errors.documentDate}
            </p>
          ) : null}
        </div>
        {choices ? <BeratungsfolgeFields choices={choices} errors={errors} values={values} /> : null}
        <button type="submit" className="button button--primary">
          {t.publishSubmit}
        </button>
      </Form>
    </section>
  );
}
