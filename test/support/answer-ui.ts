/**
 * Steps of the answer workflow through the UI that the reproduction tests share (Norderstedt and NRW): reading
 * a fact of the answer page, and a correction from start to publication.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { RecordedPage } from "./browser";

const POLL = { timeout: 30_000 };

/** The value (<dd>) of a term (<dt>) in a fact list of the page. */
const definition = (page: Page, term: string) =>
  page.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]");

/**
 * A correction: the clerk starts it and changes the issuing office's label, the last step of the chain signs
 * the corrected version (ADR 0011), the council office publishes it with a note. Closes the three sessions.
 */
export async function correctAndPublish(input: {
  inquiryUrl: string;
  clerk: RecordedPage;
  lastSigner: RecordedPage;
  office: RecordedPage;
  issuedBy: string;
  note: string;
}) {
  const { inquiryUrl, clerk, lastSigner: head, office } = input;
  await clerk.page.goto(`${inquiryUrl}/antwort`);
  await clerk.page.getByRole("button", { name: "Berichtigung beginnen" }).click();
  await clerk.page.getByLabel("Sachbearbeitung (wie gedruckt)").waitFor(POLL);
  await clerk.page.getByLabel("Sachbearbeitung (wie gedruckt)").fill(input.issuedBy);
  await clerk.page.getByRole("button", { name: "Antwort speichern" }).click();
  await expect.poll(() => clerk.page.locator(".draft-status").textContent(), POLL).toMatch(/^Antwort gespeichert um/);
  clerk.assertNoPageErrors();
  await clerk.close();
  // The last step of the chain signs the corrected version before it can be published.
  await head.page.goto(`${inquiryUrl}/antwort`);
  await head.page.getByLabel("Ich habe die berichtigte Fassung gelesen und zeichne sie.").check();
  await head.page.getByRole("button", { name: "Berichtigung zeichnen" }).click();
  await expect.poll(() => head.page.getByText(/Die Berichtigung ist gezeichnet/).count(), POLL).toBeGreaterThan(0);
  head.assertNoPageErrors();
  await head.close();
  await office.page.goto(`${inquiryUrl}/antwort`);
  await office.page.getByLabel(/^Was wurde berichtigt\?/).fill(input.note);
  await office.page.getByRole("button", { name: "Berichtigung veröffentlichen" }).click();
  // The answer was "veröffentlicht" before as well: wait for the action's own message.
  await expect
    .poll(() => office.page.getByRole("status").filter({ hasText: "veröffentlicht" }).count(), POLL)
    .toBeGreaterThan(0);
  await expect.poll(() => definition(office.page, "Stand der Antwort").textContent(), POLL).toBe("veröffentlicht");
  office.assertNoPageErrors();
  await office.close();
}
