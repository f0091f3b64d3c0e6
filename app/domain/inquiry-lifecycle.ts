/**
 * Inquiry lifecycle (Anfrage, Kleine/Große Anfrage, Schreiben der Aufsichtsbehörde), DESIGN §3:
 * draft → submitted → (inadmissible | accepted) → assigned → answering → answered, withdrawn before answered.
 * Deadline extensions keep the state (a self-transition); due_soon and overdue are computed, not fired.
 */
import { SUBMIT_TRANSITION, withdrawalTransitions, type Lifecycle, type TransitionRow } from "./lifecycle";

export const INQUIRY_STATES = [
  "draft",
  "submitted",
  "inadmissible",
  "accepted",
  "assigned",
  "answering",
  "answered",
  "withdrawn",
] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];

export const INQUIRY_EVENTS = [
  "submit",
  "accept",
  "declare_inadmissible",
  "assign",
  "start_answering",
  "answer",
  "withdraw",
  "extend_deadline",
] as const;
export type InquiryEvent = (typeof INQUIRY_EVENTS)[number];

type Row = TransitionRow<InquiryState, InquiryEvent>;

/** States in which the inquiry is open at the administration: it may be withdrawn and its deadline extended. */
export const OPEN_STATES = [
  "submitted",
  "accepted",
  "assigned",
  "answering",
] as const satisfies readonly InquiryState[];

const withdrawals = withdrawalTransitions<InquiryState>(OPEN_STATES, "withdrawn");

const extensions: Row[] = OPEN_STATES.map((from) => ({
  from,
  event: "extend_deadline",
  to: from,
  guards: ["reason_given", "due_date_set", "new_due_date_after_current"],
  sideEffects: ["record_deadline_extension"],
  // Extensions are shown publicly, with their reason (DESIGN §3).
  publicEvent: true,
  roles: ["council_office"],
}));

export const inquiryLifecycle: Lifecycle<InquiryState, InquiryEvent> = {
  name: "inquiry",
  states: INQUIRY_STATES,
  events: INQUIRY_EVENTS,
  transitions: [
    SUBMIT_TRANSITION,
    { from: "submitted", event: "accept", to: "accepted", publicEvent: true, roles: ["council_office"] },
    {
      from: "submitted",
      event: "declare_inadmissible",
      to: "inadmissible",
      guards: ["reason_given"],
      publicEvent: true,
      roles: ["council_office"],
    },
    {
      from: "accepted",
      event: "assign",
      to: "assigned",
      guards: ["lead_department_given"],
      sideEffects: ["set_lead_department"],
      publicEvent: true,
      roles: ["council_office"],
    },
    // The department takes the inquiry up; internal work, not on the public timeline.
    {
      from: "assigned",
      event: "start_answering",
      to: "answering",
      publicEvent: false,
      roles: ["clerk", "department_head"],
    },
    {
      from: "answering",
      event: "answer",
      to: "answered",
      guards: ["published_answer_exists"],
      publicEvent: true,
      roles: ["council_office"],
    },
    ...withdrawals,
    ...extensions,
  ],
};
