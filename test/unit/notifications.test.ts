import { describe, expect, it } from "vitest";
import { isoDateInTimeZone } from "~/domain/format";
import {
  NOTIFICATION_KINDS,
  defaultPreference,
  effectivePreference,
  isDueSoon,
  isOverdue,
  notificationTargets,
  reminderDedupeKey,
  type NotificationKind,
} from "~/domain/notifications";
import { notificationText } from "~/domain/texts/notifications";

const inquiryEvent = (type: string, payload: Record<string, unknown> = {}) => ({
  aggregateType: "inquiry",
  type,
  payload,
});
/** "audience:kind" strings, easy to compare. */
const targets = (type: string, payload?: Record<string, unknown>) =>
  notificationTargets(inquiryEvent(type, payload)).map((t) => {
    const a = t.audience;
    const detail =
      a.kind === "organizations"
        ? `(${a.organizationIds.join(",")})`
        : a.kind === "requesting_department"
          ? `(${a.organizationId ?? "?"})`
          : "";
    return `${a.kind}${detail}:${t.kind}`;
  });

describe("who hears of an inquiry event", () => {
  const cases: Array<[string, Record<string, unknown> | undefined, string[]]> = [
    ["submit", undefined, ["council_office:received", "faction:number_assigned"]],
    ["accept", undefined, ["faction:accepted"]],
    ["declare_inadmissible", { reason: "x" }, ["faction:inadmissible"]],
    ["assign", { leadOrganizationId: "d1" }, ["departments:assigned"]],
    ["contributors_changed", { added: ["d2", "d3"], removed: ["d4"] }, ["organizations(d2,d3):assigned"]],
    ["contributors_changed", { added: [], removed: ["d4"] }, []],
    ["contributors_changed", { added: "d2" }, []],
    ["extension_requested", { requestedDueOn: "2026-12-01" }, ["council_office:extension_requested"]],
    ["extend_deadline", { newDueOn: "2026-12-01" }, ["faction:extended", "departments:extended"]],
    ["extension_refused", { requestedByOrganizationId: "d1" }, ["requesting_department(d1):extension_refused"]],
    ["extension_refused", {}, ["requesting_department(?):extension_refused"]],
    ["withdraw", undefined, ["council_office:withdrawn", "departments:withdrawn"]],
    ["answer", undefined, ["faction:answered"]],
    ["put_on_agenda", undefined, ["faction:on_agenda"]],
    ["decide", { decision: "adopted" }, ["faction:decided"]],
    // Events that concern nobody else, and names nobody knows.
    ["start_answering", undefined, []],
    ["draft_created", undefined, []],
    ["coauthors_changed", undefined, []],
    ["visibility_changed", undefined, []],
    ["agenda_linked", undefined, []],
    ["something_new", undefined, []],
    ["", undefined, []],
  ];
  it.each(cases)("%s %j → %j", (type, payload, expected) => {
    expect(targets(type, payload)).toEqual(expected);
  });

  it("answer-lifecycle events (aggregate 'answer') notify nobody, even with an inquiry event's name", () => {
    expect(notificationTargets({ aggregateType: "answer", type: "submit", payload: {} })).toEqual([]);
    expect(notificationTargets({ aggregateType: "answer", type: "publish", payload: {} })).toEqual([]);
  });
});

describe("default preferences", () => {
  const emailByDefault: NotificationKind[] = [
    "number_assigned",
    "inadmissible",
    "assigned",
    "extension_requested",
    "extended",
    "answered",
    "decided",
    "due_soon",
    "overdue",
    "consultation_requested",
    "contribution_requested",
  ];
  it.each(NOTIFICATION_KINDS.map((k) => [k]))("%s: in the workspace always; by e-mail as documented", (kind) => {
    expect(defaultPreference(kind)).toEqual({ inApp: true, email: emailByDefault.includes(kind), dueSoonDays: 3 });
  });

  it("a stored choice wins; a missing due-soon day count falls back to 3", () => {
    expect(effectivePreference("assigned", { inApp: false, email: false, dueSoonDays: null })).toEqual({
      inApp: false,
      email: false,
      dueSoonDays: 3,
    });
    expect(effectivePreference("due_soon", { inApp: true, email: false, dueSoonDays: 10 })).toEqual({
      inApp: true,
      email: false,
      dueSoonDays: 10,
    });
    expect(effectivePreference("received", undefined)).toEqual({ inApp: true, email: false, dueSoonDays: 3 });
  });

  it("every kind has a German label and hint for the preferences page", () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(notificationText.kinds[kind].label.length).toBeGreaterThan(3);
      expect(notificationText.kinds[kind].hint.length).toBeGreaterThan(3);
    }
  });
});

