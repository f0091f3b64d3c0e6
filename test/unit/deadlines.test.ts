/**
 * Deadlines (app/domain/deadlines.ts) against real calendars: public holidays of the Länder from date-holidays,
 * the demo cases of the seed documents, month-end clamping and the § 193 BGB move to the next working day.
 */
import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  computeDueDate,
  DeadlineInputError,
  isWorkingDay,
  publicHolidayOn,
  type DeadlineCalendar,
  type DeadlineRule,
} from "~/domain/deadlines";
import { dueNote } from "~/domain/texts/deadlines";

describe("isWorkingDay and publicHolidayOn", () => {
  it.each([
    // Reformationstag: a public holiday in the northern Länder since 2018, not in NRW
    ["2020-10-30", "SH", true, null], // Friday before
    ["2023-10-31", "SH", false, "Reformationstag"],
    ["2023-10-31", "NI", false, "Reformationstag"],
    ["2023-10-31", "HH", false, "Reformationstag"],
    ["2023-10-31", "NW", true, null],
    // Fronleichnam: in NRW, not in SH
    ["2020-06-11", "NW", false, "Fronleichnam"],
    ["2020-06-11", "SH", true, null],
    // Allerheiligen in NRW and Bayern, not in SH
    ["2021-11-01", "NW", false, "Allerheiligen"],
    ["2021-11-01", "SH", true, null],
    // Easter Monday and Good Friday everywhere
    ["2020-04-13", "SH", false, "Ostermontag"],
    ["2020-04-13", "BY", false, "Ostermontag"],
    ["2021-04-02", "HB", false, "Karfreitag"],
    // Heiligabend and Silvester are no public holidays (only "bank" days in date-holidays)
    ["2020-12-24", "SH", true, null],
    ["2020-12-31", "NW", true, null],
    // Buß- und Bettag only in Sachsen; Weltkindertag only in Thüringen; Frauentag only in Berlin
    ["2021-11-17", "SN", false, "Buß- und Bettag"],
    ["2021-11-17", "BY", true, null],
    ["2021-09-20", "TH", false, "Weltkindertag"],
    ["2021-09-20", "SH", true, null],
    ["2022-03-08", "BE", false, "Internationaler Frauentag"],
    ["2022-03-08", "BB", true, null],
    // Heilige Drei Könige in BW, BY, ST
    ["2021-01-06", "BY", false, "Heilige Drei Könige"],
    ["2021-01-06", "NW", true, null],
    // weekends
    ["2020-05-30", "SH", false, null], // Saturday
    ["2020-05-31", "NW", false, null], // Sunday (Pfingstsonntag, not a "public" entry)
    ["2020-05-29", "NW", true, null], // Friday
  ] as const)("%s in %s: working day %s (holiday %s)", (date, state, working, holiday) => {
    expect(isWorkingDay(date, state)).toBe(working);
    expect(publicHolidayOn(date, state)).toBe(holiday);
  });
});

describe("addWorkingDays", () => {
  it.each([
    // Thursday + 1 → Friday; Friday + 1 → Monday
    ["2020-05-28", 1, "SH", "2020-05-29"],
    ["2020-05-29", 1, "SH", "2020-06-02"], // Pfingstmontag 01.06. skipped
    // received on a Saturday: the count starts with Monday
    ["2020-05-30", 1, "SH", "2020-06-02"],
    ["2020-05-30", 1, "HH", "2020-06-02"],
    // 10 working days over Pfingstmontag (SH) or Pfingstmontag and Fronleichnam (NW)
    ["2020-05-28", 10, "SH", "2020-06-12"],
    ["2020-05-28", 10, "NW", "2020-06-15"],
    // over Christmas: 24.12. counts, 25./26.12. and the weekend do not
    ["2020-12-23", 1, "NW", "2020-12-24"],
    ["2020-12-23", 2, "NW", "2020-12-28"],
    // year boundary: Neujahr skipped
    ["2020-12-30", 2, "SH", "2021-01-04"],
    // Reformationstag 2023 (Tuesday) only in SH
    ["2023-10-30", 1, "SH", "2023-11-01"],
    ["2023-10-30", 1, "NW", "2023-10-31"],
    // Allerheiligen 2023 (Wednesday) in NRW
    ["2023-10-30", 2, "NW", "2023-11-02"],
  ] as const)("%s + %i working days in %s → %s", (date, amount, state, expected) => {
    expect(addWorkingDays(date, amount, state)).toBe(expected);
  });
});

