/** The consultation forms as posted: the reply letter's zod schema (Conform) and the other forms' parsing. */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { parseConsultationForm, replyInput, ReplyFormSchema } from "../../app/server/consultations/form.server";

const formData = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [k, v] of Object.entries(entries)) form.append(k, v);
  return form;
};

describe("the reply letter's form", () => {
  it("needs a date, in German, at the field", () => {
    const missing = parseWithZod(formData({ intent: "reply", version: "3", "reply-text": "Text" }), {
      schema: ReplyFormSchema,
    });
    expect(missing.status).toBe("error");
    expect(missing.reply().error).toEqual({ repliedOn: ["Bitte geben Sie das Datum des Schreibens an."] });
    const invalid = parseWithZod(formData({ intent: "reply", version: "3", repliedOn: "03.12.2026" }), {
      schema: ReplyFormSchema,
    });
    expect(invalid.reply().error).toEqual({ repliedOn: ["Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ)."] });
  });

  it("keeps what was typed in the reply, so the form shows it again", () => {
    const refused = parseWithZod(formData({ intent: "reply", version: "3", "reply-text": "Unsere Antwort" }), {
      schema: ReplyFormSchema,
    });
    expect(refused.reply().initialValue).toMatchObject({ "reply-text": "Unsere Antwort" });
  });

  it("gives the command the rich text when the editor ran, else the plain text", () => {
    const json = JSON.stringify({ type: "doc", content: [] });
    const rich = parseWithZod(
      formData({ intent: "reply", version: "3", rich: "1", repliedOn: "2026-12-01", "reply-json": json }),
      { schema: ReplyFormSchema },
    );
    expect(rich.status).toBe("success");
    if (rich.status !== "success") return;
    expect(replyInput(rich.value)).toEqual({
      version: 3,
      repliedOn: "2026-12-01",
      reply: { rich: true, json, text: "" },
    });
    const plain = parseWithZod(
      formData({ intent: "reply", version: "3", repliedOn: "2026-12-01", "reply-text": "Antwort" }),
      { schema: ReplyFormSchema },
    );
    if (plain.status !== "success") throw new Error("expected success");
    expect(replyInput(plain.value).reply).toEqual({ rich: false, json: "", text: "Antwort" });
  });

  it("a malformed version is refused", () => {
    const bad = parseWithZod(formData({ intent: "reply", version: "x", repliedOn: "2026-12-01" }), {
      schema: ReplyFormSchema,
    });
    expect(bad.status).toBe("error");
  });

  it("the statement form no longer takes the reply intent", () => {
    expect(parseConsultationForm(formData({ intent: "reply", version: "3" }))).toEqual({ ok: false });
  });
});
