/**
 * Headless Chromium for browser tests: Debian's build driven by playwright-core (no browser downloads work
 * here). Every page opened with openPage records console errors, page errors and failed requests, and
 * checkA11y runs axe-core on the page; both fail the test with a list of what they found.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, expect, vi } from "vitest";
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

const CONTEXT_OPTIONS = { locale: "de-DE", timezoneId: "Europe/Berlin" } as const;
/** Playwright's viewport of a new context. */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** Opens a page in a new browser context (no shared cookies) and starts recording problems. */
export async function openPage(browser: Browser): Promise<RecordedPage> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  const page = await context.newPage();
  return recordPage(page, context, [], [], () => context.close());
}

/** What openPage records on `page`, into `problems`; `allowed` holds the HTTP errors a test declared. */
function recordPage(
  page: Page,
  context: BrowserContext,
  problems: string[],
  allowed: { url: string | RegExp; status?: number }[],
  close: () => Promise<void>,
): RecordedPage {
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
    close,
  };
}

/**
 * For a file whose tests read, each with one page (no second page or browser of its own, no context setting of
 * its own such as JavaScript off): one browser context and one page for all its tests instead of a context each.
 * A context is a profile of its own (cold HTTP and code caches, renderer processes of its own: one for the new
 * page's about:blank, one more at the first load of the app, whose Cross-Origin-Opener-Policy moves it to a new
 * browsing context group); a load in the file's page needs neither (ADR 0037). A test may sign in on the page
 * (signInFactionMemberOnce, or through the form): the next test starts without cookies again.
 *
 *   const filePage = useFilePage(browser);   // at the top level of the file, after useAppAndBrowser()
 *   const filePage = useFilePage(() => browser);   // where a beforeAll sets `let browser`
 *   const { page, assertNoPageErrors, close } = await filePage();   // in a test, where openPage(browser) was
 *
 * Each call hands out the page as a new one would be for what a test can notice, provided the test's first step
 * is a page.goto: at the default viewport and on screen media, without cookies, routes or storage, with nothing
 * recorded and no HTTP error allowed. Until that goto the previous test's document is still there (stopped).
 * close() leaves the page for the next test; the context is closed after the file. Tests therefore still run
 * alone and in any order. What is shared is the HTTP cache (Playwright turns it off for a page with routes) and
 * the renderer process: same-origin navigations of one page stay in one process, a new context starts one.
 */
export function useFilePage(browser: Browser | (() => Browser)): () => Promise<RecordedPage> {
  const theBrowser = () => (typeof browser === "function" ? browser() : browser);
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  const problems: string[] = [];
  const allowed: { url: string | RegExp; status?: number }[] = [];
  let recorded: RecordedPage | undefined;

  afterAll(async () => {
    // The run's Chromium may be gone already (the file's browser is closed in an afterAll of its own).
    await context?.close().catch(() => undefined);
  });

  return async () => {
    if (!context || !page || page.isClosed()) {
      await context?.close().catch(() => undefined);
      context = await theBrowser().newContext(CONTEXT_OPTIONS);
      page = await context.newPage();
      recorded = recordPage(page, context, problems, allowed, async () => undefined);
    } else {
      await page.unrouteAll({ behavior: "ignoreErrors" });
      // The previous test's document stays until the next goto: a navigation to about:blank in between would
      // cost a renderer process per test (the app sends Cross-Origin-Opener-Policy: same-origin, so every
      // navigation between about:blank and the app changes the browsing context group, and with it the process).
      // Its loading is stopped, and the tab's storage of its origin cleared (sessionStorage lives with the tab).
      await page
        .evaluate(() => {
          window.stop();
          sessionStorage.clear();
          localStorage.clear();
        })
        .catch(() => undefined);
      await context.clearCookies();
      await page.emulateMedia({ media: null });
      await page.setViewportSize(DEFAULT_VIEWPORT);
    }
    problems.length = 0;
    allowed.length = 0;
    return recorded!;
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
