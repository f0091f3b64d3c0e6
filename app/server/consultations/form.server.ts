/**
 * The consultation forms as posted: zod schemas for Conform (parseWithZod in the routes, which reply with the
 * submission, so the posted values come back and nothing typed is lost) and their mapping to the commands'
 * inputs. Rich text fields post `<name>-json` and, without the editor, `<name>-text`; `rich=1` says the editors
 * were running. The commands check the content and answer with German messages by field.
 */
import { z } from "zod";
import { ITEMS_MAX } from "../../domain/consultation";
import { consultationText as t } from "../../domain/texts/consultation";
import type { RichFieldInput } from "../inquiries/drafts-validation.server";
import type { RequestInput, StatementInput } from "./commands.server";

/** Far above ITEMS_MAX, so that too many items reach validation and get its message. */
const ITEMS_PARSE_CAP = 200;

const str = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

const version = z.coerce.number().int().min(1).max(2_000_000_000);

/** Optional text (Conform posts an empty field as missing); the commands check lengths with German messages. */
const text = z.string().optional();

/**
 * The lead department's request forms (Conform, parsed with parseWithZod in the route): the hidden kind and
 * version are checked here, everything the user chose or typed by requestConsultation, whose German messages go
 * back through Conform's reply by field name (`addresseeOrganizationId`, `questions`, `dueOn`, `letterOn`,
 * `letterTitle`, `letter`).
 */
export const RequestFormSchema = z.object({
  kind: z.enum(["dpo", "department", "supervisory_authority"]),
  version,
  rich: z.literal("1").optional(),
  addresseeOrganizationId: z.string().max(100).optional(),
  dueOn: z.string().max(100).optional(),
  letterOn: z.string().max(100).optional(),
  letterTitle: text,
  "questions-json": text,
  "questions-text": text,
  "letter-json": text,
  "letter-text": text,
});

function richOf(value: { rich?: "1" } & Partial<Record<string, unknown>>, name: string): RichFieldInput {
  const field = (key: string) => {
    const v = value[key];
    return typeof v === "string" ? v : "";
  };
  const json = field(`${name}-json`);
  return { rich: value.rich === "1" && json !== "", json, text: field(`${name}-text`) };
}

export function requestInput(value: z.infer<typeof RequestFormSchema>): RequestInput {
  const base = { answerVersion: value.version, addresseeOrganizationId: value.addresseeOrganizationId ?? "" };
  if (value.kind === "supervisory_authority")
    return {
      kind: value.kind,
      ...base,
      letterTitle: value.letterTitle ?? "",
      letterOn: value.letterOn ?? "",
      letter: richOf(value, "letter"),
    };
  return { kind: value.kind, ...base, dueOn: value.dueOn ?? "", questions: richOf(value, "questions") };
}

/**
 * The consulted office's statement form (Conform): intent (save or submit), version, title, the rich text, the
 * items as `items[<i>].kind` / `items[<i>].text` in the order shown, the verdict. What the user wrote is checked
 * by saveStatement; its message for a row (`item-<i>`) belongs to that row's text (`items[<i>].text`).
 */
export const StatementFormSchema = z.object({
  intent: z.enum(["save", "submit"]),
  version,
  rich: z.literal("1").optional(),
  title: text,
  "statement-json": text,
  "statement-text": text,
  items: z
    .array(z.object({ kind: z.string().max(100).optional(), text: text }).optional())
    .max(ITEMS_PARSE_CAP, t.errors.tooManyItems(ITEMS_MAX))
    .optional(),
  verdict: z.string().max(100).optional(),
});

export function statementInput(value: z.infer<typeof StatementFormSchema>): StatementInput {
  return {
    version: value.version,
    title: value.title ?? "",
    statement: richOf(value, "statement"),
    items: (value.items ?? []).map((item) => ({ kind: item?.kind ?? "", text: item?.text ?? "" })),
    verdict: value.verdict ?? "",
    submit: value.intent === "submit",
  };
}

/** A command's field for a statement row (`item-<i>`) as the form's field name (`items[<i>].text`). */
export function statementFieldName(field: string): string {
  const row = /^item-(\d+)$/.exec(field);
  return row ? `items[${row[1]}].text` : field;
}

export type ParsedQuoteForm = { ok: true; input: { version: number; quoted: boolean } } | { ok: false };

/** The lead's decision whether the statement is quoted with the answer (a checkbox, no field to refuse). */
export function parseQuoteForm(form: FormData): ParsedQuoteForm {
  const scalars = z.object({ intent: z.literal("quote"), version }).safeParse({
    intent: str(form, "intent"),
    version: str(form, "version"),
  });
  if (!scalars.success) return { ok: false };
  return { ok: true, input: { version: scalars.data.version, quoted: str(form, "quoted") === "on" } };
}

/**
 * The reply letter's form (Conform, parsed with parseWithZod in the route): the date is checked here (present, a
 * date), the rest — the text, the date against the letter's and today — by recordReply, whose messages go back
 * through Conform's reply by field name (`repliedOn`, `reply`).
 */
export const ReplyFormSchema = z.object({
  intent: z.literal("reply"),
  version,
  rich: z.literal("1").optional(),
  repliedOn: z
    .string({ message: t.errors.letterDate.missing })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, t.errors.letterDate.invalid),
  "reply-json": z.string().optional(),
  "reply-text": z.string().optional(),
});

export function replyInput(value: z.infer<typeof ReplyFormSchema>): {
  version: number;
  reply: RichFieldInput;
  repliedOn: string;
} {
  return { version: value.version, repliedOn: value.repliedOn, reply: richOf(value, "reply") };
}
