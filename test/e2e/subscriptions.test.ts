/**
 * Following an inquiry (issue 14) in a real browser against `npm start`: a reader finds the Atom feed (linked
 * in the page head and visibly, served with ETag and 304) and subscribes by e-mail without an account; the
 * confirmation mail arrives in the development mailbox; nothing else is sent before the confirmation. When the
 * lead department posts a holding answer, the notice arrives with List-Unsubscribe and List-Unsubscribe-Post;
 * after unsubscribing through its link, the next holding answer reaches a second subscriber but not the first.
 * An invalid address posted from the form embedded in a cached page is refused on /abo the Conform way: the
 * error summary takes the focus, the message stands at the field (aria-describedby), the address is kept — with
 * and without JavaScript.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkA11y, launchBrowser, openPage, WAIT_FOR_APP_MS, waitForMailLink } from "../support/browser";
import { startApp, type RunningApp } from "../support/server";
import { signInStaffFirstTime } from "../support/sign-in";

const TITLE = "Open-Source-Software in den Ministerien";
const READER = "leserin@example.org";
const SECOND = "zweiter-leser@example.org";

let app: RunningApp;
let browser: Browser;
let mailDir: string;

beforeAll(async () => {
  mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "quaestio-e2e-mail-"));
  [app, browser] = await Promise.all([startApp({ env: { MAIL_DIR: mailDir, SMTP_URL: "" } }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (mailDir) fs.rmSync(mailDir, { recursive: true, force: true });
});

const POLL = { timeout: 20_000 };
const INVALID = "Bitte geben Sie eine gültige E-Mail-Adresse ein";
const MISSING = "Bitte geben Sie Ihre E-Mail-Adresse ein.";

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

/**
 * The refused address on /abo: the summary lists `message` as a link to the field, the field is invalid and
 * described by its message (Conform's ids: form `abo`, field `abo-email`, message `abo-email-error`).
 */
async function expectAtEmailField(page: Page, message: string) {
  const summary = page.locator("#abo-summary");
  expect(await summary.getAttribute("role")).toBe("alert");
  expect(await summary.getByRole("link", { name: message }).getAttribute("href")).toBe("#abo-email");
  const field = page.locator("#abo-email");
  expect(await field.getAttribute("aria-invalid")).toBe("true");
  expect(await field.getAttribute("aria-describedby")).toBe("abo-email-error");
  expect(await page.locator("#abo-email-error").textContent()).toContain(message);
}

/** The mails in the development mailbox to `recipient` whose subject contains `subject`. */
async function mailsIn(page: Page, recipient: string, subject: string) {
  await page.goto(`${app.url}/entwicklung/postfach`);
  return page
    .locator("article")
    .filter({ hasText: recipient })
    .filter({ has: page.getByRole("heading", { name: subject }) });
}

async function waitForNotices(page: Page, recipient: string, count: number) {
  return vi.waitFor(
    async () => {
      const mails = await mailsIn(page, recipient, "Zwischennachricht");
      if ((await mails.count()) < count) throw new Error(`fewer than ${count} notices to ${recipient} yet`);
      return mails;
    },
    { timeout: WAIT_FOR_APP_MS, interval: 250 },
  );
}

async function subscribeAndConfirm(page: Page, inquiryUrl: string, email: string) {
  await page.goto(inquiryUrl);
  const follow = page.locator("section.follow");
  await follow.getByLabel("E-Mail-Adresse").fill(email);
  await follow.getByRole("button", { name: "Per E-Mail folgen" }).click();
  await expect
    .poll(() => page.getByRole("status").textContent(), POLL)
    .toContain("haben wir eine E-Mail mit einem Bestätigungslink geschickt");
  const link = await waitForMailLink(page, `${app.url}/entwicklung/postfach`, email, "/abo/bestaetigen/");
  await page.goto(link);
  await page.getByRole("button", { name: "Abonnement bestätigen" }).click();
  await expect.poll(() => page.getByRole("status").textContent(), POLL).toContain("Ihr Abonnement ist bestätigt");
}

