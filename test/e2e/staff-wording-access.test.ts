/**
 * Issue 11, the remaining gaps in the browser (Norderstedt and Hamburg demo data):
 * - the council office is told what a contributing department does (no "liefert Beiträge zur Antwort zu"), is
 *   offered no DPO office as lead or contributor, and the contributing department sees its role;
 * - a DPO whose statement is requested on an answer finds the inquiry in her "Alle Vorgänge" list and opens it;
 * - a save conflict between two clerks' tabs on an answer says who saved the other version and when;
 * - a "Schreiben der Aufsichtsbehörde" is worded as a letter on the public and the staff page;
 * - the council office hides an inadmissible inquiry's question text and shows it again, the public page
 *   following at once (through the page cache); another body's council office posting to the workflow gets 404.
 * axe (wcag2a/aa, wcag21a/aa) at 1280 and 320 px, and no sideways scrolling at 320 px, on every page visited.
 *
 * Each staff account signs in once per app (the first sign-in enrols the second factor; a second one would
 * need a fresh code): `staff(email)` keeps its page for the later tests, and any test creates it when it runs
 * alone.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/dates";
import { receiptDate } from "../../app/domain/numbering";
import { checkA11y, launchBrowser, openPage, type RecordedPage } from "../support/browser";
import { freshApp, type OwnApp } from "../support/e2e-app";
import { signInFactionMember, signInStaffFirstTime } from "../support/sign-in";

const OFFICE = "ratsbuero@norderstedt.quaestio.example";
const CLERK = "sachbearbeitung@norderstedt.quaestio.example";
const CONTRIBUTOR = "zulieferung@norderstedt.quaestio.example";
const DPO = "datenschutz@norderstedt.quaestio.example";
const FOREIGN_OFFICE = "ratsbuero@landtag-nrw.quaestio.example";
const HAMBURG_OFFICE = "ratsbuero@hamburg.quaestio.example";

const ACCEPTED = "Digitale Teilnahme an Ausschusssitzungen";
/** Submitted, not yet accepted: the only state in which it can be declared inadmissible. */
const SUBMITTED = "Barrierefreiheit der Videokonferenzsysteme";
const ASSIGNED = "Ausstattung der Schulen mit digitalen Endgeräten";
const INADMISSIBLE = "Dienstliche Geräte einzelner Beschäftigter des Bürgerbüros";
const INADMISSIBLE_QUESTION = "Welche Beschäftigten des Bürgerbüros nutzen dienstliche Mobiltelefone";
const LETTER_TITLE = "Nutzung von Zoom und Microsoft 365 in der FHH";
const DPO_OFFICE = "Behördlicher Datenschutzbeauftragter";
const OLD_HINT = "liefert Beiträge zur Antwort zu";

let app: OwnApp;
let browser: Browser;
const sessions = new Map<string, RecordedPage>();

beforeAll(async () => {
  [app, browser] = await Promise.all([freshApp(), launchBrowser()]);
});

afterAll(async () => {
  for (const session of sessions.values()) await session.close();
  await browser?.close();
  await app?.stop();
});

/** The signed-in page of a staff account, signed in on first use. */
async function staff(email: string): Promise<RecordedPage> {
  let session = sessions.get(email);
  if (!session) {
    session = await openPage(browser);
    await signInStaffFirstTime(session.page, app.url, email);
    sessions.set(email, session);
  }
  return session;
}

const form = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });
const status = (page: Page) => page.getByRole("status").filter({ hasText: /\S/ });
const allInquiries = (page: Page) =>
  page.locator("section.dashboard-section", { has: page.getByRole("heading", { level: 3, name: /^Alle Vorgänge/ }) });
const daysFromToday = (n: number) => addDays(receiptDate(new Date(), "Europe/Berlin"), n);

/** No sideways scrolling at 320 px, and axe at 320 and 1280 px. */
async function checkNarrowAndWide(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll, `${page.url()} scrolls sideways at 320 px`).toBeLessThanOrEqual(client);
  await checkA11y(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await checkA11y(page);
}

