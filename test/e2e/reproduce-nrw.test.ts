/**
 * Landtag NRW, Drucksache 17/9511 reproduced through the UI alone, then compared with the seeded public page:
 * a faction submits the four questions of Kleine Anfrage 3761; the Landtagsverwaltung accepts and assigns the
 * MWIDE; its clerk writes the Vorbemerkung, answers 1 (with the police details withheld for IT security and the
 * public reason), 2, and 3 and 4 jointly, imports the tool table (16 rows, workplace counts, the Zoom footnote)
 * as CSV in the inventory editor and fills the Ressort × tool matrix (the Anlage); the chain (Sachbearbeitung →
 * Verwaltungsspitze) signs; the Landtagsverwaltung publishes it as 17/9511; a correction follows. The texts and
 * tables are the seed's own data (db/seed/landtag-nrw-*.ts); the two public pages must agree on the questions,
 * the answers with their joint note and withholding notice, the tool table rows and counts, and the matrix.
 * axe runs on the pages; a console error fails the test.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { nrwInventory, nrwMatrix } from "../../db/seed/landtag-nrw-inventory";
import {
  answerPreamble,
  itSecurityJustification,
  jointNote,
  part1,
  part2,
  part3,
  questionTexts,
} from "../../db/seed/landtag-nrw-texts";
import { toolCatalogue } from "../../db/seed/tools";
import { correctAndPublish } from "../support/answer-ui";
import { checkA11y, openPage } from "../support/browser";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const SEEDED = "/landtag-nrw/anfragen/17-9511";
const TITLE = "Datenschutz bei Videokonferenz-Tools der Landesregierung";
const LEAD = "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie";
const account = (local: string) => `${local}@landtag-nrw.quaestio.example`;

// On PGlite even when TEST_DATABASE_URL puts the other files' apps on PostgreSQL (ADR 0032): this flow and its
// twin in reproduce-norderstedt.test.ts keep a run of the whole app, end to end, on the embedded database that `npm start`
// uses; the integration tests run the queries on both backends.
const { app, browser } = useAppAndBrowser({ backend: "pglite" });

const POLL = { timeout: 30_000 };
/** The whole flow is some forty form posts (thirteen for the matrix alone); on a busy 2-core machine that takes minutes. */
const FLOW_TIMEOUT = 480_000;
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });

