/**
 * The workspace dashboards, pure: how an inquiry's deadline stands on a given day, which week and window the
 * council office looks at, and which dashboard sections a user's roles in one body give them.
 * "Today" is always the calendar date in the body's time zone, computed by the caller (app/server) and
 * passed in as an ISO date ("2026-11-23") — nothing here reads a clock.
 */
import { addDays, daysBetween, isoWeekBounds } from "./dates";
import { OPEN_STATES } from "./inquiry-lifecycle";
import type { Role } from "./policy";

/** States in which an inquiry still waits for its answer, so that its due date can pass: the lifecycle's open states. */
export const OPEN_STATUSES = OPEN_STATES;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpenStatus(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** "Bald fällig": due today or within this many days. */
export const DUE_SOON_DAYS = 7;

// Day arithmetic lives in ./dates; re-exported for the dashboard's callers.
export { addDays, daysBetween, isoWeekBounds };

/** The date windows the dashboard queries use, all derived from the body's today. */
export interface DashboardWindow {
  today: string;
  /** Last day that still counts as "bald fällig". */
  dueSoonUntil: string;
  weekStart: string;
  weekEnd: string;
}

export function dashboardWindow(today: string): DashboardWindow {
  const { monday, sunday } = isoWeekBounds(today);
  return { today, dueSoonUntil: addDays(today, DUE_SOON_DAYS), weekStart: monday, weekEnd: sunday };
}

export type DeadlineState = "overdue" | "due_today" | "due_soon" | "later" | "closed";

export interface DeadlineInfo {
  dueOn: string;
  /** Days until the due date (0 = today, negative = overdue by that many days). */
  daysLeft: number;
  state: DeadlineState;
  overdue: boolean;
  dueSoon: boolean;
  dueThisWeek: boolean;
}

/**
 * How an inquiry's deadline stands today. Null when it has no due date. A closed inquiry (answered,
 * withdrawn, inadmissible, draft, motions) is never overdue or due soon: its deadline no longer runs.
 */
export function classifyDeadline(dueOn: string | null, status: string, today: string): DeadlineInfo | null {
  if (!dueOn) return null;
  const daysLeft = daysBetween(today, dueOn);
  const open = isOpenStatus(status);
  const { monday, sunday } = isoWeekBounds(today);
  const overdue = open && daysLeft < 0;
  const dueSoon = open && daysLeft >= 0 && daysLeft <= DUE_SOON_DAYS;
  const dueThisWeek = open && dueOn >= monday && dueOn <= sunday;
  const state: DeadlineState = !open
    ? "closed"
    : overdue
      ? "overdue"
      : daysLeft === 0
        ? "due_today"
        : dueSoon
          ? "due_soon"
          : "later";
  return { dueOn, daysLeft, state, overdue, dueSoon, dueThisWeek };
}

/**
 * What a dashboard row shows of its deadline (DeadlineText): the due date, the days left and the state — the
 * rows send the browser only this, not the flags of DeadlineInfo, which the state already says.
 */
export type DeadlineBadge = Pick<DeadlineInfo, "dueOn" | "daysLeft" | "state">;

/** classifyDeadline's state without the week bounds: one day count and one status check per row. */
export function deadlineBadge(dueOn: string | null, status: string, today: string): DeadlineBadge | null {
  if (!dueOn) return null;
  const daysLeft = daysBetween(today, dueOn);
  const state: DeadlineState = !isOpenStatus(status)
    ? "closed"
    : daysLeft < 0
      ? "overdue"
      : daysLeft === 0
        ? "due_today"
        : daysLeft <= DUE_SOON_DAYS
          ? "due_soon"
          : "later";
  return { dueOn, daysLeft, state };
}

export type DashboardSection =
  | "faction_drafts"
  | "faction_in_progress"
  | "faction_due_soon"
  | "faction_answered"
  | "office_intake"
  | "office_overdue_by_department"
  | "office_due_this_week"
  | "office_extension_requests"
  | "department_assigned"
  | "dpo_consultations";

const SECTIONS_BY_ROLE: Partial<Record<Role, readonly DashboardSection[]>> = {
  faction_member: ["faction_drafts", "faction_in_progress", "faction_due_soon", "faction_answered"],
  council_office: [
    "office_intake",
    "office_overdue_by_department",
    "office_due_this_week",
    "office_extension_requests",
  ],
  clerk: ["department_assigned"],
  department_head: ["department_assigned"],
  co_signer: ["department_assigned"],
  dpo: ["dpo_consultations"],
};

const SECTION_ORDER: readonly DashboardSection[] = [
  "office_intake",
  "office_overdue_by_department",
  "office_due_this_week",
  "office_extension_requests",
  "department_assigned",
  "dpo_consultations",
  "faction_drafts",
  "faction_in_progress",
  "faction_due_soon",
  "faction_answered",
];

/**
 * The sections a user gets from their roles in one body (several roles give the union, each once, in a
 * fixed order). Executive roles and the body admin get no section of their own, only the list of all
 * inquiries they may see.
 */
export function sectionsForRoles(roles: readonly Role[]): DashboardSection[] {
  const wanted = new Set(roles.flatMap((role) => SECTIONS_BY_ROLE[role] ?? []));
  return SECTION_ORDER.filter((section) => wanted.has(section));
}

/**
 * Groups overdue items by their lead department for the council office's table, departments in the given
 * order of first appearance, items without a lead department last under the key null.
 */
export function groupByLeadDepartment<
  T extends { leadOrganizationId: string | null; leadOrganizationName: string | null },
>(items: readonly T[]): Array<{ organizationId: string | null; organizationName: string | null; items: T[] }> {
  const groups = new Map<
    string | null,
    { organizationId: string | null; organizationName: string | null; items: T[] }
  >();
  for (const item of items) {
    const key = item.leadOrganizationId;
    const group = groups.get(key) ?? { organizationId: key, organizationName: item.leadOrganizationName, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  return [...all.filter((g) => g.organizationId !== null), ...all.filter((g) => g.organizationId === null)];
}

/**
 * The inquiry lists behind the dashboard's sections that have a full, paged list of their own
 * (/arbeitsbereich/{body}/liste/{slug}?seite=N); the dashboard shows the top of each and links there.
 */
export const LIST_SECTIONS = {
  all: "alle",
  faction_drafts: "entwuerfe",
  faction_in_progress: "in-bearbeitung",
  faction_due_soon: "bald-faellig",
  faction_answered: "beantwortet",
  office_intake: "eingang",
  office_overdue: "ueberfaellig",
  office_due_this_week: "diese-woche",
  department_assigned: "zugewiesen",
} as const;
export type ListSection = keyof typeof LIST_SECTIONS;

/** The section whose URL segment is `slug`, or null. */
export function listSectionFromSlug(slug: string): ListSection | null {
  const found = Object.entries(LIST_SECTIONS).find(([, s]) => s === slug);
  return found ? (found[0] as ListSection) : null;
}

export function sectionListHref(bodySlug: string, section: ListSection, page = 1): string {
  const base = `/arbeitsbereich/${encodeURIComponent(bodySlug)}/liste/${LIST_SECTIONS[section]}`;
  return page > 1 ? `${base}?seite=${page}` : base;
}
