/**
 * Answer lifecycle, DESIGN §3: drafting → consultation (DPO, optional) → sign_off → approved → published,
 * returned from sign-off to drafting with a comment, and corrected after publication (a correction is a new
 * version; the published one stays readable).
 */
import type { Lifecycle } from "./lifecycle";
import type { Role } from "./policy";

export const ANSWER_STATES = ["drafting", "consultation", "sign_off", "approved", "published"] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export const ANSWER_EVENTS = [
  "request_consultation",
  "consultation_answered",
  "send_to_sign_off",
  "return_for_revision",
  "revise",
  "approve",
  "publish",
  "correct",
] as const;
export type AnswerEvent = (typeof ANSWER_EVENTS)[number];

const DRAFTERS: readonly Role[] = ["clerk", "department_head"];
/** Everyone in a sign-off chain may send the answer back. */
const SIGNERS: readonly Role[] = ["department_head", "co_signer", "councillor", "mayor"];

export const answerLifecycle: Lifecycle<AnswerState, AnswerEvent> = {
  name: "answer",
  states: ANSWER_STATES,
  events: ANSWER_EVENTS,
  transitions: [
    { from: "drafting", event: "request_consultation", to: "consultation", publicEvent: false, roles: DRAFTERS },
    {
      from: "consultation",
      event: "consultation_answered",
      to: "drafting",
      publicEvent: false,
      roles: ["dpo", ...DRAFTERS],
    },
    // A DPO statement required by the inquiry type or a tool of the inventory must be there, and no
    // consultation may still be open.
    {
      from: "drafting",
      event: "send_to_sign_off",
      to: "sign_off",
      guards: ["no_open_consultation", "required_consultation_answered"],
      publicEvent: false,
      roles: DRAFTERS,
    },
    {
      from: "sign_off",
      event: "return_for_revision",
      to: "drafting",
      guards: ["comment_given"],
      sideEffects: ["invalidate_signatures"],
      publicEvent: false,
      roles: SIGNERS,
    },
    // The lead department changes the text after someone signed: every signature on the old text lapses.
    {
      from: "sign_off",
      event: "revise",
      to: "drafting",
      sideEffects: ["invalidate_signatures"],
      publicEvent: false,
      roles: DRAFTERS,
    },
    // The last signature of the chain approves; the chain ends with the administration's head (mayor role).
    {
      from: "sign_off",
      event: "approve",
      to: "approved",
      guards: ["all_required_steps_signed"],
      publicEvent: false,
      roles: ["mayor"],
    },
    {
      from: "approved",
      event: "publish",
      to: "published",
      sideEffects: ["publish_answer_version"],
      publicEvent: true,
      roles: ["council_office"],
    },
    {
      from: "published",
      event: "correct",
      to: "published",
      guards: ["correction_note_given"],
      sideEffects: ["create_corrected_version"],
      publicEvent: true,
      roles: ["council_office"],
    },
  ],
};