describe("deadline reminders", () => {
  const dueSoonCases: Array<[string, string, number, boolean]> = [
    ["2026-11-27", "2026-11-30", 3, true],
    ["2026-11-26", "2026-11-30", 3, false],
    ["2026-11-30", "2026-11-30", 3, true], // the due day itself
    ["2026-12-01", "2026-11-30", 3, false], // past: overdue, not due soon
    ["2026-11-29", "2026-11-30", 1, true],
    ["2026-11-28", "2026-11-30", 1, false],
    // Month and year ends: calendar days, not 30-day months.
    ["2026-01-29", "2026-02-01", 3, true],
    ["2026-01-28", "2026-02-01", 3, false],
    ["2024-02-27", "2024-03-01", 3, true], // leap year: 27 → 1 March is 3 days
    ["2026-02-26", "2026-03-01", 3, true], // not a leap year: 26 Feb → 1 March is 3 days
    ["2026-02-25", "2026-03-01", 3, false],
    ["2026-12-30", "2027-01-02", 3, true],
    ["2026-10-02", "2026-11-30", 60, true], // 59 days
    ["2026-10-01", "2026-11-30", 60, true], // 60 days
    ["2026-09-30", "2026-11-30", 60, false], // 61 days
    // Daylight saving time ends on 25 October 2026 in Germany: still whole days.
    ["2026-10-24", "2026-10-27", 3, true],
  ];
  it.each(dueSoonCases)("today %s, due %s, %i days before → due soon: %s", (today, dueOn, days, expected) => {
    expect(isDueSoon(today, dueOn, days)).toBe(expected);
  });

  const overdueCases: Array<[string, string, boolean]> = [
    ["2026-12-01", "2026-11-30", true],
    ["2026-11-30", "2026-11-30", false], // due today is still in time
    ["2027-01-01", "2026-12-31", true],
    ["2026-03-01", "2026-02-28", true],
  ];
  it.each(overdueCases)("today %s, due %s → overdue: %s", (today, dueOn, expected) => {
    expect(isOverdue(today, dueOn)).toBe(expected);
  });

  it("the body's time zone decides what today is", () => {
    // 23:30 UTC on 29 November is already 30 November in Berlin (UTC+1 in winter).
    const lateEvening = new Date("2026-11-29T23:30:00Z");
    expect(isoDateInTimeZone(lateEvening, "Europe/Berlin")).toBe("2026-11-30");
    expect(isoDateInTimeZone(lateEvening, "UTC")).toBe("2026-11-29");
    // Due on 29 November: overdue in Berlin, not yet in a body on UTC.
    expect(isOverdue(isoDateInTimeZone(lateEvening, "Europe/Berlin"), "2026-11-29")).toBe(true);
    expect(isOverdue(isoDateInTimeZone(lateEvening, "UTC"), "2026-11-29")).toBe(false);
    // Summer time: 22:30 UTC on 30 June is 1 July in Berlin (UTC+2).
    expect(isoDateInTimeZone(new Date("2026-06-30T22:30:00Z"), "Europe/Berlin")).toBe("2026-07-01");
  });

  it("a new due date (extension) gives a new dedupe key", () => {
    expect(reminderDedupeKey("due_soon", "i1", "2026-11-30")).toBe("due_soon:i1:2026-11-30");
    expect(reminderDedupeKey("due_soon", "i1", "2026-12-14")).not.toBe(
      reminderDedupeKey("due_soon", "i1", "2026-11-30"),
    );
    expect(reminderDedupeKey("overdue", "i1", "2026-11-30")).toBe("overdue:i1:2026-11-30");
  });
});

describe("texts", () => {
  const facts = {
    reference: "Kleine Anfrage 18/3",
    title: "Cloud-Dienste",
    dueOn: "2026-12-14",
    dueRuleLabel: "4 Wochen",
    decision: null,
  };
  it("names number, due date and rule when the number is assigned", () => {
    expect(notificationText.title("number_assigned", facts)).toBe(
      "Ihre Anfrage „Cloud-Dienste“ hat die Nummer Kleine Anfrage 18/3, Frist: 14.12.2026 (4 Wochen)",
    );
  });
  it("says how a motion was decided", () => {
    expect(notificationText.title("decided", { ...facts, reference: "Antrag 7/2026", decision: "referred" })).toBe(
      "Antrag in einen Ausschuss überwiesen: Antrag 7/2026 „Cloud-Dienste“",
    );
  });
  it("the mail has the link, the date and nothing but title and reference of the matter", () => {
    const body = notificationText.mail.body({
      displayName: "Demo",
      bodyName: "Landtag NRW",
      title: notificationText.title("due_soon", facts),
      facts,
      link: "https://q.example/arbeitsbereich/vorgaenge/i1",
      preferencesLink: "https://q.example/konto/benachrichtigungen",
    });
    expect(body).toContain("Frist: 14.12.2026 (4 Wochen)");
    expect(body).toContain("https://q.example/arbeitsbereich/vorgaenge/i1");
    expect(body).toContain("Frist läuft bald ab (14.12.2026): Kleine Anfrage 18/3 „Cloud-Dienste“");
  });
});
