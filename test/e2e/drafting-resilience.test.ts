/**
 * A save that fails must not cost the user their text. The draft's POST is made to fail in the browser
 * (page.route): once with an HTTP 500 from "the server" (as a proxy in front of the app would answer), once
 * with a dropped connection (route.abort). Each time the editors and the typed text stay, the status line says
 * that saving failed, and once the connection is back the next autosave stores the text. A copy of the
 * unsaved text in this browser survives a reload: the editor offers to restore or discard it.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useAppAndBrowser } from "../support/e2e-app";
import { checkA11y, openPage, type RecordedPage } from "../support/browser";
import { signInFactionMemberOnce } from "../support/sign-in";
import { expectStatusAfterAutosave, installClock } from "../support/autosave-clock";

const FACTION = "fraktion@norderstedt.quaestio.example";

const { app, browser } = useAppAndBrowser();

const status = (page: Page) =>
  page.getByRole("status").filter({ hasText: /Entwurf|Speichern|gespeichert|Ungespeichert|Jemand|wiederhergestellt/ });
const editorsShown = (page: Page) => page.getByRole("toolbar", { name: "Formatierung: Text der Frage 1" }).isVisible();
/** The draft's saves: single-fetch POSTs to `<draft url>.data`. */
const SAVE_URL = /\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}\.data/;

/** A new draft of the faction member (signed in through the form once per file: the tests are not about that). */
async function newDraft(page: Page, title: string): Promise<string> {
  await signInFactionMemberOnce(page, app.url, FACTION);
  await page.goto(`${app.url}/arbeitsbereich/entwurf/neu`);
  await page.getByRole("radio").first().check();
  await page.getByLabel("Titel").fill(title);
  await page.getByRole("button", { name: "Entwurf anlegen" }).click();
  await page.waitForURL(/\/arbeitsbereich\/entwurf\/[0-9a-f-]{36}$/);
  await page.getByRole("toolbar", { name: "Formatierung: Vorbemerkung (optional)" }).waitFor();
  return page.url();
}

async function typeIntoQuestion(page: Page, text: string) {
  await page.locator("#q-0").click();
  await page.keyboard.press("End");
  await page.keyboard.type(text);
}

/** Makes every save fail the given way until the returned function is called. */
async function failSaves(page: Page, how: (route: Route) => Promise<void>) {
  const handler = (route: Route) => (route.request().method() === "POST" ? how(route) : route.continue());
  await page.route(SAVE_URL, handler);
  return () => page.unroute(SAVE_URL, handler);
}

const serverError = (route: Route) =>
  route.fulfill({ status: 500, contentType: "text/html", body: "<h1>Internal Server Error</h1>" });
const dropConnection = (route: Route) => route.abort("failed");

/**
 * The problems the recorder saw, minus the ones this test provokes on purpose: the aborted POSTs (a failed
 * request and Chromium's console line for it), and the SyntaxError Remix itself logs with console.error when an
 * answer is not in its data format (the fake 500's HTML body). Everything else still fails the test.
 */
function unexpectedProblems(recorded: RecordedPage): string[] {
  return recorded.problems.filter(
    (p) =>
      !(
        /^(request failed: POST |console error: Failed to load resource: )/.test(p) &&
        SAVE_URL.test(p) &&
        p.includes("net::ERR_FAILED")
      ) && !/^console error: SyntaxError\n/.test(p),
  );
}

describe("a failing save keeps the text", () => {
  it.each([
    {
      name: "HTTP 500",
      how: serverError,
      message: /^Speichern fehlgeschlagen \(Serverfehler\)\. Ihr Text ist nicht verloren/,
    },
    {
      name: "dropped connection",
      how: dropConnection,
      message: /^Speichern fehlgeschlagen: Die Verbindung zum Server ist abgebrochen\. Ihr Text ist nicht verloren/,
    },
  ])(
    "on $name: editors and text stay, the status says so, the next autosave after recovery stores it",
    async ({ how, message }) => {
      const recorded = await openPage(browser);
      const { page } = recorded;
      await installClock(page);
      const draftUrl = await newDraft(page, "Ausfallsicherheit");
      recorded.allowHttpError(SAVE_URL, 500);
      page.on("dialog", (dialog) => void dialog.accept());

      const restore = await failSaves(page, how);
      await typeIntoQuestion(page, "Wie oft fällt der Server aus?");
      await page.getByLabel("Titel").fill("Ausfallsicherheit der IT");
      await expectStatusAfterAutosave(page, status(page), message);
      expect(await editorsShown(page)).toBe(true);
      expect(await page.locator("#q-0").textContent()).toBe("Wie oft fällt der Server aus?");
      expect(await page.getByLabel("Titel").inputValue()).toBe("Ausfallsicherheit der IT");
      // The button fails the same way and still leaves everything in place.
      await page.getByRole("button", { name: "Entwurf speichern" }).click();
      await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toMatch(message);
      expect(await page.locator("#q-0").textContent()).toBe("Wie oft fällt der Server aus?");
      await checkA11y(page);

      await restore();
      await typeIntoQuestion(page, " Und wie lange?");
      await expectStatusAfterAutosave(page, status(page), /^Entwurf gespeichert um \d\d:\d\d Uhr\.$/);
      await page.goto(draftUrl);
      await page.getByRole("toolbar", { name: "Formatierung: Text der Frage 1" }).waitFor();
      expect(await page.locator("#q-0").textContent()).toBe("Wie oft fällt der Server aus? Und wie lange?");
      expect(await page.getByLabel("Titel").inputValue()).toBe("Ausfallsicherheit der IT");
      // Saved: no backup is offered.
      expect(await page.getByRole("button", { name: "Ungespeicherte Änderungen wiederherstellen" }).count()).toBe(0);
      expect(unexpectedProblems(recorded)).toEqual([]);
      await recorded.close();
    },
  );
});

