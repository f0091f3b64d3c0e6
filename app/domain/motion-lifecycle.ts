/**
 * Motion lifecycle (Antrag, e.g. the Scharnebeck seed): draft → submitted → on_agenda → decided
 * (adopted | rejected | referred), withdrawn before the decision. Motions live in the inquiries table.
 */
import { SUBMIT_TRANSITION, withdrawalTransitions, type Lifecycle } from "./lifecycle";

export const MOTION_STATES = ["draft", "submitted", "on_agenda", "decided", "withdrawn"] as const;
export type MotionState = (typeof MOTION_STATES)[number];

export const MOTION_EVENTS = ["submit", "put_on_agenda", "decide", "withdraw"] as const;
export type MotionEvent = (typeof MOTION_EVENTS)[number];

const withdrawals = withdrawalTransitions<MotionState>(["submitted", "on_agenda"], "withdrawn");

export const motionLifecycle: Lifecycle<MotionState, MotionEvent> = {
  name: "motion",
  states: MOTION_STATES,
  events: MOTION_EVENTS,
  transitions: [
    SUBMIT_TRANSITION,
    { from: "submitted", event: "put_on_agenda", to: "on_agenda", publicEvent: true, roles: ["council_office"] },
    {
      from: "on_agenda",
      event: "decide",
      to: "decided",
      guards: ["decision_given", "decision_meeting_held"],
      sideEffects: ["record_motion_decision"],
      publicEvent: true,
      // The council office records what the council decided.
      roles: ["council_office"],
    },
    ...withdrawals,
  ],
};
