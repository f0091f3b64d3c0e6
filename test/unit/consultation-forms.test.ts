/** The consultation forms as posted: their zod schemas (Conform) and the mapping to the commands' inputs. */
import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import {
  parseQuoteForm,
  replyInput,
  ReplyFormSchema,
  RequestFormSchema,
  requestInput,
  statementFieldName,
  StatementFormSchema,
  statementInput,
} from "../../app/server/consultations/form.server";
import { replyWithCommandErrors } from "../../app/utils/form-reply";

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

  it("the quote form takes neither the reply nor the statement's intents", () => {
    expect(parseQuoteForm(formData({ intent: "reply", version: "3" }))).toEqual({ ok: false });
    expect(parseQuoteForm(formData({ intent: "submit", version: "3" }))).toEqual({ ok: false });
    expect(parseQuoteForm(formData({ intent: "quote", version: "3", quoted: "on" }))).toEqual({
      ok: true,
      input: { version: 3, quoted: true },
    });
  });
});

describe("the statement's form", () => {
  it("reads the items as Conform's list in the order posted, empty rows included (the command drops them)", () => {
    const submission = parseWithZod(
      formData({
        intent: "submit",
        version: "4",
        title: "Kurzbetrachtung",
        "statement-text": "Bedenken",
        "items[0].kind": "recommendation",
        "items[0].text": "Erst dies",
        "items[1].kind": "restriction",
        "items[1].text": "",
        "items[2].kind": "restriction",
        "items[2].text": "Dann das",
        verdict: "conditions",
      }),
      { schema: StatementFormSchema },
    );
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(statementInput(submission.value)).toEqual({
      version: 4,
      title: "Kurzbetrachtung",
      statement: { rich: false, json: "", text: "Bedenken" },
      items: [
        { kind: "recommendation", text: "Erst dies" },
        { kind: "restriction", text: "" },
        { kind: "restriction", text: "Dann das" },
      ],
      verdict: "conditions",
      submit: true,
    });
  });

  it("keeps everything posted for the reply and puts a row's message at the row's text", () => {
    const submission = parseWithZod(
      formData({ intent: "save", version: "4", title: "Entwurf", "items[0].kind": "x", "items[0].text": "Text" }),
      { schema: StatementFormSchema },
    );
    expect(submission.status).toBe("success");
    const reply = submission.reply({ fieldErrors: { [statementFieldName("item-0")]: ["Unbekannte Art."] } });
    expect(reply.error).toEqual({ "items[0].text": ["Unbekannte Art."] });
    expect(reply.initialValue).toMatchObject({ title: "Entwurf", items: [{ kind: "x", text: "Text" }] });
    expect(statementFieldName("verdict")).toBe("verdict");
  });

  it("answers a command's refusal as Conform's reply: the form's message apart, a row's at its text", () => {
    const submission = parseWithZod(
      formData({ intent: "submit", version: "4", "items[0].kind": "restriction", "items[0].text": "x" }),
      { schema: StatementFormSchema },
    );
    const reply = replyWithCommandErrors(
      submission,
      { form: "Veraltet.", "item-0": "Zu lang.", verdict: "Bitte wählen." },
      statementFieldName,
    );
    expect(reply.error).toEqual({ "": ["Veraltet."], "items[0].text": ["Zu lang."], verdict: ["Bitte wählen."] });
    expect(reply.initialValue).toMatchObject({ items: [{ kind: "restriction", text: "x" }] });
  });

  it("refuses a list far beyond the maximum with the German message, and a forged version", () => {
    const many = formData({ intent: "save", version: "4" });
    for (let i = 0; i < 201; i += 1) many.append(`items[${i}].text`, "x");
    const tooMany = parseWithZod(many, { schema: StatementFormSchema });
    expect(tooMany.status).toBe("error");
    expect(tooMany.reply().error?.items?.[0]).toBe("Höchstens 40 Punkte sind möglich.");
    expect(parseWithZod(formData({ intent: "save", version: "x" }), { schema: StatementFormSchema }).status).toBe(
      "error",
    );
  });
});

describe("the request forms", () => {
  it("map the DPO's and the authority's forms to the command's input", () => {
    const dpo = parseWithZod(
      formData({
        kind: "dpo",
        version: "2",
        rich: "1",
        addresseeOrganizationId: "org-1",
        "questions-json": '{"type":"doc"}',
        dueOn: "2026-12-20",
      }),
      { schema: RequestFormSchema },
    );
    if (dpo.status !== "success") throw new Error("expected success");
    expect(requestInput(dpo.value)).toEqual({
      kind: "dpo",
      answerVersion: 2,
      addresseeOrganizationId: "org-1",
      dueOn: "2026-12-20",
      questions: { rich: true, json: '{"type":"doc"}', text: "" },
    });
    const letter = parseWithZod(
      formData({ kind: "supervisory_authority", version: "2", "letter-text": "Schreiben", letterTitle: "Anhörung" }),
      { schema: RequestFormSchema },
    );
    if (letter.status !== "success") throw new Error("expected success");
    expect(requestInput(letter.value)).toEqual({
      kind: "supervisory_authority",
      answerVersion: 2,
      addresseeOrganizationId: "",
      letterTitle: "Anhörung",
      letterOn: "",
      letter: { rich: false, json: "", text: "Schreiben" },
    });
  });

  it("an unknown kind is refused", () => {
    expect(parseWithZod(formData({ kind: "press", version: "2" }), { schema: RequestFormSchema }).status).toBe("error");
  });
});