describe("the local backup", () => {
  it("offers the unsaved text after a reload; restoring brings it back and saves it, discarding removes it", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    await installClock(page);
    const draftUrl = await newDraft(page, "Sicherungskopie");
    page.on("dialog", (dialog) => void dialog.accept());

    let restore = await failSaves(page, dropConnection);
    await typeIntoQuestion(page, "Text, der nicht gespeichert wurde.");
    await expectStatusAfterAutosave(page, status(page), /^Speichern fehlgeschlagen/);
    await restore();
    await page.reload();

    const offer = page.getByRole("region", { name: "Ungespeicherte Änderungen gefunden" });
    await offer.waitFor();
    // The saved version is shown until the user decides; the offer has the focus.
    expect(await page.locator("#q-0").textContent()).toBe("");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Ungespeicherte Änderungen gefunden");
    await checkA11y(page);
    await offer.getByRole("button", { name: "Ungespeicherte Änderungen wiederherstellen" }).click();
    await expect.poll(() => page.locator("#q-0").textContent()).toBe("Text, der nicht gespeichert wurde.");
    expect(await offer.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("title");
    // Restored text is saved by itself.
    await expectStatusAfterAutosave(page, status(page), /^Entwurf gespeichert um/);
    await page.goto(draftUrl);
    await page.getByRole("toolbar", { name: "Formatierung: Text der Frage 1" }).waitFor();
    expect(await page.locator("#q-0").textContent()).toBe("Text, der nicht gespeichert wurde.");
    expect(await offer.count()).toBe(0);

    // Discarding: the saved text stays, the copy is gone for good.
    restore = await failSaves(page, dropConnection);
    await typeIntoQuestion(page, " Verworfen.");
    await expectStatusAfterAutosave(page, status(page), /^Speichern fehlgeschlagen/);
    await restore();
    await page.reload();
    await offer.waitFor();
    await offer.getByRole("button", { name: "Verwerfen" }).click();
    expect(await offer.count()).toBe(0);
    expect(await page.locator("#q-0").textContent()).toBe("Text, der nicht gespeichert wurde.");
    await page.reload();
    await page.getByRole("toolbar", { name: "Formatierung: Text der Frage 1" }).waitFor();
    expect(await page.locator("#q-0").textContent()).toBe("Text, der nicht gespeichert wurde.");
    expect(await offer.count()).toBe(0);
    expect(unexpectedProblems(recorded)).toEqual([]);
    await recorded.close();
  });

  it("leaves no copy of a deleted draft's text in the browser", async () => {
    const recorded = await openPage(browser);
    const { page } = recorded;
    await installClock(page);
    await newDraft(page, "Wird gelöscht");
    page.on("dialog", (dialog) => void dialog.accept());
    const restore = await failSaves(page, dropConnection);
    await typeIntoQuestion(page, "Vertraulicher Entwurfstext.");
    await expectStatusAfterAutosave(page, status(page), /^Speichern fehlgeschlagen/);
    const stored = () => page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    expect(await stored()).toContain("Vertraulicher Entwurfstext.");
    await restore();

    await page.getByLabel("Ja, diesen Entwurf endgültig löschen.").check();
    await page.getByRole("button", { name: "Entwurf löschen" }).click();
    await page.waitForURL(/\/arbeitsbereich$/);
    expect(await stored()).not.toContain("Vertraulicher Entwurfstext.");
    expect(unexpectedProblems(recorded)).toEqual([]);
    await recorded.close();
  });
});
