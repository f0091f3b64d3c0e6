/** The development mailbox shows reset links, so it exists only for local requests to a local server without SMTP. */
import { afterEach, describe, expect, it } from "vitest";
import { devMailboxVisible } from "../../app/server/core/mail.server";

const saved = { SMTP_URL: process.env.SMTP_URL, HOST: process.env.HOST };

afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function request(headers: Record<string, string> = {}) {
  return new Request("http://127.0.0.1:3000/entwicklung/postfach", { headers });
}

describe("devMailboxVisible", () => {
  const cases: Array<[string, { smtp?: string; host?: string; ip?: string; headers?: Record<string, string> }, boolean]> = [
    ["local server, client unknown", {}, true],
    ["local server, client 127.0.0.1", { ip: "127.0.0.1" }, true],
    ["local server, client ::1", { ip: "::1" }, true],
    ["local server, client ::ffff:127.0.0.1", { ip: "::ffff:127.0.0.1" }, true],
    ["HOST=127.0.0.1 explicitly", { host: "127.0.0.1" }, true],
    ["SMTP configured", { smtp: "smtp://mail.example.org:587" }, false],
    ["listening on all interfaces", { host: "0.0.0.0" }, false],
    ["listening on a LAN address", { host: "192.168.1.10" }, false],
    ["client from the network", { ip: "192.168.1.20" }, false],
    ["client address spoofing loopback in text", { ip: "127.0.0.1.evil" }, false],
    ["request through a reverse proxy (X-Forwarded-For)", { headers: { "X-Forwarded-For": "203.0.113.9" } }, false],
    ["request through a reverse proxy (Forwarded)", { headers: { Forwarded: "for=203.0.113.9" } }, false],
  ];
  it.each(cases)("%s → %s", (_label, c, expected) => {
    if (c.smtp) process.env.SMTP_URL = c.smtp;
    else delete process.env.SMTP_URL;
    if (c.host) process.env.HOST = c.host;
    else delete process.env.HOST;
    expect(devMailboxVisible(request(c.headers), c.ip)).toBe(expected);
  });
});
