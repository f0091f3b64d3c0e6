/**
 * Every name an event row may carry — the one list. The schema types `events.type` with `EventName`, so a row
 * under any other name does not type-check. Lifecycle transitions are logged under the engine's event names
 * (./inquiry-lifecycle, ./motion-lifecycle, ./answer-lifecycle); everything else is named below.
 */
import { ANSWER_EVENTS } from "./answer-lifecycle";
import { INQUIRY_EVENTS } from "./inquiry-lifecycle";
import { MOTION_EVENTS } from "./motion-lifecycle";

/** Non-lifecycle events of an inquiry, written by the recorded-command writer (staff audit views only). */
export const NON_LIFECYCLE_INQUIRY_EVENTS = [
  "draft_created",
  "draft_saved",
  "coauthors_changed",
  "extension_requested",
  "extension_refused",
  "visibility_changed",
  // The council office hid the question text of an inadmissible inquiry afterwards (issue 11).
  "question_text_hidden",
  // … and showed it again (undoing the above; the public page shows the text at once).
  "question_text_shown",
  "agenda_linked",
  "contributors_changed",
  // Written when a faction deletes its draft (the inquiry row is gone; the log keeps the fact).
  "draft_deleted",
  // Events of an answer's consultations (app/server/consultations) that do not change the answer's state.
  "contribution_requested",
  "contribution_delivered",
  "authority_letter_received",
  "authority_reply_sent",
  "consultation_quote_changed",
  // Files of a consultation: the request's attachments, an authority's letter or the reply letter (ADR 0015).
  "consultation_attachment_added",
  "consultation_attachment_removed",
  // The answer's tool inventory was edited (app/server/tools).
  "tool_inventory_changed",
  // The answer workflow (aggregate "answer"): a sign-off step signed (the last one is the lifecycle's approve),
  // and a correction of a published answer begun.
  "sign_off_signed",
  "correction_started",
  // A holding answer (Zwischennachricht): public on a public inquiry, with its note.
  "holding_answer",
  // Anlagen of the working version (ADR 0017), and the last step's signature on a correction (ADR 0011).
  "attachment_added",
  "attachment_removed",
  "attachment_visibility_changed",
  "correction_signed",
] as const;
export type NonLifecycleInquiryEvent = (typeof NON_LIFECYCLE_INQUIRY_EVENTS)[number];

/**
 * Events taken from the source documents that are not transitions in Quaestio: a supervisory authority's
 * letter arrives (it was never a draft here), and a consultation of the DPO is requested (logged on the
 * consultation, beside the answer's own lifecycle).
 */
export const RECORDED_EVENTS = ["letter_received", "consultation_requested"] as const;
export type RecordedEvent = (typeof RECORDED_EVENTS)[number];

/** A staff member opened a page showing material the public page would not (audit of reads, no label). */
export const READ_AUDIT_EVENTS = ["non_public_read"] as const;
export type ReadAuditEvent = (typeof READ_AUDIT_EVENTS)[number];

/** Account administration: invitations, roles, an administrator's changes to an account. */
export const ACCOUNT_EVENTS = [
  "user_invited",
  "invitation_accepted",
  "role_granted",
  "role_revoked",
  "user_deactivated",
  "user_reactivated",
  "mfa_reset",
] as const;
export type AccountEvent = (typeof ACCOUNT_EVENTS)[number];

/** Security log of one user: sign-in, password, second factor, sessions. */
export const SECURITY_EVENTS = [
  "signed_in",
  "sign_in_failed",
  "signed_out",
  "signed_out_everywhere",
  "session_revoked",
  "password_reset_requested",
  "password_reset",
  "password_changed",
  "password_change_failed",
  "mfa_enabled",
  "mfa_disabled",
  "mfa_verified",
  "mfa_failed",
  "recovery_code_used",
] as const;
export type SecurityEvent = (typeof SECURITY_EVENTS)[number];

export const EVENT_NAMES = [
  ...new Set([
    ...INQUIRY_EVENTS,
    ...MOTION_EVENTS,
    ...ANSWER_EVENTS,
    ...NON_LIFECYCLE_INQUIRY_EVENTS,
    ...RECORDED_EVENTS,
    ...READ_AUDIT_EVENTS,
    ...ACCOUNT_EVENTS,
    ...SECURITY_EVENTS,
  ]),
] as const;
export type EventName =
  | (typeof INQUIRY_EVENTS)[number]
  | (typeof MOTION_EVENTS)[number]
  | (typeof ANSWER_EVENTS)[number]
  | NonLifecycleInquiryEvent
  | RecordedEvent
  | ReadAuditEvent
  | AccountEvent
  | SecurityEvent;

/** Events written about an inquiry or its answer (they may notify people; see ./notifications). */
export type InquiryEventName = Exclude<EventName, AccountEvent | SecurityEvent>;

export function isEventName(value: string): value is EventName {
  return (EVENT_NAMES as readonly string[]).includes(value);
}
