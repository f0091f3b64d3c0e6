/** Responsibility, deadline history, open requests, Beratungsfolge, visibility, withdrawal and motion decision. */
import { formatDate } from "~/domain/format";
import { motionDecisionLabels } from "~/domain/labels";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { typeWords } from "~/domain/texts/type-words";

export function WorkflowFacts({ workflow }: { workflow: WorkflowView }) {
  return (
    <section aria-labelledby="workflow-heading">
      <h2 id="workflow-heading">{t.workflowHeading}</h2>
      <dl className="meta">
        <dt>{t.contributors}</dt>
        <dd>{workflow.contributors.length ? workflow.contributors.map((c) => c.name).join(", ") : t.noContributors}</dd>
        {workflow.visibilityReason ? (
          <>
            <dt>{t.visibilityReason}</dt>
            <dd>{workflow.visibilityReason}</dd>
          </>
        ) : null}
        {workflow.questionTextHiddenReason ? (
          <>
            <dt>{t.questionTextHiddenFact}</dt>
            <dd>{workflow.questionTextHiddenReason}</dd>
          </>
        ) : null}
        {workflow.withdrawnOn ? (
          <>
            <dt>{t.withdrawal}</dt>
            <dd>
              {formatDate(workflow.withdrawnOn)}
              {workflow.withdrawalNote ? ` – ${workflow.withdrawalNote}` : null}
            </dd>
          </>
        ) : null}
        {workflow.motionDecision ? (
          <>
            <dt>{t.motionDecision}</dt>
            <dd>
              {motionDecisionLabels[workflow.motionDecision]}
              {workflow.motionDecisionNote ? ` – ${workflow.motionDecisionNote}` : null}
            </dd>
          </>
        ) : null}
      </dl>

      <h3>{t.extensionsHeading}</h3>
      {workflow.extensions.length === 0 ? (
        <p>{t.noExtensions}</p>
      ) : (
        <ul>
          {workflow.extensions.map((e) => (
            <li key={e.id}>{t.extensionLine(formatDate(e.previousDueOn), formatDate(e.newDueOn), e.reason)}</li>
          ))}
        </ul>
      )}
      {workflow.pendingRequests.length ? (
        <>
          <h3>{t.pendingHeading}</h3>
          <ul>
            {workflow.pendingRequests.map((r) => (
              <li key={r.id}>{t.pendingLine(r.organizationName, formatDate(r.requestedDueOn), r.reason)}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t.agendaHeading}</h3>
      {workflow.agenda.length === 0 ? (
        <p>{t.noAgenda}</p>
      ) : (
        <ul>
          {workflow.agenda.map((a) => (
            <li key={`${a.agendaItemId}-${a.purpose}`}>
              {t.agendaLine(a.meetingName, formatDate(a.meetingDate), a.itemNumber, a.itemTitle)} (
              {typeWords({ lifecycle: workflow.lifecycle }).agendaPurposes[a.purpose]}
              {a.roleLabel ? `, ${a.roleLabel}` : null})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
