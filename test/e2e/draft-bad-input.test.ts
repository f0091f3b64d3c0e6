/**
 * Bad input posted by hand to the running app (not through the editor): invalid and unknown Tiptap JSON, 200
 * questions, 1 MB in one field, an empty question on submission. Each is answered with 400 and a German message
 * in the page, and the draft is exactly as it was before.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { openPage } from "../support/browser";
import { signInFactionMember } from "../support/sign-in";

const { app, browser } = useAppAndBrowser();

const doc = (text: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** The editor's form fields for a title and questions given as Tiptap JSON strings. */
function editorForm(version: string, title: string, questions: string[], extra: Record<string, string> = {}) {
  const form: Record<string, string> = {
    intent: "save",
    version,
    rich: "1",
    title,
    "preamble-json": "",
    "preamble-text": "",
    ...extra,
  };
  questions.forEach((json, i) =>
    Object.assign(form, { [`q-${i}-level`]: "0", [`q-${i}-json`]: json, [`q-${i}-text`]: "" }),
  );
  return form;
}

async function draftState(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" }).waitFor();
  return {
    version: await page.locator('input[name="version"]').first().inputValue(),
    title: await page.getByLabel("Titel").inputValue(),
    question: await page.locator("#q-0").textContent(),
  };
}

describe("a draft posted by hand", () => {
  it("refuses invalid content with a German message and changes nothing", async () => {
    const { page, allowHttpError, assertNoPageErrors, close } = await openPage(browser);
    await signInFactionMember(page, app.url, "fraktion@landtag-nrw.quaestio.example");
    await page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
    await page.getByRole("radio", { name: /Kleine Anfrage/ }).check();
    await page.getByLabel("Titel").fill("Von Hand gesendet");
    await page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    const url = page.url();

    // A good save first, so that there is content to keep.
    const start = await draftState(page, url);
    const good = await page.request.post(url, {
      form: editorForm(start.version, "Von Hand gesendet", [doc("Welche Fristen gelten?")]),
      headers: { origin: app.url },
    });
    expect(good.status()).toBe(200);
    const before = await draftState(page, url);
    expect(before).toMatchObject({ title: "Von Hand gesendet", question: "Welche Fristen gelten?" });

    allowHttpError(url, 400);
    const cases: Array<[string, Record<string, string>, string]> = [
      [
        "JSON that does not parse",
        editorForm(before.version, "X", ["{not json"]),
        "Frage 1: Der formatierte Text ist ungültig (kein gültiges JSON).",
      ],
      [
        "invalid Tiptap JSON",
        editorForm(before.version, "X", [JSON.stringify({ type: "doc", content: [{ type: "text", text: "bare" }] })]),
        "Er ist nicht richtig aufgebaut.",
      ],
      [
        "an unknown node type",
        editorForm(before.version, "X", [JSON.stringify({ type: "doc", content: [{ type: "iframe" }] })]),
        "nicht erlaubtes Element („iframe“)",
      ],
      [
        "200 questions",
        editorForm(
          before.version,
          "X",
          Array.from({ length: 200 }, (_, i) => doc(`Frage ${i}`)),
        ),
        "höchstens 100 Fragen haben (hier: 200)",
      ],
      [
        "1 MB of text in one question",
        editorForm(before.version, "X", [doc("x".repeat(1024 * 1024))]),
        "Frage 1: Der formatierte Text ist zu umfangreich.",
      ],
      [
        "an empty question on submission",
        editorForm(
          before.version,
          "X",
          [doc("Erste"), JSON.stringify({ type: "doc", content: [{ type: "paragraph" }] })],
          { intent: "submit", confirm: "on" },
        ),
        "Frage 2 ist leer.",
      ],
    ];
    for (const [name, form, message] of cases) {
      const response = await page.request.post(url, { form, headers: { origin: app.url } });
      expect(response.status(), name).toBe(400);
      // (A boolean, so that a failure does not print the whole page.)
      expect((await response.text()).includes(message), `${name}: "${message}" in the page`).toBe(true);
    }
    // Nothing of it was written: same version, title and question.
    expect(await draftState(page, url)).toEqual(before);
    assertNoPageErrors();
    await close();
  });
});