async function openInquiry(page: Page, title: string) {
  await page.goto(`${app.url}/arbeitsbereich`);
  await page.getByRole("link", { name: title, exact: true }).first().click();
  await page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/vorgaenge/"));
  await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(title);
  return page.url().split("?")[0]!;
}

/** The public page as an anonymous reader gets it (no cookie: served through the page cache). */
async function anonymousText(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return response.text();
}

describe("what a contributing department does, and who finds what", () => {
  it("tells the council office what contributing means, offers no DPO office, and shows the department its role", async () => {
    const office = await staff(OFFICE);
    await openInquiry(office.page, ACCEPTED);
    const assign = form(office.page, "Federführung und Beteiligung");
    const text = (await assign.textContent())!;
    expect(text).toContain(
      "Beteiligte Stellen können den Vorgang öffnen und schreiben Beiträge zur Antwort; die federführende Stelle fasst die Antwort zusammen.",
    );
    expect(text).not.toContain(OLD_HINT);
    // The DPO's office is consulted, never lead or contributor.
    const leads = await assign.getByLabel("Federführende Organisationseinheit").locator("option").allTextContents();
    expect(leads.length).toBeGreaterThan(1);
    expect(leads.join("|")).not.toContain(DPO_OFFICE);
    expect(await assign.getByLabel(DPO_OFFICE).count()).toBe(0);
    await checkNarrowAndWide(office.page);
    office.assertNoPageErrors();

    // Amt 17 contributes to the school inquiry: its workspace names its role, and nothing says "liefert … zu".
    const contributor = await staff(CONTRIBUTOR);
    await contributor.page.goto(`${app.url}/arbeitsbereich`);
    const row = contributor.page.locator("tr", { hasText: ASSIGNED }).first();
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("beteiligt");
    expect(await contributor.page.locator("main").textContent()).not.toContain(OLD_HINT);
    await checkNarrowAndWide(contributor.page);
    await openInquiry(contributor.page, ASSIGNED);
    await expect.poll(() => contributor.page.locator("dd", { hasText: "Amt 17" }).count()).toBeGreaterThan(0);
    expect(await contributor.page.locator("main").textContent()).not.toContain(OLD_HINT);
    await checkNarrowAndWide(contributor.page);
    contributor.assertNoPageErrors();
  });

  it("lists an inquiry in the DPO's 'Alle Vorgänge' once her statement is requested, and says who saved an answer meanwhile", async () => {
    const dpo = await staff(DPO);
    await dpo.page.goto(`${app.url}/arbeitsbereich`);
    await allInquiries(dpo.page).waitFor();
    expect(await allInquiries(dpo.page).getByRole("link", { name: ASSIGNED, exact: true }).count()).toBe(0);

    // The lead department's clerk starts the answer and asks the DPO for a statement.
    const clerk = await staff(CLERK);
    const inquiryUrl = await openInquiry(clerk.page, ASSIGNED);
    await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).click();
    await expect.poll(() => status(clerk.page).textContent()).toBe("Die Beantwortung hat begonnen.");
    await clerk.page.goto(`${inquiryUrl}/beteiligungen`);
    const dpoForm = form(clerk.page, "Datenschutzbeauftragte/n beteiligen");
    await dpoForm.getByLabel("Adressat").selectOption({ label: DPO_OFFICE });
    await dpoForm.locator("#dpo-questions").click();
    await clerk.page.keyboard.insertText("Dürfen die Geräte private Konten der Schülerinnen und Schüler speichern?");
    await dpoForm.getByLabel("Antwort erbeten bis").fill(daysFromToday(14));
    await dpoForm.getByRole("button", { name: "Stellungnahme anfordern" }).click();
    await clerk.page.waitForURL((url) => url.pathname.startsWith("/arbeitsbereich/beratungen/"));

    // Every inquiry she may open is in her list: there, and it opens.
    await dpo.page.reload();
    const link = allInquiries(dpo.page).getByRole("link", { name: ASSIGNED, exact: true });
    await expect.poll(() => link.count()).toBe(1);
    await checkNarrowAndWide(dpo.page);
    await link.click();
    await dpo.page.waitForURL(inquiryUrl);
    await expect.poll(() => dpo.page.getByRole("heading", { level: 1 }).textContent()).toBe(ASSIGNED);
    await checkNarrowAndWide(dpo.page);
    dpo.assertNoPageErrors();

    // Two tabs of the clerk edit the answer; the later save meets the earlier one and says who and when.
    const first = clerk.page;
    const second = await clerk.context.newPage();
    const secondProblems: string[] = [];
    second.on("pageerror", (error) => secondProblems.push(error.message));
    second.on("console", (m) => {
      if (m.type() === "error" && !/status of 409/.test(m.text())) secondProblems.push(m.text());
    });
    for (const tab of [first, second]) {
      await tab.goto(`${inquiryUrl}/antwort`);
      await tab.getByRole("toolbar", { name: "Formatierung: Antworttext, Teil 1" }).waitFor();
    }
    await first.locator("#p-0-body").click();
    await first.keyboard.type("Fassung aus dem ersten Tab.");
    await first.getByRole("button", { name: "Antwort speichern" }).click();
    await expect.poll(() => first.locator(".draft-status").textContent()).toMatch(/^Antwort gespeichert um/);

    clerk.allowHttpError(/\/arbeitsbereich\/vorgaenge\/[^/]+\/antwort/, 409);
    await second.locator("#p-0-body").click();
    await second.keyboard.type("Fassung aus dem zweiten Tab.");
    await second.getByRole("button", { name: "Antwort speichern" }).click();
    const alert = second.getByRole("alert").filter({ hasText: "inzwischen gespeichert" });
    await alert.waitFor();
    const saver = (await first.locator(".site-nav__user").textContent())!.replace("Angemeldet als", "").trim();
    expect(saver.length).toBeGreaterThan(2);
    const message = (await alert.textContent())!;
    expect(message).toContain(`Gespeichert von ${saver} um `);
    expect(message).toMatch(/ um \d{2}:\d{2} Uhr\./);
    // The second tab's text is still in its editor.
    expect(await second.locator("#p-0-body").textContent()).toContain("Fassung aus dem zweiten Tab.");
    await checkA11y(second);
    expect(secondProblems).toEqual([]);
    await second.close();
    clerk.assertNoPageErrors();
  });
});

