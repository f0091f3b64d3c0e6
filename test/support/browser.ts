/**
 * Headless Chromium for browser tests: Debian's build driven by playwright-core (no browser downloads work
 * here). Every page opened with openPage records console errors, page errors and failed requests, and
 * checkA11y runs axe-core on the page; both fail the test with a list of what they found.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, vi } from "vitest";
import { CHROMIUM_ARGS, ensureChromium } from "./chromium";
import { askControl, controlUrl } from "./e2e-control";

export { ensureChromium };

/**
 * Headless Chromium for a test file. In the e2e project this connects to the run's Chromium (global-e2e.ts
 * launches one per run rather than one per file); close() then closes the contexts the file opened and
 * disconnects. Each context (openPage, browser.newContext) has its own cookies and storage either way.
 * Elsewhere it launches Chromium: Playwright gives each launch a fresh, empty profile directory of its own
 * (it passes --user-data-dir itself and refuses the flag in args) and deletes it on close.
 */
export async function launchBrowser(): Promise<Browser> {
  if (controlUrl()) {
    const { wsEndpoint } = await askControl<{ wsEndpoint: string }>("/browser", "the run's Chromium");
    return chromium.connect(wsEndpoint);
  }
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** What went wrong so far, one line each. */
  problems: string[];
  /** Declares an HTTP error the test provokes on purpose, so that it is not counted as a problem. */
  allowHttpError(url: string | RegExp, status?: number): void;
  /** Fails the test if any console error, page error or failed request was recorded. */
  assertNoPageErrors(): void;
  close(): Promise<void>;
}

/** Opens a page in a new browser context (no shared cookies) and starts recording problems. */
export async function openPage(browser: Browser): Promise<RecordedPage> {
  const context = await browser.newContext({ locale: "de-DE", timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  const problems: string[] = [];
  const allowed: { url: string | RegExp; status?: number }[] = [];

  const isAllowed = (url: string, status?: number) =>
    allowed.some(
      (rule) =>
        (typeof rule.url === "string" ? url === rule.url || url.endsWith(rule.url) : rule.url.test(url)) &&
        (rule.status === undefined || status === undefined || rule.status === status),
    );

  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location();
    // Chromium reports every HTTP error response as a console error too; the response handler judges those.
    if (/^Failed to load resource: the server responded with a status of/.test(message.text())) {
      if (isAllowed(location.url)) return;
    }
    // A navigation that starts while the previous one is still reading its data aborts that request (the same
    // case as net::ERR_ABORTED below). Remix's single fetch then logs the aborted stream with console.error
    // before it drops it (@remix-run/react single-fetch.js, `decodeViaTurboStream` … `console.error(e)`;
    // upstream: remix-run/react-router#14203). The newer navigation wins and nothing fails for the user; seen
    // once in a loaded run, reproduce-nrw. Only the DOMException of an abort without reason is let through.
    if (/^AbortError: signal is aborted without reason\b/.test(message.text())) return;
    problems.push(`console error: ${message.text()}${location.url ? ` (${location.url}:${location.lineNumber})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "unknown";
    // A navigation cancels what the previous page still had in flight (prefetches, data requests);
    // that is not a failure of the app. Everything else (DNS, refused, CSP, …) is.
    if (reason === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${request.method()} ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() < 400 || isAllowed(response.url(), response.status())) return;
    problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });

  return {
    page,
    context,
    problems,
    allowHttpError(url, status) {
      allowed.push({ url, status });
    },
    assertNoPageErrors() {
      expect(problems, `problems on ${page.url()}:\n${problems.join("\n")}`).toEqual([]);
    },
    close: () => context.close(),
  };
}

// ---- accessibility -----------------------------------------------------------------------------------

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
}

/**
 * Runs axe-core on the current page and fails on any serious or critical violation. The script is
 * evaluated through the DevTools protocol rather than added as a <script> tag, because the app's CSP
 * (rightly) forbids inline scripts without its nonce; evaluation through the protocol is not subject to it.
 */
export async function checkA11y(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const hasAxe = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!hasAxe) await page.evaluate(`${axeSource}\n;undefined`);
  const violations: AxeViolation[] = await page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        helpUrl: string;
        nodes: { target: unknown[] }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.map(String).join(" ")),
    }));
  });
  const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = severe.map(
    (v) => `${v.impact}: ${v.id} — ${v.help} (${v.targets.slice(0, 5).join(", ")}) ${v.helpUrl}`,
  );
  expect(report, `axe found serious or critical violations on ${page.url()}:\n${report.join("\n")}`).toEqual([]);
  return violations;
}

/**
 * How long a test waits for the app's background work (outbox worker, deadline scan) to show. Generous: on a
 * machine busy with other work it takes many times longer than on an idle one, which is no failure.
 */
export const WAIT_FOR_APP_MS = 60_000;

/**
 * Waits until the development mailbox at `mailboxUrl` holds a mail to `recipient` with a link containing
 * `hrefPart` and returns that link (reloading the mailbox until then, at most WAIT_FOR_APP_MS).
 */
export async function waitForMailLink(page: Page, mailboxUrl: string, recipient: string, hrefPart: string) {
  return vi.waitFor(
    async () => {
      await page.goto(mailboxUrl);
      const mail = page.locator("article", { hasText: recipient }).first();
      const link =
        (await mail.count()) > 0 ? await mail.locator(`a[href*="${hrefPart}"]`).first().getAttribute("href") : null;
      if (!link) throw new Error(`no mail to ${recipient} with a link to ${hrefPart} in the development mailbox yet`);
      return link;
    },
    { timeout: WAIT_FOR_APP_MS, interval: 250 },
  );
}
