import { describe, expect, it } from "vitest";
import {
  addDays,
  classifyDeadline,
  deadlineBadge,
  dashboardWindow,
  groupByLeadDepartment,
  isoWeekBounds,
  LIST_SECTIONS,
  listSectionFromSlug,
  sectionListHref,
  sectionsForRoles,
  type ListSection,
} from "../../app/domain/dashboard";
import { isoDateInTimeZone } from "../../app/domain/format";
import type { Role } from "../../app/domain/policy";
import { dashboardText, deadlinePhrase, listSectionHeading } from "../../app/domain/texts/dashboard";

describe("deadlineBadge", () => {
  it("says what classifyDeadline says of the due date, the days left and the state", () => {
    const today = "2026-11-23";
    const statuses = ["draft", "submitted", "accepted", "assigned", "answering", "answered", "withdrawn"];
    for (const status of statuses) {
      for (const offset of [-30, -1, 0, 1, 6, 7, 8, 40]) {
        const dueOn = addDays(today, offset);
        const full = classifyDeadline(dueOn, status, today)!;
        expect(deadlineBadge(dueOn, status, today), `${status} ${offset}`).toEqual({
          dueOn: full.dueOn,
          daysLeft: full.daysLeft,
          state: full.state,
        });
      }
    }
    expect(deadlineBadge(null, "submitted", today)).toBeNull();
  });
});

describe("classifyDeadline", () => {
  // today is Monday 2026-11-23 unless stated
  it.each([
    // dueOn, status, today, state, daysLeft, overdue, dueSoon, dueThisWeek
    ["2026-11-22", "answering", "2026-11-23", "overdue", -1, true, false, false],
    ["2026-11-21", "submitted", "2026-11-23", "overdue", -2, true, false, false],
    ["2026-11-23", "assigned", "2026-11-23", "due_today", 0, false, true, true],
    ["2026-11-26", "accepted", "2026-11-23", "due_soon", 3, false, true, true],
    ["2026-11-29", "answering", "2026-11-23", "due_soon", 6, false, true, true],
    ["2026-11-30", "answering", "2026-11-23", "due_soon", 7, false, true, false],
    ["2026-12-01", "answering", "2026-11-23", "later", 8, false, false, false],
    ["2026-12-23", "submitted", "2026-11-23", "later", 30, false, false, false],
    // Sunday: the week runs Mon 16 – Sun 22, so the 17th is this week but overdue; the 23rd is next week
    ["2026-11-17", "answering", "2026-11-22", "overdue", -5, true, false, true],
    ["2026-11-23", "answering", "2026-11-22", "due_soon", 1, false, true, false],
    // month and year ends
    ["2026-12-01", "answering", "2026-11-30", "due_soon", 1, false, true, true],
    ["2027-01-03", "answering", "2026-12-31", "due_soon", 3, false, true, true],
    ["2027-01-04", "answering", "2026-12-31", "due_soon", 4, false, true, false],
    ["2024-03-01", "submitted", "2024-02-28", "due_soon", 2, false, true, true],
    // closed states never run late
    ["2026-11-01", "answered", "2026-11-23", "closed", -22, false, false, false],
    ["2026-11-01", "withdrawn", "2026-11-23", "closed", -22, false, false, false],
    ["2026-11-01", "inadmissible", "2026-11-23", "closed", -22, false, false, false],
    ["2026-11-24", "answered", "2026-11-23", "closed", 1, false, false, false],
    ["2026-11-01", "decided", "2026-11-23", "closed", -22, false, false, false],
  ] as const)("%s %s on %s → %s", (dueOn, status, today, state, daysLeft, overdue, dueSoon, dueThisWeek) => {
    expect(classifyDeadline(dueOn, status, today)).toEqual({ dueOn, state, daysLeft, overdue, dueSoon, dueThisWeek });
  });

  it("has nothing to say without a due date", () => {
    expect(classifyDeadline(null, "submitted", "2026-11-23")).toBeNull();
  });

  it("takes today from the body's time zone: 23:30 UTC is already tomorrow in Berlin", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    const berlinToday = isoDateInTimeZone(instant, "Europe/Berlin");
    expect(berlinToday).toBe("2026-11-24");
    expect(classifyDeadline("2026-11-23", "answering", berlinToday)?.state).toBe("overdue");
    expect(classifyDeadline("2026-11-23", "answering", isoDateInTimeZone(instant, "UTC"))?.state).toBe("due_today");
  });
});

