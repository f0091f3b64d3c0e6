/**
 * The answer editor's form as posted: metadata, the preamble, and the parts as indexed fields
 * `p-<i>-questions` (question ids, several for a joint answer), `p-<i>-jointNote` (the sentence before a joint
 * answer), `p-<i>-body-json` / `p-<i>-body-text`,
 * `p-<i>-withheld`, `p-<i>-reason`, `p-<i>-subject`, `p-<i>-justification`, `p-<i>-withheldText`.
 * `rich=1` says the editors were running. Without JavaScript, "add part" posts `op=add_part`.
 */
import { z } from "zod";

/** Far above ANSWER_PARTS_MAX, so that too many parts reach validation and get its message. */
const PARTS_PARSE_CAP = 500;

const Scalars = z.object({
  intent: z.enum(["autosave", "save", "overwrite", "op"]),
  version: z.coerce.number().int().min(1).max(2_000_000_000),
  overwriteVersion: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
  rich: z.literal("1").optional(),
  op: z.enum(["add_part"]).optional(),
});

export interface PostedPart {
  questionIds: string[];
  /** The sentence before a joint answer as posted, and the generated one the form showed (`p-<i>-jointNoteShown`). */
  jointNote?: string;
  jointNoteShown?: string;
  body: { json: string; text: string };
  withheld: boolean;
  reason: string;
  subject: string;
  justification: string;
  withheldText: string;
}

export interface PostedAnswer {
  documentKind: string;
  documentReference: string;
  title: string;
  issuedByLabel: string;
  caseOfficerLabel: string;
  flagged: boolean;
  preamble: { json: string; text: string };
  parts: PostedPart[];
}

export type ParsedAnswerForm = Omit<z.infer<typeof Scalars>, "rich"> & { rich: boolean; values: PostedAnswer };

const str = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

export function parseAnswerForm(form: FormData): ParsedAnswerForm | null {
  const opValue = form.get("op");
  const scalars = Scalars.safeParse({
    intent: opValue !== null ? "op" : str(form, "intent"),
    version: str(form, "version"),
    overwriteVersion: str(form, "overwriteVersion") || undefined,
    rich: str(form, "rich") || undefined,
    op: opValue ?? undefined,
  });
  if (!scalars.success) return null;
  const parts: PostedPart[] = [];
  for (let i = 0; i < PARTS_PARSE_CAP && form.has(`p-${i}-present`); i += 1) {
    parts.push({
      questionIds: form.getAll(`p-${i}-questions`).filter((v): v is string => typeof v === "string"),
      jointNote: str(form, `p-${i}-jointNote`),
      jointNoteShown: str(form, `p-${i}-jointNoteShown`),
      body: { json: str(form, `p-${i}-body-json`), text: str(form, `p-${i}-body-text`) },
      withheld: str(form, `p-${i}-withheld`) === "on",
      reason: str(form, `p-${i}-reason`),
      subject: str(form, `p-${i}-subject`),
      justification: str(form, `p-${i}-justification`),
      withheldText: str(form, `p-${i}-withheldText`),
    });
  }
  if (scalars.data.op === "add_part") {
    parts.push({
      questionIds: [],
      jointNote: "",
      jointNoteShown: "",
      body: { json: "", text: "" },
      withheld: false,
      reason: "",
      subject: "",
      justification: "",
      withheldText: "",
    });
  }
  return {
    ...scalars.data,
    rich: scalars.data.rich === "1",
    values: {
      documentKind: str(form, "documentKind"),
      documentReference: str(form, "documentReference"),
      title: str(form, "title"),
      issuedByLabel: str(form, "issuedByLabel"),
      caseOfficerLabel: str(form, "caseOfficerLabel"),
      flagged: str(form, "flagged") === "on",
      preamble: { json: str(form, "preamble-json"), text: str(form, "preamble-text") },
      parts,
    },
  };
}
