/**
 * The draft editor's form as posted, parsed with zod into a DraftInput plus what the user asked for. The
 * questions come as indexed fields `q-<i>-level`, `q-<i>-json`, `q-<i>-text` (in the order shown); `rich=1`
 * says the editors were running. Without JavaScript the structural buttons (add, move, delete a question)
 * post `op` and the server applies it with the same pure function the browser uses.
 */
import { z } from "zod";
import { applyQuestionOp, parseQuestionOp, type QuestionLevel, type QuestionOp } from "../../domain/draft";
import type { DraftInput } from "./drafts-validation.server";

/** Far above QUESTIONS_MAX, so that "200 questions" reaches validation and gets its message. */
const QUESTIONS_PARSE_CAP = 1000;

const Scalars = z.object({
  intent: z.enum(["autosave", "save", "overwrite", "submit", "op"]),
  version: z.coerce.number().int().min(1).max(2_000_000_000),
  overwriteVersion: z.coerce.number().int().min(1).max(2_000_000_000).optional(),
  submissionKey: z.string().uuid().optional(),
  confirm: z.literal("on").optional(),
  rich: z.literal("1").optional(),
  title: z.string().max(100_000),
});

export interface PostedValues {
  title: string;
  preamble: { json: string; text: string };
  questions: Array<{ level: QuestionLevel; json: string; text: string }>;
}

export type ParsedDraftForm = z.infer<typeof Scalars> & {
  op: QuestionOp | null;
  input: DraftInput;
  /** What the form showed, after `op` — echoed back when the save is refused, so nothing typed is lost. */
  values: PostedValues;
};

const str = (form: FormData, key: string): string | undefined => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

/** Null for a form that is not the draft editor's (missing or malformed fields). */
export function parseDraftForm(form: FormData): ParsedDraftForm | null {
  const opValue = str(form, "op");
  const scalars = Scalars.safeParse({
    intent: opValue !== undefined ? "op" : str(form, "intent"),
    version: str(form, "version"),
    overwriteVersion: str(form, "overwriteVersion") || undefined,
    submissionKey: str(form, "submissionKey") || undefined,
    confirm: str(form, "confirm"),
    rich: str(form, "rich"),
    title: str(form, "title") ?? "",
  });
  if (!scalars.success) return null;
  const op = opValue !== undefined ? parseQuestionOp(opValue) : null;
  if (opValue !== undefined && op === null) return null;

  let questions: PostedValues["questions"] = [];
  for (let i = 0; i < QUESTIONS_PARSE_CAP && form.has(`q-${i}-level`); i += 1) {
    questions.push({
      level: str(form, `q-${i}-level`) === "1" ? 1 : 0,
      json: str(form, `q-${i}-json`) ?? "",
      text: str(form, `q-${i}-text`) ?? "",
    });
  }
  if (op) questions = applyQuestionOp(questions, op, (level) => ({ level, json: "", text: "" }));

  const rich = scalars.data.rich === "1";
  const values: PostedValues = {
    title: scalars.data.title,
    preamble: { json: str(form, "preamble-json") ?? "", text: str(form, "preamble-text") ?? "" },
    questions,
  };
  const field = (v: { json: string; text: string }) => ({ rich: rich && v.json !== "", json: v.json, text: v.text });
  return {
    ...scalars.data,
    op,
    values,
    input: {
      title: values.title,
      preamble: field(values.preamble),
      questions: questions.map((q) => ({ level: q.level, body: field(q) })),
    },
  };
}
