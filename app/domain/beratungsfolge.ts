/**
 * Beratungsfolge (the sequence of committee steps an answer goes through: which body takes note of it, when —
 * e.g. Hauptausschuss, then Stadtvertretung), as entered at publication: pure checks of the posted rows.
 * A row names a recorded meeting of the body by id, or "new" — a future meeting of an organ on a date — and
 * the role the meeting has for the answer (Kenntnisnahme …). A row without a meeting is left out.
 */
import { isIsoDate } from "./dates";
import { isUuid } from "./format";

export const BERATUNGSFOLGE_ROWS_MAX = 10;

export interface BeratungsfolgeRow {
  /** "" (none), "new" or the id of a recorded meeting. */
  meeting: string;
  organId: string;
  date: string;
  roleLabel: string;
}

export type BeratungsfolgeProblem =
  "unknown_meeting" | "organ_missing" | "date_invalid" | "role_invalid" | "duplicate" | "too_many";

/** Field of a row's problem: `beratungsfolge-<i>-meeting|organ|date|role`. */
export type BeratungsfolgeField = "meeting" | "organ" | "date" | "role";

/** The rows that name a meeting, with the index they were posted under (for the messages). */
export function filledRows(rows: readonly BeratungsfolgeRow[]): Array<BeratungsfolgeRow & { index: number }> {
  return rows.map((row, index) => ({ ...row, index })).filter((row) => row.meeting !== "");
}

/**
 * What is wrong with the posted rows, by `beratungsfolge-<i>-<field>` key. The same meeting twice (or the same
 * organ on the same date twice) is refused at the later row: one meeting takes the answer once.
 */
export function beratungsfolgeProblems(
  rows: readonly BeratungsfolgeRow[],
  roles: readonly string[],
): Map<string, BeratungsfolgeProblem> {
  const problems = new Map<string, BeratungsfolgeProblem>();
  const key = (index: number, field: BeratungsfolgeField) => `beratungsfolge-${index}-${field}`;
  const filled = filledRows(rows);
  if (filled.length > BERATUNGSFOLGE_ROWS_MAX) {
    problems.set(key(filled[BERATUNGSFOLGE_ROWS_MAX]!.index, "meeting"), "too_many");
    return problems;
  }
  const seen = new Set<string>();
  for (const row of filled) {
    if (!roles.includes(row.roleLabel)) problems.set(key(row.index, "role"), "role_invalid");
    if (row.meeting !== "new") {
      if (!isUuid(row.meeting)) problems.set(key(row.index, "meeting"), "unknown_meeting");
    } else {
      if (!isUuid(row.organId)) problems.set(key(row.index, "organ"), "organ_missing");
      if (!isIsoDate(row.date)) problems.set(key(row.index, "date"), "date_invalid");
    }
    const identity = row.meeting === "new" ? `new:${row.organId}:${row.date}` : row.meeting.toLowerCase();
    if (seen.has(identity) && !problems.has(key(row.index, "meeting")))
      problems.set(key(row.index, "meeting"), "duplicate");
    seen.add(identity);
  }
  return problems;
}
