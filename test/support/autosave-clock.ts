/**
 * The editors' autosave without waiting for it in real time (drafting.test.ts, drafting-resilience.test.ts). The
 * editor saves AUTOSAVE_DELAY_MS after the last change (app/components/editor/use-autosave.ts); a test that waits
 * for that save sleeps 2.5 s each time. Instead the page gets Playwright's fake clock (installClock, before the
 * page loads anything) and the test moves it on to the autosave (expectStatusAfterAutosave): the pending timer
 * fires at once. Between those jumps the page's time runs on as usual, so everything else behaves as before.
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** AUTOSAVE_DELAY_MS of app/components/editor/use-autosave.ts (not imported: that module loads React). */
export const AUTOSAVE_DELAY_MS = 2500;

/** Gives the page's context the fake clock; call before its first navigation. */
export async function installClock(page: Page) {
  await page.clock.install();
}

/**
 * Waits until the status line's text matches `expected`, moving the page's clock on by the autosave delay each time
 * it does not yet: the autosave pending after a change fires then, not 2.5 s later. The text is read without
 * waiting for the line to appear (it is empty until the first change).
 */
export async function expectStatusAfterAutosave(page: Page, status: Locator, expected: RegExp) {
  await expect
    .poll(
      async () => {
        const text = (await status.allTextContents()).join("\n");
        if (!expected.test(text)) await page.clock.fastForward(AUTOSAVE_DELAY_MS);
        return text;
      },
      { timeout: 15_000 },
    )
    .toMatch(expected);
}
