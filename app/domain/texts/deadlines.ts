/** User-facing German wording of deadline explanations (shown next to every computed due date) and input errors. */
import { formatDate } from "../format";

/** The Länder by their ISO 3166-2 code without "DE-", as named in explanations ("… in Schleswig-Holstein"). */
export const stateNames = {
  BW: "Baden-Württemberg",
  BY: "Bayern",
  BE: "Berlin",
  BB: "Brandenburg",
  HB: "Bremen",
  HH: "Hamburg",
  HE: "Hessen",
  MV: "Mecklenburg-Vorpommern",
  NI: "Niedersachsen",
  NW: "Nordrhein-Westfalen",
  RP: "Rheinland-Pfalz",
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
  SH: "Schleswig-Holstein",
  TH: "Thüringen",
} as const;

/** Index 0 = Sunday, as Date#getUTCDay. */
const WEEKDAYS = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"] as const;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const deadlinesText = {
  weekday: (dayOfWeek: number) => WEEKDAYS[dayOfWeek] ?? "",

  calendarDays: (n: number, received: string) =>
    `${count(n, "Kalendertag", "Kalendertage")} nach Eingang am ${received}`,
  weeks: (n: number, received: string) => `${count(n, "Woche", "Wochen")} nach Eingang am ${received}`,
  months: (n: number, received: string) => `${count(n, "Monat", "Monate")} nach Eingang am ${received}`,
  quarter: (received: string) => `ein Vierteljahr (3 Monate) nach Eingang am ${received}`,
  workingDays: (n: number, received: string, state: string) =>
    `${count(n, "Arbeitstag", "Arbeitstage")} nach Eingang am ${received} ` +
    `(ohne Wochenenden und gesetzliche Feiertage in ${state})`,
  /** § 188 Abs. 3 BGB: a month without the receipt day's number ends the period on its last day. */
  monthEndClamped: (lastDay: string) =>
    `; der Zielmonat hat keinen Tag mit derselben Zahl, daher endet die Frist am letzten Tag des Monats (${lastDay})`,
  /** § 193 BGB, § 31 Abs. 3 VwVfG: a period ending on a Saturday, Sunday or public holiday ends on the next working day. */
  movedFromWeekend: (weekday: string, date: string, next: string) =>
    `; das rechnerische Fristende ${date} fällt auf einen ${weekday} und verschiebt sich auf den nächsten Werktag, ${next} ` +
    `(§ 193 BGB, § 31 Abs. 3 VwVfG)`,
  movedFromHoliday: (holiday: string, state: string, date: string, next: string) =>
    `; das rechnerische Fristende ${date} fällt auf einen gesetzlichen Feiertag in ${state} (${holiday}) ` +
    `und verschiebt sich auf den nächsten Werktag, ${next} (§ 193 BGB, § 31 Abs. 3 VwVfG)`,
  dueOn: (date: string) => `; Fristende: ${date}`,

  nextMeeting: (organization: string | null, received: string, meeting: string) =>
    `bis zur nächsten Sitzung ${organization ? `des Gremiums „${organization}“` : "des zuständigen Gremiums"} ` +
    `nach Eingang am ${received}: Sitzung am ${meeting}`,
  noMeetingScheduled: (organization: string | null, received: string) =>
    `bis zur nächsten Sitzung ${organization ? `des Gremiums „${organization}“` : "des zuständigen Gremiums"} ` +
    `nach Eingang am ${received}; es ist noch keine Sitzung angesetzt, das Fristende steht daher noch nicht fest`,
  none: "Für diese Art ist keine Frist festgelegt.",

  errors: {
    invalidDate: (value: string) => `„${value}“ ist kein gültiges Datum (erwartet wird JJJJ-MM-TT, z. B. 2020-05-28).`,
    dateOutOfRange: (value: string) =>
      `Das Datum ${value} liegt außerhalb des unterstützten Zeitraums (1900 bis 2199).`,
    unknownState: (value: string) =>
      `„${value}“ ist kein bekanntes Bundesland (erwartet wird ein Kürzel wie SH oder NW).`,
    invalidAmount: (value: unknown) =>
      `Die Fristlänge ${String(value)} ist ungültig; erlaubt sind ganze Zahlen von 1 bis 1000.`,
    unknownRule: (kind: string) => `Die Fristregel „${kind}“ ist unbekannt.`,
  },
} as const;

/**
 * What stands in brackets after a due date: the rule it was computed by, or — once it was extended to this
 * date — that it was extended, from which date, and why (the rule no longer explains the date).
 */
export function dueNote(
  dueOn: string,
  ruleLabel: string | null,
  extensions: ReadonlyArray<{ previousDueOn: string; newDueOn: string; reason: string }>,
): string | null {
  const last = extensions[extensions.length - 1];
  if (last && last.newDueOn === dueOn)
    return `verlängert, bisher ${formatDate(last.previousDueOn)} – Grund: ${last.reason}`;
  return ruleLabel;
}
