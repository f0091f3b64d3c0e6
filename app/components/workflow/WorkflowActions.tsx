/** The forms of exactly the actions the user may take now (app/domain/workflow.ts decided which). */
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { workflowText as t } from "~/domain/texts/workflow";
import type { WorkflowView } from "~/server/inquiries/workflow-view.server";
import { AgendaForm, DecideForm } from "./AgendaForms";
import { DecideExtensionForms, ExtendDeadlineForm, RequestExtensionForm } from "./ExtensionForms";
import { emptyState, type FormState } from "./fields";
import {
  AcceptForms,
  AssignForm,
  ContributorsForm,
  HideQuestionTextForm,
  ShowQuestionTextForm,
  StartAnsweringForm,
  VisibilityForm,
  WithdrawForm,
} from "./IntakeForms";

export interface LastResult extends FormState {
  intent: string;
  /** The message about the whole form (not one field), e.g. a conflict or a refused step. */
  formError?: string;
  done?: boolean;
}

export function WorkflowActions({
  inquiryId,
  visibility,
  dueOn,
  workflow,
  last,
}: {
  inquiryId: string;
  visibility: "public" | "internal";
  dueOn: string | null;
  workflow: WorkflowView;
  last: LastResult | undefined;
}) {
  const can = (action: (typeof workflow.actions)[number]) => workflow.actions.includes(action);
  // A successful action re-renders the page with the new version: forms start empty again.
  const stateFor = (intent: string): FormState => (last && !last.done && last.intent === intent ? last : emptyState);
  const v = workflow.version;
  // The form of the refused action may be gone (e.g. someone else accepted first): then say it here.
  const lastAction =
    last?.intent === "grant_extension" || last?.intent === "refuse_extension"
      ? "decide_extension_request"
      : last?.intent;
  const orphanError = last?.formError && !workflow.actions.some((a) => a === lastAction) ? last.formError : null;
  // After an action the forms are mounted anew (new version): the focus goes to the message that says what
  // happened, never to <body> (WCAG 2.4.3, 4.1.3).
  const statusRef = useRef<HTMLParagraphElement>(null);
  const orphanRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (last?.done) statusRef.current?.focus();
    else if (orphanError) orphanRef.current?.focus();
  }, [last, orphanError]);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t.actionsHeading}</h2>
      <p role="status" aria-live="polite" className={last?.done ? "notice" : undefined} tabIndex={-1} ref={statusRef}>
        {last?.done ? (t.done[last.intent] ?? "") : ""}
      </p>
      {orphanError ? (
        <p className="form-error notice notice--error" role="alert" tabIndex={-1} ref={orphanRef}>
          {orphanError}
        </p>
      ) : null}
      {workflow.actions.length === 0 ? <p>{t.noActions}</p> : null}
      <div key={v}>
        {can("edit_draft") ? (
          <p>
            <Link to={`/arbeitsbereich/entwurf/${inquiryId}`}>{t.editDraft}</Link>
          </p>
        ) : null}
        {can("accept") || can("declare_inadmissible") ? (
          <AcceptForms
            version={v}
            stateFor={stateFor}
            canAccept={can("accept")}
            canDecline={can("declare_inadmissible")}
          />
        ) : null}
        {can("assign") ? <AssignForm version={v} workflow={workflow} state={stateFor("assign")} /> : null}
        {can("start_answering") ? <StartAnsweringForm version={v} state={stateFor("start_answering")} /> : null}
        {can("change_contributors") ? (
          <ContributorsForm version={v} workflow={workflow} state={stateFor("change_contributors")} />
        ) : null}
        {can("put_on_agenda") ? (
          <AgendaForm intent="put_on_agenda" version={v} workflow={workflow} state={stateFor("put_on_agenda")} />
        ) : null}
        {can("decide") ? <DecideForm version={v} workflow={workflow} state={stateFor("decide")} /> : null}
        {can("request_extension") ? (
          <RequestExtensionForm version={v} dueOn={dueOn} state={stateFor("request_extension")} />
        ) : null}
        {can("decide_extension_request") ? (
          <DecideExtensionForms version={v} dueOn={dueOn} workflow={workflow} stateFor={stateFor} />
        ) : null}
        {can("extend_deadline") ? (
          <ExtendDeadlineForm version={v} dueOn={dueOn} state={stateFor("extend_deadline")} />
        ) : null}
        {can("link_agenda") ? (
          <AgendaForm intent="link_agenda" version={v} workflow={workflow} state={stateFor("link_agenda")} />
        ) : null}
        {can("change_visibility") ? (
          <VisibilityForm version={v} current={visibility} state={stateFor("change_visibility")} />
        ) : null}
        {can("hide_question_text") ? <HideQuestionTextForm version={v} state={stateFor("hide_question_text")} /> : null}
        {can("show_question_text") ? <ShowQuestionTextForm version={v} state={stateFor("show_question_text")} /> : null}
        {can("withdraw") ? <WithdrawForm version={v} state={stateFor("withdraw")} /> : null}
      </div>
    </section>
  );
}
