/**
 * The consultation forms as posted, parsed with zod into the commands' inputs, plus the posted values to
 * echo back when a command refuses (so nothing typed is lost). Rich text fields post `<name>-json` and,
 * without the editor, `<name>-text`; `rich=1` says the editors were running. Statement items come as indexed
 * fields `item-<i>-kind`, `item-<i>-text` in the order shown.
 */
import { z } from "zod";
import type { ItemInput } from "../../domain/consultation";
import { consultationText as t } from "../../domain/texts/consultation";
import type { RichFieldInput } from "../inquiries/drafts-validation.server";
import type { RequestInput, StatementInput } from "./commands.server";

/** Far above ITEMS_MAX, so that too many items reach validation and get its message. */
const ITEMS_PARSE_CAP = 200;

export type PostedValues = Record<string, string | ItemInput[]>;

const str = (form: FormData, key: string): string => {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
};

const version = z.coerce.number().int().min(1).max(2_000_000_000);

function rich(form: FormData, name: string): RichFieldInput {
  const json = str(form, `${name}-json`);
  return { rich: str(form, "rich") === "1" && json !== "", json, text: str(form, `${name}-text`) };
}

function richValues(form: FormData, name: string): PostedValues {
  return { [`${name}-json`]: str(form, `${name}-json`), [`${name}-text`]: str(form, `${name}-text`) };
}

export type ParsedRequest = { ok: true; input: RequestInput; values: PostedValues } | { ok: false };

export function parseRequestForm(form: FormData): ParsedRequest {
  const scalars = z
    .object({
      kind: z.enum(["dpo", "department", "supervisory_authority"]),
      version,
      addresseeOrganizationId: z.string().max(100),
    })
    .safeParse({
      kind: str(form, "kind"),
      version: str(form, "version"),
      addresseeOrganizationId: str(form, "addresseeOrganizationId"),
    });
  if (!scalars.success) return { ok: false };
  const { kind, addresseeOrganizationId } = scalars.data;
  const base = { answerVersion: scalars.data.version, addresseeOrganizationId };
  if (kind === "supervisory_authority") {
    const values = {
      kind,
      addresseeOrganizationId,
      letterTitle: str(form, "letterTitle"),
      letterOn: str(form, "letterOn"),
      ...richValues(form, "letter"),
    };
    return {
      ok: true,
      values,
      input: {
        kind,
        ...base,
        letterTitle: values.letterTitle,
        letterOn: values.letterOn,
        letter: rich(form, "letter"),
      },
    };
  }
  const values = { kind, addresseeOrganizationId, dueOn: str(form, "dueOn"), ...richValues(form, "questions") };
  return { ok: true, values, input: { kind, ...base, dueOn: values.dueOn, questions: rich(form, "questions") } };
}

export type ParsedConsultationForm =
  | { ok: true; intent: "save" | "submit"; input: StatementInput; values: PostedValues }
  | { ok: true; intent: "quote"; input: { version: number; quoted: boolean }; values: PostedValues }
  | { ok: false };

export function parseConsultationForm(form: FormData): ParsedConsultationForm {
  const scalars = z.object({ intent: z.enum(["save", "submit", "quote"]), version }).safeParse({
    intent: str(form, "intent"),
    version: str(form, "version"),
  });
  if (!scalars.success) return { ok: false };
  const { intent } = scalars.data;
  if (intent === "quote") {
    const quoted = str(form, "quoted") === "on";
    return {
      ok: true,
      intent,
      input: { version: scalars.data.version, quoted },
      values: { quoted: quoted ? "on" : "" },
    };
  }
  const items: ItemInput[] = [];
  for (let i = 0; i < ITEMS_PARSE_CAP && form.has(`item-${i}-text`); i += 1) {
    items.push({ kind: str(form, `item-${i}-kind`), text: str(form, `item-${i}-text`) });
  }
  const values: PostedValues = {
    title: str(form, "title"),
    verdict: str(form, "verdict"),
    items,
    ...richValues(form, "statement"),
  };
  return {
    ok: true,
    intent,
    values,
    input: {
      version: scalars.data.version,
      title: str(form, "title"),
      statement: rich(form, "statement"),
      items,
      verdict: str(form, "verdict"),
      submit: intent === "submit",
    },
  };
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
  const json = value["reply-json"] ?? "";
  return {
    version: value.version,
    repliedOn: value.repliedOn,
    reply: { rich: value.rich === "1" && json !== "", json, text: value["reply-text"] ?? "" },
  };
}