/** What a reader compares on the public page of the answer. */
async function publicView(page: Page) {
  return page.evaluate(() => {
    const squashed = (t: string | null | undefined) => (t ?? "").replace(/\s+/g, " ").trim();
    const textWithout = (el: Element, drop: string) => {
      const copy = el.cloneNode(true) as Element;
      copy.querySelectorAll(drop).forEach((d) => d.remove());
      return squashed(copy.textContent);
    };
    const toolTable = [...document.querySelectorAll("table")].find((t) =>
      squashed(t.querySelector("caption")?.textContent).includes("Videokonferenz-Tools"),
    );
    const matrix = document.querySelector("table.usage-matrix");
    const columns = [...(matrix?.querySelectorAll("thead th.usage-matrix__tool") ?? [])].map((th) =>
      squashed(th.textContent),
    );
    const cells: string[] = [];
    for (const tr of matrix?.querySelectorAll("tbody tr") ?? []) {
      const row = squashed(tr.querySelector("th")?.textContent);
      [...tr.querySelectorAll("td")].forEach((td, i) => {
        if (squashed(td.textContent) !== "") cells.push(`${row} × ${columns[i] ?? i}`);
      });
    }
    return {
      questions: [...document.querySelectorAll(".qa-question")].map((q) =>
        textWithout(q, ".qa-question__number, .qa-question__lead-in"),
      ),
      answerLabels: [...document.querySelectorAll(".qa-grid__label")].map((l) => squashed(l.textContent)),
      parts: [...document.querySelectorAll(".qa-part")].map((p) => textWithout(p, ".qa-part__joint-note")),
      jointNotes: [...document.querySelectorAll(".qa-part__joint-note")].map((n) => squashed(n.textContent)),
      toolRows: [...(toolTable?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
        [...tr.querySelectorAll("th, td")].map((c) => squashed(c.textContent)),
      ),
      matrixRows: matrix?.querySelectorAll("tbody tr").length ?? 0,
      matrixColumns: [...columns].sort(),
      matrixCells: cells.sort(),
      main: squashed(document.querySelector("main")?.textContent),
    };
  });
}

async function staff(local: string) {
  const session = await openPage(browser);
  await signInStaffFirstTime(session.page, app.url, account(local));
  return session;
}

/** The tool table of answer 2 as the inventory editor's CSV import takes it. */
function inventoryCsv(): string {
  const nameOf = (slug: string) => toolCatalogue.find((t) => t.slug === slug)!.name;
  const quote = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = nrwInventory.map((row) =>
    [
      nameOf(row.tool),
      row.label,
      row.variant === "unknown" ? "" : row.variant,
      row.workplaceCount === null ? "" : String(row.workplaceCount),
      row.footnoteMark ?? "",
      row.footnote ?? "",
    ]
      .map(quote)
      .join(";"),
  );
  return `Werkzeug;Bezeichnung;Betriebsform;Arbeitsplätze;Fußnotenzeichen;Fußnote\n${lines.join("\n")}\n`;
}

describe("Landtag NRW Drucksache 17/9511 reproduced through the UI", () => {
  it(
    "gives the same public page as the seeded answer: questions, joint answer, withholding, tool table, matrix",
    async () => {
      const reader = await openPage(browser);
      await reader.page.goto(`${app.url}${SEEDED}`);
      const seeded = await publicView(reader.page);
      expect(seeded.toolRows).toHaveLength(16);
      expect(seeded.matrixCells).toHaveLength(25);

      // --- the faction submits the four questions
      const faction = await openPage(browser);
      await signInFactionMember(faction.page, app.url, account("fraktion"));
      await faction.page.getByRole("link", { name: "Neue Anfrage entwerfen" }).click();
      await faction.page.waitForURL((url) => url.pathname === "/arbeitsbereich/entwurf/neu");
      await faction.page.getByRole("radio", { name: /Kleine Anfrage/ }).check();
      await faction.page.getByLabel("Titel").fill(TITLE);
      await faction.page.getByRole("button", { name: "Entwurf anlegen" }).click();
      await faction.page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
      for (const [i, question] of questionTexts.entries()) {
        if (i > 0) await faction.page.getByRole("button", { name: "Frage hinzufügen" }).click();
        await faction.page.getByRole("toolbar", { name: `Formatierung: Text der Frage ${i + 1}` }).waitFor();
        await faction.page.locator(`#q-${i}`).click();
        await faction.page.keyboard.insertText(question);
      }
      await faction.page.getByLabel("Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.").check();
      await faction.page.getByRole("button", { name: "Anfrage einreichen" }).click();
      await faction.page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}(\?eingereicht=1)?$/, POLL);
      const inquiryUrl = faction.page.url().split("?")[0]!;
      faction.assertNoPageErrors();
      await faction.close();

      // --- the Landtagsverwaltung accepts and assigns the MWIDE
      const office = await staff("ratsbuero");
      await office.page.goto(inquiryUrl);
      await office.page.getByRole("button", { name: "Anfrage annehmen" }).click();
      await expect.poll(() => status(office.page).textContent(), POLL).toBe("Die Anfrage wurde angenommen.");
      const assign = office.page.getByRole("region", { name: "Federführung und Beteiligung", exact: true });
      await assign.getByLabel("Federführende Organisationseinheit").selectOption({ label: LEAD });
      await assign.getByRole("button", { name: "Federführung zuweisen" }).click();
      await expect.poll(() => status(office.page).textContent(), POLL).toBe("Die Federführung wurde zugewiesen.");
      office.assertNoPageErrors();

      // --- the clerk drafts: Vorbemerkung, answer 1 with the withholding, 2, and 3 and 4 jointly
      const clerk = await staff("sachbearbeitung");
      await clerk.page.goto(inquiryUrl);
      await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).click();
      await clerk.page.getByRole("link", { name: "Antwort bearbeiten oder ansehen" }).waitFor(POLL);
      await clerk.page.goto(`${inquiryUrl}/antwort`);
      await clerk.page.getByRole("toolbar", { name: "Formatierung: Antworttext, Teil 1" }).waitFor(POLL);
      await clerk.page.getByLabel("Dokumentart").fill("Drucksache");
      await clerk.page.getByLabel("Herausgebende Stelle (wie gedruckt)").fill("Landesregierung");
      await clerk.page.locator("#preamble").click();
      await clerk.page.keyboard.insertText(answerPreamble);
      const parts = clerk.page.locator("li.answer-part-editor");
      const typeParagraphs = async (index: number, paragraphs: string[]) => {
        await clerk.page.locator(`#p-${index}-body`).click();
        for (const [i, text] of paragraphs.entries()) {
          if (i > 0) await clerk.page.keyboard.press("Enter");
          await clerk.page.keyboard.insertText(text);
        }
      };
      await typeParagraphs(0, part1);
      await parts.nth(0).getByLabel("Einen Teil dieser Antwort nicht veröffentlichen (zurückhalten)").check();
      await parts.nth(0).getByLabel("Rechtlicher Grund").selectOption({ label: "IT-Sicherheit" });
      await parts
        .nth(0)
        .getByLabel("Was wird zurückgehalten (kurz)")
        .fill("Eingesetzte Technologien und Hersteller der Telefon- und Videokonferenzanlagen der Polizei NRW");
      await parts
        .nth(0)
        .getByLabel(/Öffentliche Begründung/)
        .fill(itSecurityJustification);
      await typeParagraphs(1, part2);
      // Part 3 answers questions 3 and 4 jointly; part 4 goes.
      await parts.nth(2).getByLabel("Frage 4").check();
      // The form proposes "… wegen des Sachzusammenhangs …"; the Drucksache words it its own way.
      const sentence = parts.nth(2).getByLabel("Einleitender Satz der gemeinsamen Antwort, Teil 3");
      expect(await sentence.inputValue()).toBe(
        "Die Fragen 3 und 4 werden wegen des Sachzusammenhangs gemeinsam beantwortet.",
      );
      await sentence.fill(jointNote);
      await clerk.page.getByRole("button", { name: "Teil 4 entfernen" }).click();
      await typeParagraphs(2, part3);
      await clerk.page.getByRole("button", { name: "Antwort speichern" }).click();
      await expect
        .poll(() => clerk.page.locator(".draft-status").textContent(), POLL)
        .toMatch(/^Antwort gespeichert um/);
      await checkA11y(clerk.page);

      // --- the tool inventory: the table of answer 2 by CSV import, then the Anlage's matrix
      await clerk.page.goto(`${inquiryUrl}/werkzeuge`);
      await clerk.page.getByLabel("Spaltenüberschrift der Werkzeuge").fill("Videokonferenz-Tools");
      await clerk.page.getByLabel("Spaltenüberschrift der Anzahl").fill("Arbeitsplätze");
      await clerk.page.getByLabel("Beantwortet Frage Nr.").fill("2");
      await clerk.page.getByRole("button", { name: "Verzeichnis speichern" }).click();
      await clerk.page.getByRole("heading", { name: "Tabelle einfügen oder CSV hochladen" }).waitFor(POLL);
      await clerk.page
        .getByLabel("oder CSV-Datei")
        .setInputFiles({ name: "werkzeuge.csv", mimeType: "text/csv", buffer: Buffer.from(inventoryCsv(), "utf8") });
      await clerk.page.getByRole("button", { name: "Vorschau anzeigen" }).click();
      await clerk.page.getByText("Alle Zeilen sind in Ordnung.", { exact: false }).waitFor(POLL);
      await clerk.page.getByRole("button", { name: "Zeilen übernehmen" }).click();
      await expect.poll(() => clerk.page.getByRole("status").filter({ hasText: "Gespeichert." }).count(), POLL).toBe(1);
      await checkA11y(clerk.page);

      const matrixForm = clerk.page.getByRole("region", { name: "Nutzung nach Organisation" });
      for (const [i, row] of nrwMatrix.rows.entries()) {
        if (i === 0) {
          await matrixForm.getByLabel(/^Bezeichnung in der Antwort/).fill(nrwMatrix.title);
          await matrixForm.getByLabel("Überschrift der Zeilen").fill(nrwMatrix.rowHeading);
          await matrixForm.getByLabel("Überschrift der Spalten").fill(nrwMatrix.columnHeading);
          await matrixForm.getByLabel("Fußnotenzeichen").fill(nrwMatrix.footnoteMark);
          await matrixForm.getByLabel("Fußnote zur Matrix").fill(nrwMatrix.footnote);
        }
        await matrixForm.getByLabel(`Organisation ${i + 1}`, { exact: true }).selectOption({ label: row.organization });
        await matrixForm
          .getByLabel(`Bezeichnung (wie geschrieben), Organisation ${i + 1}`, { exact: true })
          .fill(row.label);
        for (const label of row.uses) {
          const column = nrwInventory.findIndex((r) => r.label === label);
          await matrixForm
            .locator("tbody tr")
            .nth(i)
            .locator("td")
            .nth(2 + column)
            .locator("input")
            .check();
        }
        await matrixForm.getByRole("button", { name: "Matrix speichern" }).click();
        // Saved: the form comes back with a new empty line.
        await matrixForm
          .getByLabel(`Bezeichnung (wie geschrieben), Organisation ${i + 2}`, { exact: true })
          .waitFor(POLL);
      }
      await checkA11y(clerk.page);

      let lastSigner: Awaited<ReturnType<typeof staff>> | undefined;
      // --- sign-off: Sachbearbeitung, then Verwaltungsspitze
      await clerk.page.goto(`${inquiryUrl}/antwort`);
      await clerk.page.getByRole("button", { name: "Zur Schlusszeichnung geben" }).click();
      // The chain has begun when the clerk's page offers the first signature. Going to the page before that
      // cancels the submission or loads the answer still in drafting, without the signature form.
      await clerk.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").waitFor(POLL);
      for (const [local, label] of [
        ["sachbearbeitung", "Sachbearbeitung"],
        ["verwaltungsspitze", "Verwaltungsspitze"],
      ] as const) {
        const signer = local === "sachbearbeitung" ? clerk : await staff(local);
        await signer.page.goto(`${inquiryUrl}/antwort`);
        await signer.page.getByLabel("Ich habe den aktuellen Inhalt der Antwort gelesen und zeichne ihn.").check();
        await signer.page.getByRole("button", { name: `Als „${label}“ zeichnen` }).click();
        const row = signer.page.locator(".sign-off-table tbody tr", { hasText: label });
        await expect.poll(async () => (await row.textContent()) ?? "", POLL).toContain("gezeichnet");
        signer.assertNoPageErrors();
        // The last step signs the correction later (ADR 0011 addendum): that session stays open.
        if (local === "verwaltungsspitze") lastSigner = signer;
        else if (signer !== clerk) await signer.close();
      }

      // --- the Landtagsverwaltung publishes it as 17/9511
      await office.page.goto(`${inquiryUrl}/antwort`);
      await office.page.getByLabel("Aktenzeichen / Drucksachennummer der veröffentlichten Antwort").fill("17/9511");
      await office.page.getByRole("button", { name: "Antwort veröffentlichen" }).click();
      await expect
        .poll(() => office.page.getByRole("status").filter({ hasText: "veröffentlicht" }).count(), POLL)
        .toBeGreaterThan(0);
      await office.page.getByRole("link", { name: "Öffentliche Seite" }).click();
      await office.page.waitForURL(/\/landtag-nrw\/anfragen\//);
      const publicUrl = office.page.url();

      // --- the two public pages agree, read as published (and again after the correction, below)
      await reader.page.goto(publicUrl);
      await checkA11y(reader.page);
      const reproduced = await publicView(reader.page);
      // Soft: one run reports every difference.
      expect.soft(reproduced.questions).toEqual(seeded.questions);
      expect.soft(reproduced.answerLabels).toEqual(seeded.answerLabels);
      expect.soft(reproduced.parts).toEqual(seeded.parts);
      // The joint note as the Drucksache words it ("wegen des bestehenden Sachzusammenhangs"), typed by the clerk.
      expect.soft(seeded.jointNotes).toEqual([jointNote]);
      expect.soft(reproduced.jointNotes).toEqual([jointNote]);
      expect.soft(reproduced.toolRows).toEqual(seeded.toolRows);
      expect.soft(reproduced.matrixRows).toBe(seeded.matrixRows);
      expect.soft(reproduced.matrixColumns).toEqual(seeded.matrixColumns);
      expect.soft(reproduced.matrixCells).toEqual(seeded.matrixCells);
      expect.soft(reproduced.main).toContain("17/9511");
      expect.soft(reproduced.main).toContain(nrwMatrix.title);

      // --- a correction, published with its note
      await correctAndPublish({
        inquiryUrl,
        clerk,
        lastSigner: lastSigner!,
        office,
        issuedBy: "MWIDE (Demo)",
        note: "Die Sachbearbeitung wurde ergänzt.",
      });

      // --- after the correction: the new version with its note
      await reader.page.goto(publicUrl);
      const corrected = await publicView(reader.page);
      expect(corrected.main).toContain("Die Sachbearbeitung wurde ergänzt.");
      expect(corrected.parts).toEqual(seeded.parts);
      // The correction's new version starts from the published tool inventory: the same table and matrix.
      expect(corrected.toolRows).toEqual(reproduced.toolRows);
      expect(corrected.matrixCells).toEqual(reproduced.matrixCells);
      reader.assertNoPageErrors();
      await reader.close();
    },
    FLOW_TIMEOUT,
  );
});
