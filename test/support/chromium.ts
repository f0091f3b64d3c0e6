/**
 * Finding (and if need be installing) Chromium for the browser tests. No Vitest imports: the e2e
 * globalSetup uses this in the main process.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const DEFAULT_CHROMIUM = "/usr/bin/chromium";

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
