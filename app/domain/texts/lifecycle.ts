/** German wording of the lifecycle engine (states, events, refusals), kept in one place for review. */
import type { GuardId, LifecycleName } from "../lifecycle";
import { answerStateWords, inquiryStateWords } from "./status-words";

// The pages' words for the states (status-words.ts); the engine names the answer's sign-off after its form.
const stateLabels: Record<string, string> = {
  ...inquiryStateWords,
  ...answerStateWords,
  sign_off: "in der Schlusszeichnung",
};

const eventLabels: Record<string, string> = {
  submit: "Einreichen",
  accept: "Annehmen",
  declare_inadmissible: "Für unzulässig erklären",
  assign: "Federführung zuweisen",
  start_answering: "Beantwortung beginnen",
  answer: "Als beantwortet abschließen",
  withdraw: "Zurückziehen",
  extend_deadline: "Frist verlängern",
  put_on_agenda: "Auf die Tagesordnung setzen",
  decide: "Beschluss erfassen",
  request_consultation: "Beteiligung anfragen",
  consultation_answered: "Stellungnahme eingegangen",
  send_to_sign_off: "Zur Schlusszeichnung geben",
  return_for_revision: "Zur Überarbeitung zurückgeben",
  revise: "Nach einer Zeichnung ändern",
  approve: "Freigeben",
  publish: "Veröffentlichen",
  correct: "Berichtigen",
};

const aggregateLabels: Record<LifecycleName, string> = {
  inquiry: "die Anfrage",
  motion: "der Antrag",
  answer: "die Antwort",
};

export const lifecycleText = {
  state: (state: string) => stateLabels[state] ?? state,
  event: (event: string) => eventLabels[event] ?? event,
  notAllowedInState: (lifecycle: LifecycleName, state: string, event: string) =>
    `„${eventLabels[event] ?? event}“ ist nicht möglich, solange ${aggregateLabels[lifecycle]} den Status „${stateLabels[state] ?? state}“ hat.`,
  forbidden: (_lifecycle: LifecycleName, event: string) =>
    `Sie haben in dieser Körperschaft keine Rolle, die „${eventLabels[event] ?? event}“ erlaubt.`,
  guard: {
    reason_given: "Bitte geben Sie eine Begründung an.",
    lead_department_given: "Bitte wählen Sie die federführende Organisationseinheit aus.",
    published_answer_exists:
      "Die Anfrage kann erst als beantwortet abgeschlossen werden, wenn eine Antwort veröffentlicht ist.",
    public_note_given: "Bitte geben Sie einen Hinweis an, der öffentlich beim Vorgang angezeigt wird.",
    due_date_set: "Für diesen Vorgang ist keine Frist gesetzt, die verlängert werden könnte.",
    new_due_date_after_current: "Die neue Frist muss ein gültiges Datum nach der bisherigen Frist sein.",
    decision_given: "Bitte geben Sie an, ob der Antrag angenommen, abgelehnt oder verwiesen wurde.",
    decision_meeting_held:
      "Bitte wählen Sie die Sitzung, in der beschlossen wurde: Ein Beschluss kann erst am Tag der Sitzung oder danach erfasst werden.",
    comment_given: "Bitte geben Sie einen Kommentar an, was überarbeitet werden soll.",
    all_required_steps_signed:
      "Die Antwort kann erst freigegeben werden, wenn alle erforderlichen Schritte der Schlusszeichnung gezeichnet haben.",
    no_open_consultation:
      "Die Schlusszeichnung kann erst beginnen, wenn keine Beteiligung mehr offen ist (auch keine vorgeschriebene Beteiligung der/des Datenschutzbeauftragten).",
    correction_note_given: "Bitte beschreiben Sie, was die Berichtigung ändert.",
    required_consultation_answered:
      "Die Schlusszeichnung kann erst beginnen, wenn die erforderliche Stellungnahme der/des Datenschutzbeauftragten vorliegt.",
  } satisfies Record<GuardId, string>,
  staleVersion:
    "Der Vorgang wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu; Ihre Eingaben bleiben erhalten.",
  leadDepartmentNotInBody: "Die gewählte federführende Organisationseinheit gehört nicht zu dieser Körperschaft.",
};