describe("a Schreiben der Aufsichtsbehörde in its own words", () => {
  it("shows the letter's content as 'Punkt 1' under 'Schreiben und Antwort' publicly and 'Inhalt des Schreibens' to staff", async () => {
    const reader = await openPage(browser);
    await reader.page.goto(`${app.url}/hamburg/anfragen/SA-1-2021`);
    const main = reader.page.locator("main");
    await expect.poll(() => main.getByRole("heading", { level: 1 }).textContent()).toBe(LETTER_TITLE);
    expect(await main.getByRole("heading", { level: 2, name: "Schreiben und Antwort" }).count()).toBe(1);
    expect(await main.getByRole("heading", { level: 3, name: "Punkt 1" }).count()).toBe(1);
    expect(await main.getByText("Antwort zu Punkt 1", { exact: true }).count()).toBe(1);
    const publicText = (await main.innerText()).replace(/\s+/g, " ");
    expect(publicText).not.toMatch(/Fragen und Antworten|Frage 1\b|Antwort zu Frage/);
    await checkNarrowAndWide(reader.page);
    reader.assertNoPageErrors();
    await reader.close();

    const office = await staff(HAMBURG_OFFICE);
    await openInquiry(office.page, LETTER_TITLE);
    const staffMain = office.page.locator("main");
    expect(await staffMain.locator("dd", { hasText: /^Schreiben der Aufsichtsbehörde$/ }).count()).toBe(1);
    expect(await staffMain.getByRole("heading", { level: 2, name: "Inhalt des Schreibens" }).count()).toBe(1);
    expect(await staffMain.getByRole("heading", { level: 3, name: "Punkt 1" }).count()).toBe(1);
    expect(await staffMain.getByRole("heading", { level: 2, name: "Fragen", exact: true }).count()).toBe(0);
    expect(await staffMain.getByRole("heading", { name: /^Frage \d/ }).count()).toBe(0);
    await checkNarrowAndWide(office.page);
    office.assertNoPageErrors();
  });
});

