/**
 * Who hears of what happens to an inquiry, and when a deadline reminder is due — pure, no I/O.
 *
 * An inquiry event (the lifecycle engine's event names and the non-lifecycle names of ./events)
 * maps to pairs of (audience, kind); the server resolves an audience to users through their memberships,
 * checks that each may see the inquiry and applies their preferences. Unknown event types notify nobody.
 */
import { OPEN_STATUSES, daysBetween } from "./dashboard";

export { daysBetween };

export const NOTIFICATION_KINDS = [
  "received",
  "number_assigned",
  "accepted",
  "inadmissible",
  "assigned",
  "extension_requested",
  "extended",
  "extension_refused",
  "withdrawn",
  "answered",
  "on_agenda",
  "decided",
  "due_soon",
  "overdue",
  "consultation_requested",
  "consultation_answered",
  "contribution_requested",
  "contribution_delivered",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * Groups of people of the inquiry's body:
 * - council_office: members with the role council_office;
 * - faction: faction members of the originating faction;
 * - departments: clerks and department heads of the lead and the contributing departments;
 * - lead_department: the same, of the lead department only;
 * - organizations: clerks and department heads of the named departments (e.g. newly added contributors);
 * - requesting_department: the department that asked for an extension (resolved by the server).
 */
export type Audience =
  | { kind: "council_office" }
  | { kind: "faction" }
  | { kind: "departments" }
  | { kind: "lead_department" }
  | { kind: "organizations"; organizationIds: string[] }
  | { kind: "requesting_department"; organizationId: string | null }
  /** The data protection officers of one DPO office. */
  | { kind: "dpo_office"; organizationId: string };

export interface NotificationTarget {
  audience: Audience;
  kind: NotificationKind;
}

export interface InquiryEventFacts {
  /** "inquiry" or "answer": answer-lifecycle events are not notified here (the answer's own work). */
  aggregateType: string;
  type: string;
  payload: Record<string, unknown>;
}

const COUNCIL_OFFICE: Audience = { kind: "council_office" };
const FACTION: Audience = { kind: "faction" };
const DEPARTMENTS: Audience = { kind: "departments" };

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string" && v.length > 0) : [];
}

/** The notifications an inquiry event causes, before recipients, visibility and preferences are applied. */
export function notificationTargets(event: InquiryEventFacts): NotificationTarget[] {
  if (event.aggregateType === "answer" || event.aggregateType === "consultation") return consultationTargets(event);
  if (event.aggregateType !== "inquiry") return [];
  const p = event.payload;
  switch (event.type) {
    case "submit":
      return [
        { audience: COUNCIL_OFFICE, kind: "received" },
        { audience: FACTION, kind: "number_assigned" },
      ];
    case "accept":
      return [{ audience: FACTION, kind: "accepted" }];
    case "declare_inadmissible":
      return [{ audience: FACTION, kind: "inadmissible" }];
    case "assign":
      return [{ audience: DEPARTMENTS, kind: "assigned" }];
    case "contributors_changed": {
      const added = stringList(p.added);
      return added.length ? [{ audience: { kind: "organizations", organizationIds: added }, kind: "assigned" }] : [];
    }
    case "extension_requested":
      return [{ audience: COUNCIL_OFFICE, kind: "extension_requested" }];
    case "extend_deadline":
      return [
        { audience: FACTION, kind: "extended" },
        { audience: DEPARTMENTS, kind: "extended" },
      ];
    case "extension_refused": {
      const requester = typeof p.requestedByOrganizationId === "string" ? p.requestedByOrganizationId : null;
      return [{ audience: { kind: "requesting_department", organizationId: requester }, kind: "extension_refused" }];
    }
    case "withdraw":
      return [
        { audience: COUNCIL_OFFICE, kind: "withdrawn" },
        { audience: DEPARTMENTS, kind: "withdrawn" },
      ];
    case "answer":
      return [{ audience: FACTION, kind: "answered" }];
    case "put_on_agenda":
      return [{ audience: FACTION, kind: "on_agenda" }];
    case "decide":
      return [{ audience: FACTION, kind: "decided" }];
    default:
      return [];
  }
}

/**
 * Consultations (app/server/consultations): the consulted office hears of a request, the lead department of
 * a statement, a contribution or an authority's letter. Other answer events notify nobody here.
 */