describe("week and window", () => {
  it.each([
    ["2026-11-23", "2026-11-23", "2026-11-29"], // Monday
    ["2026-11-29", "2026-11-23", "2026-11-29"], // Sunday
    ["2026-12-02", "2026-11-30", "2026-12-06"], // across a month end
    ["2027-01-01", "2026-12-28", "2027-01-03"], // across a year end
    ["2024-02-29", "2024-02-26", "2024-03-03"], // leap day
  ])("the ISO week of %s runs %s – %s", (day, monday, sunday) => {
    expect(isoWeekBounds(day)).toEqual({ monday, sunday });
  });

  it("looks 7 days ahead for 'bald fällig'", () => {
    expect(dashboardWindow("2026-12-28")).toEqual({
      today: "2026-12-28",
      dueSoonUntil: "2027-01-04",
      weekStart: "2026-12-28",
      weekEnd: "2027-01-03",
    });
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30"); // across the switch to summer time
  });
});

describe("deadlinePhrase", () => {
  it.each([
    [3, "due_soon", "noch 3 Tage"],
    [1, "due_soon", "noch 1 Tag"],
    [30, "later", "noch 30 Tage"],
    [0, "due_today", "heute fällig"],
    [-1, "overdue", "seit 1 Tag überfällig"],
    [-2, "overdue", "seit 2 Tagen überfällig"],
    [-5, "closed", ""],
  ] as const)("%i days, %s → %s", (daysLeft, state, phrase) => {
    expect(deadlinePhrase({ daysLeft, state })).toBe(phrase);
  });
});

describe("sectionsForRoles", () => {
  const faction = ["faction_drafts", "faction_in_progress", "faction_due_soon", "faction_answered"];
  const office = ["office_intake", "office_overdue_by_department", "office_due_this_week", "office_extension_requests"];
  it.each<[Role[], string[]]>([
    [["faction_member"], faction],
    [["council_office"], office],
    [["clerk"], ["department_assigned"]],
    [["department_head"], ["department_assigned"]],
    [["co_signer"], ["department_assigned"]],
    [["dpo"], ["dpo_consultations"]],
    [["mayor"], []],
    [["body_admin"], []],
    [["clerk", "department_head"], ["department_assigned"]],
    [
      ["faction_member", "council_office"],
      [...office, ...faction],
    ],
    [
      ["dpo", "clerk", "council_office"],
      [...office, "department_assigned", "dpo_consultations"],
    ],
    [[], []],
  ])("%j → %j", (roles, sections) => {
    expect(sectionsForRoles(roles)).toEqual(sections);
  });
});

describe("groupByLeadDepartment", () => {
  it("keeps departments in order of appearance and puts unassigned items last", () => {
    const item = (id: string, lead: string | null) => ({
      id,
      leadOrganizationId: lead,
      leadOrganizationName: lead ? `Amt ${lead}` : null,
    });
    const groups = groupByLeadDepartment([item("1", null), item("2", "A"), item("3", "B"), item("4", "A")]);
    expect(groups.map((g) => [g.organizationName, g.items.map((i) => i.id)])).toEqual([
      ["Amt A", ["2", "4"]],
      ["Amt B", ["3"]],
      [null, ["1"]],
    ]);
  });
});

describe("section lists", () => {
  it.each([
    ["norderstedt", "all", 1, "/arbeitsbereich/norderstedt/liste/alle"],
    ["norderstedt", "office_overdue", 2, "/arbeitsbereich/norderstedt/liste/ueberfaellig?seite=2"],
    ["landtag-nrw", "faction_answered", 1, "/arbeitsbereich/landtag-nrw/liste/beantwortet"],
  ] as Array<[string, ListSection, number, string]>)("%s %s page %i → %s", (body, section, page, href) => {
    expect(sectionListHref(body, section, page)).toBe(href);
  });

  it("finds every section by its URL segment and nothing else", () => {
    for (const [section, slug] of Object.entries(LIST_SECTIONS)) expect(listSectionFromSlug(slug)).toBe(section);
    for (const slug of ["", "Alle", "all", "alle/", "constructor"]) expect(listSectionFromSlug(slug)).toBeNull();
    expect(new Set(Object.values(LIST_SECTIONS)).size).toBe(Object.keys(LIST_SECTIONS).length);
    for (const section of Object.keys(LIST_SECTIONS)) expect(listSectionHeading[section as ListSection]).toBeTruthy();
  });

  it.each([
    [0, false, "0 Einträge"],
    [1, false, "1 Eintrag"],
    [1234, false, "1.234 Einträge"],
    [1000, true, "1.000 oder mehr Einträge"],
  ])("count %i (capped %s) reads „%s“", (n, capped, text) => {
    expect(dashboardText.count(n, capped)).toBe(text);
  });

  it("says when the shown rows are the first of a capped count", () => {
    expect(dashboardText.truncated(20, 45)).toBe("Angezeigt werden die ersten 20 von 45.");
    expect(dashboardText.truncated(20, 1000, true)).toBe("Angezeigt werden die ersten 20 von 1.000 oder mehr.");
  });
});