const SH: DeadlineCalendar = { state: "SH" };
const NW: DeadlineCalendar = { state: "NW" };

describe("computeDueDate", () => {
  it.each<[string, string, DeadlineRule, DeadlineCalendar, string]>([
    // Landtag NRW, Kleine Anfrage 4 weeks (Drucksache 17/9511: received 28.05.2020)
    ["NRW Kleine Anfrage", "2020-05-28", { kind: "weeks", amount: 4 }, NW, "2020-06-25"],
    // Bundestag Kleine Anfrage 14 days
    [
      "14 calendar days (SH: 11.06.2020 is a working day)",
      "2020-05-28",
      { kind: "calendar_days", amount: 14 },
      SH,
      "2020-06-11",
    ],
    [
      "14 calendar days ending on Fronleichnam in NRW",
      "2020-05-28",
      { kind: "calendar_days", amount: 14 },
      NW,
      "2020-06-12",
    ],
    ["1 calendar day", "2020-05-28", { kind: "calendar_days", amount: 1 }, SH, "2020-05-29"],
    // months: same day number, clamped to the month end
    ["1 month", "2020-05-28", { kind: "months", amount: 1 }, SH, "2020-06-29"], // 28.06.2020 is a Sunday
    ["31.01. + 1 month (2022)", "2022-01-31", { kind: "months", amount: 1 }, SH, "2022-02-28"], // Monday
    ["31.03. + 1 month", "2022-03-31", { kind: "months", amount: 1 }, SH, "2022-05-02"], // 30.04. Saturday, 01.05. Sunday and Maifeiertag
    ["31.08. + 6 months", "2022-08-31", { kind: "months", amount: 6 }, SH, "2023-02-28"],
    ["months over the year end", "2022-11-15", { kind: "months", amount: 3 }, SH, "2023-02-15"],
    // quarter = 3 months
    ["quarter", "2020-05-28", { kind: "quarter" }, NW, "2020-08-28"],
    ["quarter from 30.11. clamps to February", "2022-11-30", { kind: "quarter" }, NW, "2023-02-28"],
    // ends on a public holiday: moved to the next working day
    ["ends on Reformationstag (SH)", "2023-10-03", { kind: "weeks", amount: 4 }, SH, "2023-11-01"],
    ["ends on Reformationstag, not a holiday in NRW", "2023-10-03", { kind: "weeks", amount: 4 }, NW, "2023-10-31"],
    [
      "ends on 1. Weihnachtstag (Friday) → Monday",
      "2020-12-11",
      { kind: "calendar_days", amount: 14 },
      SH,
      "2020-12-28",
    ],
    ["ends on 24.12. (no public holiday)", "2020-12-10", { kind: "calendar_days", amount: 14 }, SH, "2020-12-24"],
    ["ends on Easter Monday", "2020-03-30", { kind: "weeks", amount: 2 }, NW, "2020-04-14"],
    // working days
    ["10 working days SH", "2020-05-28", { kind: "working_days", amount: 10 }, SH, "2020-06-12"],
    ["10 working days NW", "2020-05-28", { kind: "working_days", amount: 10 }, NW, "2020-06-15"],
  ])("%s: received %s", (_name, receivedOn, rule, calendar, expected) => {
    const result = computeDueDate(receivedOn, rule, calendar);
    expect(result.dueOn).toBe(expected);
    expect(result.explanation.length).toBeGreaterThan(10);
  });

  it("clamps 31.01.2020 + 1 month to 29.02.2020 (leap year), a Saturday, and moves it to Monday 02.03.2020", () => {
    expect(computeDueDate("2020-01-31", { kind: "months", amount: 1 }, SH).dueOn).toBe("2020-03-02");
  });

  it("explains the Landtag NRW rule", () => {
    expect(computeDueDate("2020-05-28", { kind: "weeks", amount: 4 }, NW).explanation).toBe(
      "4 Wochen nach Eingang am 28.05.2020; Fristende: 25.06.2020.",
    );
  });

  it("explains working days with the Land's name", () => {
    expect(computeDueDate("2020-05-28", { kind: "working_days", amount: 10 }, SH).explanation).toBe(
      "10 Arbeitstage nach Eingang am 28.05.2020 (ohne Wochenenden und gesetzliche Feiertage in Schleswig-Holstein); Fristende: 12.06.2020.",
    );
    expect(computeDueDate("2020-05-28", { kind: "working_days", amount: 1 }, NW).explanation).toContain(
      "1 Arbeitstag nach Eingang am 28.05.2020 (ohne Wochenenden und gesetzliche Feiertage in Nordrhein-Westfalen)",
    );
  });

  it("explains a move from a Sunday", () => {
    const result = computeDueDate("2020-05-31", { kind: "weeks", amount: 1 }, SH);
    expect(result.dueOn).toBe("2020-06-08");
    expect(result.explanation).toBe(
      "1 Woche nach Eingang am 31.05.2020; das rechnerische Fristende 07.06.2020 fällt auf einen Sonntag und verschiebt sich " +
        "auf den nächsten Werktag, Montag, 08.06.2020 (§ 193 BGB, § 31 Abs. 3 VwVfG).",
    );
  });

  it("explains a move from a public holiday, naming it", () => {
    const result = computeDueDate("2023-10-03", { kind: "weeks", amount: 4 }, SH);
    expect(result.explanation).toContain(
      "fällt auf einen gesetzlichen Feiertag in Schleswig-Holstein (Reformationstag)",
    );
    expect(result.explanation).toContain("Mittwoch, 01.11.2023");
  });

  it("explains month-end clamping", () => {
    const result = computeDueDate("2022-01-31", { kind: "months", amount: 1 }, SH);
    expect(result.explanation).toContain("letzten Tag des Monats (28.02.2022)");
  });

  it("the quarter explanation says Vierteljahr", () => {
    expect(computeDueDate("2020-05-28", { kind: "quarter" }, NW).explanation).toBe(
      "Ein Vierteljahr (3 Monate) nach Eingang am 28.05.2020; Fristende: 28.08.2020.",
    );
  });

  describe("next_meeting", () => {
    const hauptausschuss = "org-hauptausschuss";
    const finanzausschuss = "org-finanzausschuss";
    const calendar: DeadlineCalendar = {
      state: "SH",
      meetings: [
        { organizationId: hauptausschuss, date: "2020-06-15" },
        { organizationId: hauptausschuss, date: "2020-05-04" },
        { organizationId: finanzausschuss, date: "2020-05-20" },
        { organizationId: hauptausschuss, date: "2020-09-07" },
      ],
      organizationNames: { [hauptausschuss]: "Hauptausschuss" },
    };
    const rule: DeadlineRule = { kind: "next_meeting", organizationId: hauptausschuss };

    it.each([
      // Norderstedt: raised in the Hauptausschuss on 04.05.2020, answered for its next meeting on 15.06.2020
      ["2020-05-04", "2020-06-15"],
      ["2020-05-03", "2020-05-04"],
      ["2020-06-14", "2020-06-15"],
      ["2020-06-15", "2020-09-07"],
      ["2020-09-07", null],
      ["2021-01-01", null],
    ])("received %s → %s", (receivedOn, expected) => {
      expect(computeDueDate(receivedOn, rule, calendar).dueOn).toBe(expected);
    });

    it("ignores other organisations' meetings", () => {
      const other: DeadlineRule = { kind: "next_meeting", organizationId: finanzausschuss };
      expect(computeDueDate("2020-05-04", other, calendar).dueOn).toBe("2020-05-20");
    });

    it("keeps a meeting date on a Saturday (meetings are never moved)", () => {
      const saturday = { state: "SH", meetings: [{ organizationId: hauptausschuss, date: "2020-06-13" }] };
      expect(computeDueDate("2020-05-04", rule, saturday).dueOn).toBe("2020-06-13");
    });

    it("explains the meeting and the missing one", () => {
      expect(computeDueDate("2020-05-04", rule, calendar).explanation).toBe(
        "Bis zur nächsten Sitzung des Gremiums „Hauptausschuss“ nach Eingang am 04.05.2020: Sitzung am 15.06.2020.",
      );
      const missing = computeDueDate("2020-09-07", rule, { state: "SH" });
      expect(missing.dueOn).toBeNull();
      expect(missing.explanation).toContain("noch keine Sitzung angesetzt");
    });
  });

  it("none gives no due date", () => {
    expect(computeDueDate("2020-05-28", { kind: "none" }, SH)).toEqual({
      dueOn: null,
      explanation: "Für diese Art ist keine Frist festgelegt.",
    });
  });

  it("does not depend on the process time zone", () => {
    // all arithmetic is on day numbers; a date near a DST change stays where it is
    expect(computeDueDate("2020-03-28", { kind: "calendar_days", amount: 2 }, SH).dueOn).toBe("2020-03-30");
    expect(computeDueDate("2020-10-24", { kind: "calendar_days", amount: 2 }, SH).dueOn).toBe("2020-10-26");
  });
});