function consultationTargets(event: InquiryEventFacts): NotificationTarget[] {
  const addressee =
    typeof event.payload.addresseeOrganizationId === "string" ? event.payload.addresseeOrganizationId : null;
  const LEAD: Audience = { kind: "lead_department" };
  switch (event.type) {
    case "request_consultation":
      return addressee
        ? [{ audience: { kind: "dpo_office", organizationId: addressee }, kind: "consultation_requested" }]
        : [];
    case "contribution_requested":
      return addressee
        ? [{ audience: { kind: "organizations", organizationIds: [addressee] }, kind: "contribution_requested" }]
        : [];
    case "consultation_answered":
    case "authority_letter_received":
      return [{ audience: LEAD, kind: "consultation_answered" }];
    case "contribution_delivered":
      return [{ audience: LEAD, kind: "contribution_delivered" }];
    default:
      return [];
  }
}

// ---- preferences ------------------------------------------------------------------------------------

export const DEFAULT_DUE_SOON_DAYS = 3;
export const MIN_DUE_SOON_DAYS = 1;
export const MAX_DUE_SOON_DAYS = 60;

export interface NotificationPreference {
  inApp: boolean;
  email: boolean;
  /** Only for due_soon: how many days before the due date the reminder comes. */
  dueSoonDays: number;
}

/**
 * E-mail by default for what asks the reader to act or closes their matter (assigned to you, a deadline
 * coming or missed, an extension to decide or granted, the number and due date of one's own inquiry, its
 * outcome); the rest only in the workspace. See the explanation in texts/notifications.ts.
 */
const EMAIL_BY_DEFAULT: readonly NotificationKind[] = [
  "number_assigned",
  "inadmissible",
  "assigned",
  "extension_requested",
  "extended",
  "answered",
  "decided",
  "due_soon",
  "overdue",
  // Asks the reader to act: write a statement or a contribution by its due date.
  "consultation_requested",
  "contribution_requested",
];

export function defaultPreference(kind: NotificationKind): NotificationPreference {
  return { inApp: true, email: EMAIL_BY_DEFAULT.includes(kind), dueSoonDays: DEFAULT_DUE_SOON_DAYS };
}

/** A stored preference row (or none) → the effective preference. */
export function effectivePreference(
  kind: NotificationKind,
  stored: { inApp: boolean; email: boolean; dueSoonDays: number | null } | undefined,
): NotificationPreference {
  const fallback = defaultPreference(kind);
  if (!stored) return fallback;
  return { inApp: stored.inApp, email: stored.email, dueSoonDays: stored.dueSoonDays ?? fallback.dueSoonDays };
}

// ---- deadline reminders -------------------------------------------------------------------------------

/** Inquiry states in which a deadline still runs (the dashboards' open states). */
export const OPEN_FOR_DEADLINES = OPEN_STATUSES;

/** The due date has passed: it was before today (today in the body's time zone). */
export function isOverdue(today: string, dueOn: string): boolean {
  return daysBetween(today, dueOn) < 0;
}

/** Today lies within the last `days` days before the due date, the due day itself included. */
export function isDueSoon(today: string, dueOn: string, days: number): boolean {
  const left = daysBetween(today, dueOn);
  return left >= 0 && left <= days;
}

/** Makes repeated scans idempotent; a new due date (extension) gives new keys and so new reminders. */
export function reminderDedupeKey(kind: "due_soon" | "overdue", inquiryId: string, dueOn: string): string {
  return `${kind}:${inquiryId}:${dueOn}`;
}

// ---- which kinds a user can receive ------------------------------------------------------------------

/**
 * The kinds each group of recipients receives (notificationTargets above and the deadline reminders): the
 * preferences page offers a user only the kinds one of their roles can receive.
 */
const DEPARTMENT_KINDS: readonly NotificationKind[] = [
  "assigned",
  "extended",
  "extension_refused",
  "withdrawn",
  "due_soon",
  "overdue",
  "consultation_answered",
  "contribution_requested",
  "contribution_delivered",
];

export const KINDS_BY_RECIPIENT_ROLE: Readonly<
  Record<"council_office" | "faction_member" | "clerk" | "department_head" | "dpo", readonly NotificationKind[]>
> = {
  council_office: ["received", "extension_requested", "withdrawn", "due_soon", "overdue"],
  faction_member: ["number_assigned", "accepted", "inadmissible", "extended", "answered", "on_agenda", "decided"],
  clerk: DEPARTMENT_KINDS,
  department_head: DEPARTMENT_KINDS,
  dpo: ["consultation_requested"],
};

/** The kinds any of these roles receives, in the order of NOTIFICATION_KINDS. */
export function notificationKindsForRoles(roles: readonly string[]): NotificationKind[] {
  const received = new Set(
    roles.flatMap((r) => (KINDS_BY_RECIPIENT_ROLE as Record<string, readonly NotificationKind[]>)[r] ?? []),
  );
  return NOTIFICATION_KINDS.filter((k) => received.has(k));
}
