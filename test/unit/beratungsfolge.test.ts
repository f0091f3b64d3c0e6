import { describe, expect, it } from "vitest";
import {
  BERATUNGSFOLGE_ROWS_MAX,
  beratungsfolgeProblems,
  filledRows,
  type BeratungsfolgeRow,
} from "../../app/domain/beratungsfolge";

const ROLES = ["Kenntnisnahme", "Entscheidung"];
const A = "0b9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5e";
const B = "1c9e0e57-8f1b-4a4c-9d7c-3f1a2b3c4d5f";
const row = (over: Partial<BeratungsfolgeRow>): BeratungsfolgeRow => ({
  meeting: "",
  organId: "",
  date: "",
  roleLabel: "Kenntnisnahme",
  ...over,
});
const problems = (rows: BeratungsfolgeRow[]) => Object.fromEntries(beratungsfolgeProblems(rows, ROLES));

describe("Beratungsfolge rows", () => {
  it.each([
    ["no rows", [], {}],
    ["an empty row is left out", [row({ roleLabel: "Jubel" })], {}],
    ["a recorded meeting", [row({ meeting: A })], {}],
    ["a future meeting of an organ", [row({ meeting: "new", organId: A, date: "2099-02-03" })], {}],
    [
      "a committee, then the council",
      [row({ meeting: "new", organId: A, date: "2099-02-03" }), row({ meeting: B, roleLabel: "Entscheidung" })],
      {},
    ],
    ["a meeting that is no id", [row({ meeting: "drop table" })], { "beratungsfolge-0-meeting": "unknown_meeting" }],
    [
      "a future meeting without organ and with a bad date",
      [row({ meeting: "new", date: "31.02.2099" })],
      { "beratungsfolge-0-organ": "organ_missing", "beratungsfolge-0-date": "date_invalid" },
    ],
    ["a role not offered", [row({ meeting: A, roleLabel: "Jubel" })], { "beratungsfolge-0-role": "role_invalid" }],
    [
      "the same meeting twice, at the later row (an empty row between)",
      [row({ meeting: A }), row({}), row({ meeting: A.toUpperCase() })],
      { "beratungsfolge-2-meeting": "duplicate" },
    ],
    [
      "the same future meeting twice",
      [
        row({ meeting: "new", organId: A, date: "2099-02-03" }),
        row({ meeting: "new", organId: A, date: "2099-02-03" }),
      ],
      { "beratungsfolge-1-meeting": "duplicate" },
    ],
  ] as const)("%s", (_label, rows, expected) => {
    expect(problems([...rows])).toEqual(expected);
  });

  it("refuses more steps than the limit at the first one too many", () => {
    const rows = Array.from({ length: BERATUNGSFOLGE_ROWS_MAX + 2 }, (_, i) =>
      row({ meeting: "new", organId: A, date: `2099-01-${String(i + 1).padStart(2, "0")}` }),
    );
    expect(problems(rows)).toEqual({ [`beratungsfolge-${BERATUNGSFOLGE_ROWS_MAX}-meeting`]: "too_many" });
  });

  it("keeps the posted index of the filled rows", () => {
    expect(filledRows([row({}), row({ meeting: A })]).map((r) => r.index)).toEqual([1]);
  });
});

describe("the publication form's Beratungsfolge rows", () => {
  it("reads the rows in the order shown, cut to sane lengths", async () => {
    const { beratungsfolgeRows } = await import("../../app/components/answer/workflow-input");
    expect(
      beratungsfolgeRows({
        "beratungsfolge-0-meeting": "new",
        "beratungsfolge-0-organ": A,
        "beratungsfolge-0-date": "2099-02-03",
        "beratungsfolge-0-role": "Kenntnisnahme",
        "beratungsfolge-1-meeting": B,
        "beratungsfolge-1-role": "x".repeat(500),
        // A gap ends the rows: nothing after it is read.
        "beratungsfolge-3-meeting": A,
      }),
    ).toEqual([
      { meeting: "new", organId: A, date: "2099-02-03", roleLabel: "Kenntnisnahme" },
      { meeting: B, organId: "", date: "", roleLabel: "x".repeat(100) },
    ]);
  });

  it("shows the posted rows, one more after 'add', and at least one", async () => {
    const { beratungsfolgeRowCount } = await import("../../app/components/answer/workflow-input");
    expect(beratungsfolgeRowCount({})).toBe(1);
    expect(beratungsfolgeRowCount({ "beratungsfolge-0-meeting": "" })).toBe(1);
    expect(beratungsfolgeRowCount({ "beratungsfolge-0-meeting": "", addBeratungsfolge: "1" })).toBe(2);
    expect(
      beratungsfolgeRowCount({
        "beratungsfolge-0-meeting": "",
        "beratungsfolge-1-meeting": "",
        addBeratungsfolge: "1",
      }),
    ).toBe(3);
  });
});