describe("hiding and showing an inadmissible inquiry's question text", () => {
  it("is undone by the council office with a reason, the public page following at once; another body's office gets 404", async () => {
    const office = await staff(OFFICE);
    const staffUrl = await openInquiry(office.page, INADMISSIBLE);
    await office.page.getByRole("link", { name: "Öffentliche Seite dieses Vorgangs" }).click();
    await office.page.waitForURL((url) => url.pathname.startsWith("/norderstedt/anfragen/"));
    const publicUrl = office.page.url();
    // Anonymous readers get it through the page cache: asked twice, the second answer is the cached one.
    expect(await anonymousText(publicUrl)).toContain(INADMISSIBLE_QUESTION);
    expect(await anonymousText(publicUrl)).toContain(INADMISSIBLE_QUESTION);

    await office.page.goto(staffUrl);
    const hide = form(office.page, "Fragetext öffentlich nicht zeigen");
    await hide
      .getByLabel("Öffentlicher Hinweis, warum der Fragetext nicht gezeigt wird")
      .fill("Die Frage nennt einzelne Beschäftigte.");
    await hide.getByRole("button", { name: "Fragetext verbergen" }).click();
    await expect
      .poll(() => status(office.page).textContent())
      .toBe("Der Fragetext wird öffentlich nicht mehr gezeigt.");
    await expect.poll(async () => anonymousText(publicUrl)).not.toContain(INADMISSIBLE_QUESTION);
    expect(await anonymousText(publicUrl)).toContain("Die Frage nennt einzelne Beschäftigte.");

    // Another body's council office: the workflow of this (public) inquiry is not theirs — 404 whatever it posts,
    // an empty note included (it used to get the form's 400 "please give the note").
    const foreign = await staff(FOREIGN_OFFICE);
    await foreign.page.goto(`${app.url}/arbeitsbereich`);
    for (const note of ["", "Fremder Hinweis"]) {
      const response = await foreign.page.request.post(staffUrl, {
        form: { intent: "hide_question_text", version: "1", questionTextHiddenReason: note },
        headers: { Origin: app.url },
        maxRedirects: 0,
      });
      expect(response.status(), `note ${JSON.stringify(note)}`).toBe(404);
    }
    const showForeign = await foreign.page.request.post(staffUrl, {
      form: { intent: "show_question_text", version: "1", reason: "" },
      headers: { Origin: app.url },
      maxRedirects: 0,
    });
    expect(showForeign.status()).toBe(404);
    foreign.assertNoPageErrors();

    // Shown again: a reason is required (kept as typed), then the public page has the question at once.
    await office.page.reload();
    const show = form(office.page, "Fragetext öffentlich wieder zeigen");
    expect(await form(office.page, "Fragetext öffentlich nicht zeigen").count()).toBe(0);
    office.allowHttpError(/\/arbeitsbereich\/vorgaenge\//, 400);
    await show.getByRole("button", { name: "Fragetext wieder zeigen" }).click();
    await expect
      .poll(() => show.locator(".field-error", { hasText: "Bitte füllen Sie dieses Feld aus." }).count())
      .toBe(1);
    await checkNarrowAndWide(office.page);
    await show.getByLabel(/^Begründung/).fill("Der Hinweis betraf eine andere Anfrage.");
    await show.getByRole("button", { name: "Fragetext wieder zeigen" }).click();
    await expect.poll(() => status(office.page).textContent()).toBe("Der Fragetext wird öffentlich wieder gezeigt.");
    // The hide form is offered again; the staff view no longer names a public note.
    await expect.poll(() => form(office.page, "Fragetext öffentlich nicht zeigen").count()).toBe(1);
    expect(await office.page.locator("dd", { hasText: "Die Frage nennt einzelne Beschäftigte." }).count()).toBe(0);
    const page = await anonymousText(publicUrl);
    expect(page).toContain(INADMISSIBLE_QUESTION);
    expect(page).not.toContain("Der Text der Anfrage wird nicht veröffentlicht.");
    await checkNarrowAndWide(office.page);

    office.assertNoPageErrors();
  });
});

describe("announced errors and honest titles", () => {
  it("puts the focus on the error summary when the e-mail is missing at sign-in", async () => {
    const visitor = await openPage(browser);
    const { page } = visitor;
    await page.goto(`${app.url}/anmelden`);
    await page.getByLabel("Passwort").fill("irgendetwas");
    visitor.allowHttpError(/\/anmelden/, 400);
    await page.getByRole("button", { name: "Anmelden" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Bitte geben Sie Ihre E-Mail-Adresse ein." });
    await expect.poll(() => summary.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest("[role=alert]")?.textContent ?? "body"))
      .toContain("Bitte geben Sie Ihre E-Mail-Adresse ein.");
    expect(await page.getByLabel("E-Mail-Adresse").getAttribute("aria-invalid")).toBe("true");
    await checkNarrowAndWide(page);
    visitor.assertNoPageErrors();
    await visitor.close();
  });

  it("announces a declaration of inadmissibility without a reason and changes nothing", async () => {
    const office = await staff(OFFICE);
    await openInquiry(office.page, SUBMITTED);
    const statusBefore = await office.page.locator("dd.status-explanation").textContent();
    const decline = form(office.page, "Für unzulässig erklären");
    office.allowHttpError(/\/arbeitsbereich\/vorgaenge\//, 400);
    await decline.getByRole("button", { name: "Für unzulässig erklären" }).click();
    // The message takes the focus (an alert inside the form), and the field says it is invalid.
    await expect
      .poll(() => office.page.evaluate(() => document.activeElement?.closest("[role=alert]")?.textContent ?? "body"))
      .toContain("Bitte füllen Sie dieses Feld aus.");
    expect(await decline.getByLabel(/^Begründung der Unzulässigkeit/).getAttribute("aria-invalid")).toBe("true");
    expect(await office.page.locator("dd.status-explanation").textContent()).toBe(statusBefore);
    await checkNarrowAndWide(office.page);
    office.assertNoPageErrors();
  });

  it("titles a faction colleague's read-only view of a draft 'Entwurf ansehen', not 'Entwurf bearbeiten'", async () => {
    const author = await openPage(browser);
    await signInFactionMember(author.page, app.url, "fraktion@norderstedt.quaestio.example");
    await author.page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
    await author.page.getByRole("radio").first().check();
    await author.page.getByLabel("Titel").fill("Nur die Verfasserin bearbeitet");
    await author.page.getByRole("button", { name: "Entwurf anlegen" }).click();
    await author.page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
    // The URL changes before the client-side navigation has rendered the draft page: wait for its heading.
    await expect.poll(() => author.page.getByRole("heading", { level: 1 }).textContent()).toBe("Entwurf bearbeiten");
    const draftUrl = author.page.url();
    author.assertNoPageErrors();
    await author.close();

    const colleague = await openPage(browser);
    await signInFactionMember(colleague.page, app.url, "fraktion2@norderstedt.quaestio.example");
    await colleague.page.goto(draftUrl);
    await expect.poll(() => colleague.page.getByRole("heading", { level: 1 }).textContent()).toBe("Entwurf ansehen");
    expect(await colleague.page.title()).toBe("Entwurf ansehen: Nur die Verfasserin bearbeitet – Quaestio");
    expect(await colleague.page.getByText(/^Sie können diesen Entwurf Ihrer Fraktion lesen\./).count()).toBe(1);
    expect(await colleague.page.getByRole("button", { name: "Entwurf speichern" }).count()).toBe(0);
    await checkNarrowAndWide(colleague.page);
    colleague.assertNoPageErrors();
    await colleague.close();
  });

  it("gives every page of the audit log a title of its own", async () => {
    const admin = await staff("admin@norderstedt.quaestio.example");
    await admin.page.goto(`${app.url}/verwaltung/norderstedt/protokoll`);
    const first = await admin.page.title();
    expect(first).toMatch(/^Protokoll: /);
    await admin.page.goto(`${app.url}/verwaltung/norderstedt/protokoll?seite=2`);
    const second = await admin.page.title();
    expect(second).toContain("Seite 2");
    expect(second).not.toBe(first);
    await checkNarrowAndWide(admin.page);
    admin.assertNoPageErrors();
  });
});