async function postHoldingAnswer(page: Page, answerUrl: string, message: string, expectedOn: string) {
  await page.goto(answerUrl);
  await page.getByLabel("Zwischennachricht (öffentlich)").fill(message);
  await page.getByLabel("Antwort voraussichtlich bis").fill(expectedOn);
  await page.getByRole("button", { name: "Zwischennachricht veröffentlichen" }).click();
  await expect
    .poll(() => page.getByRole("status").filter({ hasText: "Die Zwischennachricht steht im Verlauf" }).count(), POLL)
    .toBe(1);
}

describe("following an inquiry", () => {
  it("feed, double opt-in, notice with List-Unsubscribe, one-click unsubscribe", async () => {
    const reader = await openPage(browser);
    const { page } = reader;
    await page.goto(`${app.url}/landtag-nrw/anfragen`);
    await page.getByRole("link", { name: TITLE }).first().click();
    await page.waitForURL(/\/landtag-nrw\/anfragen\/[^/]+$/);
    const inquiryUrl = page.url();
    const publicRef = new URL(inquiryUrl).pathname.split("/").pop()!;

    // The feed: announced in the head and linked visibly; served as Atom with validators.
    const feedPath = `/feeds/landtag-nrw/anfragen/${publicRef}.atom`;
    // Polled: after a client-side navigation the head's links follow the new route's meta a moment later.
    await expect
      .poll(() => page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="${feedPath}"]`).count())
      .toBe(1);
    expect(await page.getByRole("link", { name: "Feed abonnieren" }).first().getAttribute("href")).toBe(feedPath);
    const feed = await page.request.get(`${app.url}${feedPath}`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
    expect(await feed.text()).toContain(`<link rel="alternate" type="text/html" href="${inquiryUrl}"/>`);
    const again = await page.request.get(`${app.url}${feedPath}`, {
      headers: { "If-None-Match": feed.headers().etag! },
    });
    expect(again.status()).toBe(304);
    await checkA11y(page);

    // Subscribing: the form works, the confirmation mail arrives; only after confirming is anything sent.
    await subscribeAndConfirm(page, inquiryUrl, READER);
    await checkA11y(page);
    await subscribeAndConfirm(page, inquiryUrl, SECOND);

    // The lead department posts a holding answer: a public event of the followed inquiry.
    const clerk = await openPage(browser);
    await signInStaffFirstTime(clerk.page, app.url, "sachbearbeitung@landtag-nrw.quaestio.example");
    await clerk.page.goto(`${app.url}/arbeitsbereich`);
    await clerk.page.getByRole("link", { name: TITLE }).first().click();
    await clerk.page.waitForURL(/\/arbeitsbereich\/vorgaenge\/[0-9a-f-]{36}$/);
    const answerUrl = `${clerk.page.url()}/antwort`;
    await clerk.page.getByRole("button", { name: "Beantwortung beginnen" }).click();
    await clerk.page.getByRole("link", { name: "Antwort bearbeiten oder ansehen" }).waitFor();
    const nextYear = new Date().getFullYear() + 1;
    await postHoldingAnswer(clerk.page, answerUrl, "Die Abstimmung der Ressorts dauert an.", `${nextYear}-02-01`);

    const notices = await waitForNotices(page, READER, 1);
    const notice = notices.first();
    expect(await notice.locator("pre").textContent()).toContain("Die Abstimmung der Ressorts dauert an.");
    const unsubscribeUrl = await notice.locator("dd.mail-header a").getAttribute("href");
    expect(unsubscribeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/abo\/abmelden\/[A-Za-z0-9_-]{43}$/);
    // The real message carries the RFC 8058 headers.
    const emls = fs.readdirSync(mailDir).filter((f) => f.endsWith(".eml"));
    const withHeader = emls
      // Unfolded: a long header line is folded onto the next (RFC 5322 §2.2.3).
      .map((f) => fs.readFileSync(path.join(mailDir, f), "utf8").replace(/\r?\n[ \t]+/g, " "))
      .filter((eml) => eml.includes(`List-Unsubscribe: <${unsubscribeUrl}>`));
    expect(withHeader).toHaveLength(1);
    expect(withHeader[0]).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    await checkA11y(page);

    // Unsubscribing: GET shows a page with a button (a link scanner ends nothing); the button ends it.
    await page.goto(unsubscribeUrl!);
    await checkA11y(page);
    await page.getByRole("button", { name: "Abonnement beenden" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), POLL).toContain("Ihr Abonnement ist beendet");
    // RFC 8058: a mail client's one-click POST of the same link answers 200 (nothing left to end).
    const oneClick = await page.request.post(unsubscribeUrl!, { form: { "List-Unsubscribe": "One-Click" } });
    expect(oneClick.status()).toBe(200);

    // The next holding answer reaches the second subscriber, not the one who left.
    await postHoldingAnswer(clerk.page, answerUrl, "Die Antwort liegt zur Zeichnung vor.", `${nextYear}-03-01`);
    await waitForNotices(page, SECOND, 2);
    expect(await (await mailsIn(page, READER, "Zwischennachricht")).count()).toBe(1);

    clerk.assertNoPageErrors();
    await clerk.close();
    reader.assertNoPageErrors();
    await reader.close();
  });

  it("refuses an invalid address on /abo: summary with focus, message at the field, address kept, also without JavaScript", async () => {
    const reader = await openPage(browser);
    const { page } = reader;
    await page.goto(`${app.url}/werkzeuge/zoom`);
    expect(await page.locator('head link[rel="alternate"][href="/feeds/werkzeuge/zoom.atom"]').count()).toBe(1);
    reader.allowHttpError(/\/abo(\.data)?\?/, 400);
    // The form embedded in the (cached) tool page posts to /abo, which shows the refusal.
    await page.locator("section.follow").getByLabel("E-Mail-Adresse").fill("keine-adresse");
    await page.locator("section.follow").getByRole("button", { name: "Per E-Mail folgen" }).click();
    await page.waitForURL(/\/abo\?thema=werkzeug&werkzeug=zoom$/);
    await expect.poll(() => focusedId(page), POLL).toBe("abo-summary");
    await expectAtEmailField(page, INVALID);
    expect(await page.getByLabel("E-Mail-Adresse").inputValue()).toBe("keine-adresse");
    // One heading names the page and its form (an h2 with the h1's words was shown below it).
    expect(await page.getByRole("heading", { name: "Per E-Mail folgen" }).count()).toBe(1);
    expect(await page.getByRole("region", { name: "Per E-Mail folgen" }).count()).toBe(1);
    await checkA11y(page);

    // Again on /abo itself, without an address: the summary takes the focus again with the new message.
    await page.getByLabel("E-Mail-Adresse").fill("");
    await page.getByRole("button", { name: "Per E-Mail folgen" }).click();
    await expect.poll(() => page.locator(".error-summary").textContent(), POLL).toContain(MISSING);
    await expect.poll(() => focusedId(page), POLL).toBe("abo-summary");
    await expectAtEmailField(page, MISSING);
    reader.assertNoPageErrors();
    await reader.close();

    // Without JavaScript the embedded form is a plain POST; /abo answers with the same page.
    const noJs = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${app.url}/werkzeuge/zoom`);
    await plain.locator("section.follow").getByLabel("E-Mail-Adresse").fill("ohne-skript");
    await plain.locator("section.follow").getByRole("button", { name: "Per E-Mail folgen" }).click();
    await plain.waitForURL(/\/abo\?thema=werkzeug&werkzeug=zoom$/);
    await expectAtEmailField(plain, INVALID);
    expect(await plain.getByLabel("E-Mail-Adresse").inputValue()).toBe("ohne-skript");
    await noJs.close();
  });
});
