/**
 * Finding (and if need be installing) Chromium for the browser tests. No Vitest imports: the e2e
 * globalSetup uses this in the main process.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/**
 * Features that playwright-core 1.65 turns off with its own --disable-features flag (chromiumSwitches in its
 * bundle). Chromium reads only the last --disable-features flag on its command line (tried: two of them, and
 * only the second took effect), and ours comes after Playwright's: so ours repeats them.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AimEnabled",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsFirstBalancedModeAutoEnable",
  "HttpsUpgrades",
  "LensOverlay",
  "MediaRouter",
  "NetworkTimeServiceQuerying",
  "OptimizationHints",
  "PaintHolding",
  "PreconnectToSearch",
  "TcpPortRandomizationWin",
  "ThirdPartyStoragePartitioning",
  "msEdgeUpdateLaunchServicesPreferredVersion",
  "msForceBrowserSignIn",
];

/**
 * Chromium 156 (new headless mode: the whole browser without a screen) loads the address bar's popup for every
 * window ahead of time, as two WebUI pages (chrome://omnibox-popup.top-chrome/ and its omnibox_popup_aim.html)
 * in renderer processes of their own; each browser context a test opens is a window. Nobody sees them here.
 * Measured in an e2e run on 2026-12-04: 128 such renderers, 90 s CPU of the run's 1,100 s (Chromium 542 s).
 * With these two features off a context has its page and nothing else (checked with CDP Target.getTargets:
 * 6 contexts, 18 targets before, 6 after).
 */
const UNSEEN_BROWSER_UI_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * After each navigation Chromium starts a spare renderer process for the next one, in the browser context that
 * navigated last. Each context a test opens is a profile of its own and cannot take another's spare, so most
 * spares are started only to be thrown away when the next context opens its page. See docs/decisions/0033.
 */
const SPARE_RENDERER_FEATURES = ["SpareRendererForSitePerProcess"];

/** The flags the machine documentation asks for; without the networking ones Chromium tries to reach Google. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_BROWSER_UI_FEATURES, ...SPARE_RENDERER_FEATURES].join(",")}`,
];

function findChromium(): string | null {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return fs.existsSync(configured) ? configured : null;
  return fs.existsSync(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : null;
}

function canInstallWithApt(): boolean {
  return process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get");
}

/**
 * Path of a Chromium executable: CHROMIUM_PATH, else /usr/bin/chromium, installing Debian's package when
 * neither exists and we are root with apt-get. Otherwise fails with one sentence saying what to do.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.env.CHROMIUM_PATH?.trim()) {
    throw new Error(
      `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; point it at a Chromium executable or unset it to use ${DEFAULT_CHROMIUM}.`,
    );
  }
  if (canInstallWithApt()) {
    console.log("[browser] Chromium not found; installing Debian's chromium package (apt-get) …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const stdio: ["ignore", "inherit", "inherit"] = ["ignore", "inherit", "inherit"];
    for (const args of [["update"], ["install", "-y", "chromium"]]) {
      const result = spawnSync("apt-get", args, { stdio, env });
      if (result.status !== 0) break;
    }
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "Browser tests need Chromium: install it with `sudo apt-get update && sudo apt-get install -y chromium` " +
      "(or set CHROMIUM_PATH to a Chromium executable).",
  );
}