describe("invalid input", () => {
  const problem = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(DeadlineInputError);
      return { problem: (error as DeadlineInputError).problem, message: (error as Error).message };
    }
    throw new Error("expected a DeadlineInputError");
  };

  it.each([
    ["2021-02-29", "invalid_date"],
    ["2020-13-01", "invalid_date"],
    ["2020-00-10", "invalid_date"],
    ["2020-04-31", "invalid_date"],
    ["28.05.2020", "invalid_date"],
    ["2020-5-28", "invalid_date"],
    ["", "invalid_date"],
    ["2020-05-28T00:00:00Z", "invalid_date"],
    ["0050-01-01", "date_out_of_range"],
    ["2500-01-01", "date_out_of_range"],
  ])("receipt date %j → %s", (receivedOn, expected) => {
    const result = problem(() => computeDueDate(receivedOn, { kind: "weeks", amount: 4 }, NW));
    expect(result.problem).toBe(expected);
    expect(result.message).toMatch(/Datum/);
  });

  it.each([0, -1, 1.5, Number.NaN, 1001])("amount %s → invalid_amount", (amount) => {
    expect(problem(() => computeDueDate("2020-05-28", { kind: "calendar_days", amount }, NW)).problem).toBe(
      "invalid_amount",
    );
    expect(problem(() => addWorkingDays("2020-05-28", amount, "NW")).problem).toBe("invalid_amount");
  });

  it.each(["DE", "nw", "", "XX"])("state %j → unknown_state", (state) => {
    expect(problem(() => computeDueDate("2020-05-28", { kind: "weeks", amount: 4 }, { state })).problem).toBe(
      "unknown_state",
    );
    expect(problem(() => isWorkingDay("2020-05-28", state)).problem).toBe("unknown_state");
  });

  it("rejects an invalid meeting date", () => {
    const calendar = { state: "SH", meetings: [{ organizationId: "o", date: "2020-02-30" }] };
    expect(
      problem(() => computeDueDate("2020-01-01", { kind: "next_meeting", organizationId: "o" }, calendar)).problem,
    ).toBe("invalid_date");
  });

  it("rejects an unknown rule kind", () => {
    const rule = { kind: "fortnights", amount: 2 } as unknown as DeadlineRule;
    expect(problem(() => computeDueDate("2020-05-28", rule, NW)).problem).toBe("unknown_rule");
  });
});

describe("dueNote", () => {
  const rule = "Beantwortung bis zur nächsten Sitzung des Ausschusses";
  it("explains the due date by its rule until it is extended", () => {
    expect(dueNote("2026-12-18", rule, [])).toBe(rule);
  });
  it("says that, from when and why it was extended once the date is the extension's", () => {
    const ext = [{ previousDueOn: "2026-12-04", newDueOn: "2026-12-18", reason: "Zulieferung fehlt" }];
    expect(dueNote("2026-12-18", rule, ext)).toBe("verlängert, bisher 04.12.2026 – Grund: Zulieferung fehlt");
    // A later change of the date (not by this extension) is explained by the rule again.
    expect(dueNote("2027-01-08", rule, ext)).toBe(rule);
  });
});
