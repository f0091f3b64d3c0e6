/**
 * The development mailbox shows reset links, so it exists only when explicitly enabled, outside production,
 * without SMTP, and for a connection from this machine that did not come through a proxy.
 */
import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "../../app/server/core/config.server";
import { devMailboxVisible } from "../../app/server/core/mail.server";

const KEYS = ["SMTP_URL", "HOST", "NODE_ENV", "QUAESTIO_LOCAL_RUN", "QUAESTIO_DEV_MAILBOX"] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
});

function request(headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3000/entwicklung/postfach", { headers });
}

type Case = { env?: Record<string, string>; peer?: string; headers?: Record<string, string> };
const enabled = { QUAESTIO_DEV_MAILBOX: "1" };
const localRun = { NODE_ENV: "production", QUAESTIO_LOCAL_RUN: "1", QUAESTIO_DEV_MAILBOX: "1" };

describe("devMailboxVisible", () => {
  const cases: Array<[string, Case, boolean]> = [
    ["enabled, peer 127.0.0.1", { env: enabled, peer: "127.0.0.1" }, true],
    ["enabled, peer ::1", { env: enabled, peer: "::1" }, true],
    ["enabled, peer ::ffff:127.0.0.1", { env: enabled, peer: "::ffff:127.0.0.1" }, true],
    ["npm start's local run with demo data", { env: localRun, peer: "127.0.0.1" }, true],
    ["not enabled (a proxy on this machine forwards from loopback)", { peer: "127.0.0.1" }, false],
    ["enabled with another value than 1", { env: { QUAESTIO_DEV_MAILBOX: "true" }, peer: "127.0.0.1" }, false],
    [
      "enabled but NODE_ENV=production set by the operator",
      { env: { ...enabled, NODE_ENV: "production" }, peer: "127.0.0.1" },
      false,
    ],
    [
      "enabled but SMTP configured",
      { env: { ...enabled, SMTP_URL: "smtp://mail.example.org:587" }, peer: "127.0.0.1" },
      false,
    ],
    ["enabled, peer unknown", { env: enabled }, false],
    ["enabled, peer from the network", { env: enabled, peer: "192.168.1.20" }, false],
    ["enabled, peer spoofing loopback in text", { env: enabled, peer: "127.0.0.1.evil" }, false],
    [
      "enabled, through a reverse proxy (X-Forwarded-For)",
      { env: enabled, peer: "127.0.0.1", headers: { "X-Forwarded-For": "203.0.113.9" } },
      false,
    ],
    [
      "enabled, through a reverse proxy (Forwarded)",
      { env: enabled, peer: "127.0.0.1", headers: { Forwarded: "for=203.0.113.9" } },
      false,
    ],
    [
      "enabled, through a reverse proxy (X-Forwarded-Host)",
      { env: enabled, peer: "127.0.0.1", headers: { "X-Forwarded-Host": "quaestio.example.org" } },
      false,
    ],
  ];
  it.each(cases)("%s → %s", (_label, c, expected) => {
    for (const key of KEYS) delete process.env[key];
    Object.assign(process.env, c.env ?? {});
    resetConfig();
    expect(devMailboxVisible(request(c.headers), c.peer)).toBe(expected);
  });
});
