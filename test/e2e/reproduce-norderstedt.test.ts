/**
 * Norderstedt's Mitteilungsvorlage M 20/0226 reproduced through the UI alone, then compared with the seeded
 * public page: the FWuD-style faction submits the two questions on Zoom, the Ratsbüro accepts and assigns Amt 13
 * (Hauptamt) with Amt 17 contributing; the Hauptamt's clerk answers both questions in one part with the
 * Vorlage's cover sentence, asks Amt 17 for a contribution (delivered by Amt 17's clerk) and the DPO for a
 * statement, which the DPO writes with its three restrictions and two recommendations; the clerk quotes it
 * and sends the answer into the six-step chain, which each demo signer signs in turn (the co-signing Amt 11
 * is not required: no unplanned expenditure); the Ratsbüro publishes it as M 20/0226; a correction follows.
 * The texts are read from the seeded page, typed in, and the two public pages must then agree on the
 * questions, the answer, the statement with its restrictions and recommendations, and the sign-off block.
 * axe runs on the pages; a console error fails the test.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { correctAndPublish } from "../support/answer-ui";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const SEEDED = "/norderstedt/anfragen/M-20-0226";
const TITLE = 'Videokonferenztool: "Zoom"';
const account = (local: string) => `${local}@norderstedt.quaestio.example`;

// On PGlite even when TEST_DATABASE_URL puts the other files' apps on PostgreSQL (ADR 0032): this flow and its
// twin in reproduce-nrw.test.ts keep a run of the whole app, end to end, on the embedded database that `npm start`
// uses; the integration tests run the queries on both backends.
const { app, browser } = useAppAndBrowser({ backend: "pglite" });

/** Each step is a form POST plus a reload of the page: on a busy machine that can take a while. */
const POLL = { timeout: 30_000 };
/** The whole flow is some sixty form posts by seven people; on a busy 2-core machine that takes minutes. */
const FLOW_TIMEOUT = 480_000;
const squash = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

interface Block {
  list: boolean;
  texts: string[];
}

/** What a reader compares on the public page of an answered inquiry. */
async function publicView(page: Page) {
  return page.evaluate(() => {
    const squashed = (t: string | null | undefined) => (t ?? "").replace(/\s+/g, " ").trim();
    const textWithout = (el: Element, drop: string) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll(drop).forEach((d) => d.remove());
      return squashed(copy.textContent);
    };
    const statement = document.querySelector("section.statement");
    const body = statement?.querySelector(":scope > .rich-text");
    const blocks = [...(body?.children ?? [])].map((el) =>
      el.tagName === "UL"
        ? { list: true, texts: [...el.querySelectorAll("li")].map((li) => squashed(li.textContent)) }
        : { list: false, texts: [squashed(el.textContent)] },
    );
    const summary = statement?.querySelector(".statement__summary");
    const listAfter = (heading: string) =>
      [...(summary?.querySelectorAll("h3") ?? [])]
        .find((h) => squashed(h.textContent) === heading)
        ?.nextElementSibling?.querySelectorAll("li");
    return {
      questions: [...document.querySelectorAll(".qa-question")].map((q) =>
        textWithout(q, ".qa-question__number, .qa-question__lead-in"),
      ),
      answerLabels: [...document.querySelectorAll(".qa-grid__label")].map((l) => squashed(l.textContent)),
      parts: [...document.querySelectorAll(".qa-part")].map((p) => textWithout(p, ".qa-part__joint-note")),
      statement: {
        heading: squashed(statement?.querySelector("h2")?.textContent),
        question: squashed(statement?.querySelector(".statement__question")?.textContent),
        title: squashed(statement?.querySelector(":scope > h3")?.textContent),
        blocks,
        restrictions: [...(listAfter("Einschränkungen") ?? [])].map((li) => squashed(li.textContent)),
        recommendations: [...(listAfter("Empfehlungen") ?? [])].map((li) => squashed(li.textContent)),
        verdict: squashed(statement?.querySelector(".statement__verdict")?.textContent),
      },
      signOff: [...document.querySelectorAll("ol.sign-off li")].map((li) => ({
        label: squashed(li.querySelector(".sign-off__label")?.textContent),
        condition: squashed(li.querySelector(".sign-off__condition")?.textContent),
        status: squashed(li.querySelector(".sign-off__status")?.textContent),
      })),
      main: squashed(document.querySelector("main")?.textContent),
    };
  });
}

