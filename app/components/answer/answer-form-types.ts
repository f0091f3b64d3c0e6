/** What the answer form is initialised with and what the route's action answers it. */
import type { PostedAnswer } from "~/server/answers/answer-form.server";
import type { AutosaveResult } from "../editor/use-autosave";

export interface AnswerFormPart {
  questionIds: string[];
  /** The author's own sentence before a joint answer; "" for the generated one. */
  jointNote: string;
  body: { json: unknown; text: string };
  withheld: boolean;
  reason: string;
  subject: string;
  justification: string;
  withheldText: string;
}

export interface AnswerFormValues {
  documentKind: string;
  documentReference: string;
  title: string;
  issuedByLabel: string;
  caseOfficerLabel: string;
  flagged: boolean;
  preamble: { json: unknown; text: string };
  parts: AnswerFormPart[];
}

export type AnswerActionResult =
  | (Extract<AutosaveResult, { kind: "saved" }> & { signaturesLapsed?: boolean })
  | (Extract<AutosaveResult, { kind: "refused" }> & { values?: AnswerFormValues })
  | (Extract<AutosaveResult, { kind: "failed" }> & { values?: AnswerFormValues });

const parseJson = (value: string | undefined): unknown => {
  if (!value) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
};

/** The form's values from posted name/value pairs (a local backup, or an echo). */
export function valuesFromEntries(entries: ReadonlyArray<[string, string]>): AnswerFormValues {
  const get = (name: string) => entries.find(([n]) => n === name)?.[1] ?? "";
  const parts: AnswerFormPart[] = [];
  for (let i = 0; entries.some(([n]) => n === `p-${i}-present`); i += 1) {
    parts.push({
      questionIds: entries.filter(([n]) => n === `p-${i}-questions`).map(([, v]) => v),
      jointNote: get(`p-${i}-jointNote`) === get(`p-${i}-jointNoteShown`) ? "" : get(`p-${i}-jointNote`),
      body: { json: parseJson(get(`p-${i}-body-json`)), text: get(`p-${i}-body-text`) },
      withheld: get(`p-${i}-withheld`) === "on",
      reason: get(`p-${i}-reason`),
      subject: get(`p-${i}-subject`),
      justification: get(`p-${i}-justification`),
      withheldText: get(`p-${i}-withheldText`),
    });
  }
  return {
    documentKind: get("documentKind"),
    documentReference: get("documentReference"),
    title: get("title"),
    issuedByLabel: get("issuedByLabel"),
    caseOfficerLabel: get("caseOfficerLabel"),
    flagged: get("flagged") === "on",
    preamble: { json: parseJson(get("preamble-json")), text: get("preamble-text") },
    parts,
  };
}

/** The posted values as the form shows them again after a refusal (nothing typed is lost). */
export function valuesFromPosted(values: PostedAnswer): AnswerFormValues {
  return {
    ...values,
    preamble: { json: parseJson(values.preamble.json), text: values.preamble.text },
    parts: values.parts.map(({ jointNoteShown, ...p }) => ({
      ...p,
      jointNote: p.jointNote === jointNoteShown ? "" : (p.jointNote ?? ""),
      body: { json: parseJson(p.body.json), text: p.body.text },
    })),
  };
}