/** Types paragraphs and bullet lists into a focused Tiptap editor, block by block. */
async function typeBlocks(page: Page, toolbar: string, blocks: Block[]) {
  let afterList = false;
  for (const [index, block] of blocks.entries()) {
    if (index > 0 && !afterList) await page.keyboard.press("Enter");
    afterList = block.list;
    if (!block.list) {
      await page.keyboard.insertText(block.texts[0]!);
      continue;
    }
    await page.getByRole("toolbar", { name: toolbar }).getByRole("button", { name: "Aufzählung" }).click();
    for (const [i, item] of block.texts.entries()) {
      if (i > 0) await page.keyboard.press("Enter");
      await page.keyboard.insertText(item);
    }
    // The editor keeps an empty paragraph after a list at the end of the document: the next block goes there.
    await page.keyboard.press("ArrowDown");
  }
}

async function staff(local: string) {
  const session = await openPage(browser);
  await signInStaffFirstTime(session.page, app.url, account(local));
  return session;
}

describe("Norderstedt M 20/0226 reproduced through the UI", () => {
  it(
    "gives the same public page as the seeded Mitteilungsvorlage: questions, answer, statement, sign-off block",
    async () => {
      // --- what the seeded page shows
      const reader = await openPage(browser);
      await reader.page.goto(`${app.url}${SEEDED}`);
      const seeded = await publicView(reader.page);
      expect(seeded.questions).toHaveLength(2);
      expect(seeded.parts).toHaveLength(1);
      expect(seeded.statement.restrictions).toHaveLength(3);
      expect(seeded.statement.recommendations).toHaveLength(2);
      expect(seeded.signOff).toHaveLength(6);
      const statementBlocks = seeded.statement.blocks as Block[];
      const dpoQuestion = seeded.statement.question.replace(/^Frage:\s*/, "");

      // --- the faction drafts and submits the two questions
      const faction = await openPage(browser);
      await signInFactionMember(faction.page, app.url, account("fraktion"));
      await faction.page.getByRole("link", { name: "Neue Anfrage entwerfen" }).click();
      await faction.page.waitForURL((url) => url.pathname === "/arbeitsbereich/entwurf/neu");
      const typeRadio = faction.page.getByRole("radio", { name: /^Anfrage/ });
      if ((await typeRadio.count()) > 0) await typeRadio.first().check();
      await faction.page.getByLabel("Titel").fill(TITLE);
      await faction.page.getByRole("button", { name: "Entwurf anlegen" }).click();
      await faction.page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
      await faction.page.getByRole("toolbar", { name: "Formatierung: Text der Frage 1" }).waitFor();
      await faction.page.locator("#q-0").click();
      await faction.page.keyboard.insertText(seeded.questions[0]!);
      await faction.page.getByRole("button", { name: "Frage hinzufügen" }).click();
      await faction.page.getByRole("toolbar", { name: "Formatierung: Text der Frage 2" }).waitFor();
      await faction.page.locator("#q-1").click();
      await faction.page.keyboard.insertText(seeded.questions[1]!);
      await faction.page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
      await faction.page.getByRole("button", { name: "Anfrage einreichen" }).click();
      await faction.page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}(\?eingereicht=1)?$/, POLL);
      const inquiryUrl = faction.page.url().split("?")[0]!;
      faction.assertNoPageErrors();
      await faction.close();

      // --- the Ratsbüro accepts and assigns the Hauptamt, Amt 17 contributing
      const office = await staff("ratsbuero");
      await office.page.goto(inquiryUrl);
      await office.page.getByRole("button", { name: "Anfrage annehmen" }).click();
      await expect.poll(() => status(office.page).textContent(), POLL).toBe("Die Anfrage wurde angenommen.");
      const assign = office.page.getByRole("region", { name: "Federführung und Beteiligung", exact: true });
      await assign.getByLabel("Federführende Organisationseinheit").selectOption({ label: "13 - Hauptamt" });
      await assign.getByLabel("Amt 17").check();
      await assign.getByRole("button", { name: "Federführung zuweisen" }).click();
      await expect.poll(() => status(office.page).textContent(), POLL).toBe("Die Federführung wurde zugewiesen.");
      office.assertNoPageErrors();

      // --- the Hauptamt's clerk starts answering and drafts the Vorlage
      const clerk = await staff("sachbearbeitung");
      await clerk.page.goto(inquiryUrl);
      await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).click();
      await clerk.page.getByRole("link", { name: "Antwort bearbeiten oder ansehen" }).waitFor(POLL);
      await clerk.page.goto(`${inquiryUrl}/antwort`);
      await clerk.page.getByRole("toolbar", { name: "Formatierung: Antworttext, Teil 1" }).waitFor(POLL);
      await clerk.page.getByLabel("Dokumentart").fill("Mitteilungsvorlage");
      await clerk.page.getByLabel("Herausgebende Stelle (wie gedruckt)").fill("13 - Hauptamt");
      const part1 = clerk.page.locator("li.answer-part-editor").nth(0);
      await part1.getByLabel("Frage 2").check();
      await clerk.page.getByRole("button", { name: "Teil 2 entfernen" }).click();
      await clerk.page.locator("#p-0-body").click();
      await clerk.page.keyboard.insertText(seeded.parts[0]!);
      await clerk.page.getByRole("button", { name: "Antwort speichern" }).click();
      await expect
        .poll(() => clerk.page.locator(".draft-status").textContent(), POLL)
        .toMatch(/^Antwort gespeichert um/);
      await checkA11y(clerk.page);

      // A contribution of Amt 17 and the DPO's statement are requested.
      const dueOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
      await clerk.page.goto(`${inquiryUrl}/beteiligungen`);
      const departmentForm = clerk.page.getByRole("region", { name: "Zulieferung anfordern" });
      await departmentForm.getByLabel("Beteiligtes Amt").selectOption({ label: "Amt 17" });
      await departmentForm.locator("#department-questions").click();
      await clerk.page.keyboard.insertText("Welche Sicherheitseinstellungen hat Amt 17 für Zoom vorgenommen?");
      await departmentForm.getByLabel("Antwort erbeten bis").fill(dueOn);
      await departmentForm.getByRole("button", { name: "Zulieferung anfordern" }).click();
      // A request leads to the consultation's own page.
      await clerk.page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"), POLL);
      const contributionUrl = clerk.page.url();
      await clerk.page.goto(`${inquiryUrl}/beteiligungen`);
      const dpoForm = clerk.page.getByRole("region", { name: "Datenschutzbeauftragte/n beteiligen" });
      await dpoForm.getByLabel("Adressat").selectOption({ label: "Behördlicher Datenschutzbeauftragter" });
      await dpoForm.locator("#dpo-questions").click();
      await clerk.page.keyboard.insertText(dpoQuestion);
      await dpoForm.getByLabel("Antwort erbeten bis").fill(dueOn);
      await dpoForm.getByRole("button", { name: "Stellungnahme anfordern" }).click();
      await clerk.page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"), POLL);
      await checkA11y(clerk.page);

      // --- Amt 17 delivers its contribution
      const amt17 = await staff("zulieferung");
      // The request's own page (where its notification leads).
      await amt17.page.goto(contributionUrl);
      await amt17.page.locator("#stellungnahme-statement[contenteditable='true']").click();
      await amt17.page.keyboard.insertText(
        "Amt 17 hat die Sicherheitseinstellungen vor dem ersten Einsatz recherchiert und eingestellt.",
      );
      await amt17.page.getByRole("button", { name: "Zulieferung abgeben" }).click();
      await expect
        .poll(() => status(amt17.page).textContent(), POLL)
        .toBe("Abgegeben; das federführende Amt ist benachrichtigt.");
      amt17.assertNoPageErrors();
      await amt17.close();

      // --- the DPO writes the statement with its restrictions and recommendations
      const dpo = await staff("datenschutz");
      await dpo.page.goto(`${app.url}/arbeitsbereich`);
      // The seeded answer of the same title has its (answered) statement listed too.
      await dpo.page.getByRole("link", { name: `angefragt – Stellungnahme zu „${TITLE}“ öffnen` }).click();
      await dpo.page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"));
      const consultationUrl = dpo.page.url();
      await dpo.page.getByLabel("Überschrift der Stellungnahme").fill(seeded.statement.title);
      await dpo.page.locator("#stellungnahme-statement[contenteditable='true']").click();
      await typeBlocks(dpo.page, "Formatierung: Text der Stellungnahme", statementBlocks);
      const items = [
        ...seeded.statement.restrictions.map((text) => ({ kind: "Einschränkung", text })),
        ...seeded.statement.recommendations.map((text) => ({ kind: "Empfehlung", text })),
      ];
      for (const [i, item] of items.entries()) {
        if (i > 0) await dpo.page.getByRole("button", { name: "Punkt hinzufügen" }).click();
        await dpo.page.getByLabel(`Art von Punkt ${i + 1}`).selectOption({ label: item.kind });
        await dpo.page.getByLabel(`Text von Punkt ${i + 1}`).fill(item.text);
      }
      await dpo.page.getByLabel("mit Auflagen").check();
      await checkA11y(dpo.page);
      await dpo.page.getByRole("button", { name: "Stellungnahme abgeben" }).click();
      await expect
        .poll(() => status(dpo.page).textContent(), POLL)
        .toBe("Abgegeben; das federführende Amt ist benachrichtigt.");
      dpo.assertNoPageErrors();
      await dpo.close();

      // --- the clerk quotes the statement, sends the answer to sign-off and signs the first step
      await clerk.page.goto(consultationUrl);
      await clerk.page.getByLabel("Stellungnahme mit der Antwort veröffentlichen").check();
      await clerk.page.getByRole("button", { name: "Entscheidung speichern" }).click();
      await expect.poll(() => clerk.page.getByText("Wird mit der Antwort veröffentlicht.").count(), POLL).toBe(1);
      await clerk.page.goto(`${inquiryUrl}/antwort`);
      await clerk.page.getByRole("button", { name: "Zur Schlusszeichnung geben" }).click();
      // The chain has begun when the clerk's page offers the first signature. Going to the page before that
      // cancels the submission or loads the answer still in drafting, without the signature form.
      await clerk.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").waitFor(POLL);

      let lastSigner: Awaited<ReturnType<typeof staff>> | undefined;
      // --- every step of the chain, each by its demo signer (Amt 11 only co-signs unplanned expenditure)
      const chain: Array<[string, string]> = [
        ["sachbearbeitung", "Sachbearbeiter/in"],
        ["fachbereichsleitung", "Fachbereichsleiter/in"],
        ["amtsleitung", "Amtsleiter/in"],
        ["dezernat", "Stadtrat/Stadträtin"],
        ["verwaltungsspitze", "Oberbürgermeisterin"],
      ];
      for (const [local, label] of chain) {
        const signer = local === "sachbearbeitung" ? clerk : await staff(local);
        await signer.page.goto(`${inquiryUrl}/antwort`);
        await signer.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").check();
        await signer.page.getByRole("button", { name: `Als „${label}“ zeichnen` }).click();
        const row = signer.page.locator(".sign-off-table tbody tr", { hasText: label });
        await expect.poll(async () => squash(await row.textContent()), POLL).toContain("gezeichnet");
        if (local === "amtsleitung") await checkA11y(signer.page);
        signer.assertNoPageErrors();
        // The last step signs the correction later (ADR 0011 addendum): that session stays open.
        if (local === "verwaltungsspitze") lastSigner = signer;
        else if (signer !== clerk) await signer.close();
      }

      // --- the Ratsbüro publishes it as M 20/0226
      await office.page.goto(`${inquiryUrl}/antwort`);
      await office.page.getByLabel("Aktenzeichen / Drucksachennummer der veröffentlichten Antwort").fill("M 20/0226");
      await office.page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      await expect
        .poll(() => office.page.getByRole("status").filter({ hasText: "veröffentlicht" }).count(), POLL)
        .toBeGreaterThan(0);
      await office.page.getByRole("link", { name: "Öffentliche Seite" }).click();
      await office.page.waitForURL(/\/norderstedt\/anfragen\//);
      const publicUrl = office.page.url();

      // --- a correction: the clerk fixes the issuing office's label, the Ratsbüro publishes it with a note
      await correctAndPublish({
        inquiryUrl,
        clerk,
        lastSigner: lastSigner!,
        office,
        issuedBy: "Hauptamt (Demo)",
        note: "Die Sachbearbeitung wurde ergänzt.",
      });

      // --- the two public pages agree
      await reader.page.goto(publicUrl);
      await checkA11y(reader.page);
      const reproduced = await publicView(reader.page);
      expect(reproduced.questions).toEqual(seeded.questions);
      expect(reproduced.answerLabels).toEqual(seeded.answerLabels);
      expect(reproduced.parts).toEqual(seeded.parts);
      expect(reproduced.statement).toEqual(seeded.statement);
      expect(reproduced.signOff.map((s) => [s.label, s.condition])).toEqual(
        seeded.signOff.map((s) => [s.label, s.condition]),
      );
      // Signed through the chain, where the seed only knows the printed form.
      expect(reproduced.signOff.map((s) => s.status)).toEqual([
        "gezeichnet",
        "gezeichnet",
        "gezeichnet",
        "nicht erforderlich",
        "gezeichnet",
        "gezeichnet",
      ]);
      expect(reproduced.main).toContain("M 20/0226");
      expect(reproduced.main).toContain("Mitteilungsvorlage");
      expect(reproduced.main).toContain("Die Sachbearbeitung wurde ergänzt.");
      reader.assertNoPageErrors();
      await reader.close();
    },
    FLOW_TIMEOUT,
  );
});
