/**
 * Mail delivery. With SMTP_URL set (e.g. smtps://user:pass@mail.example.org:465) mails go out through
 * nodemailer's SMTP transport. Without it they land in a development mailbox so that the demo works offline:
 * each mail is written to MAIL_DIR (default ./data/mail) as an .eml file plus a small .json index entry, and
 * /entwicklung/postfach lists them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { parseBoundedJson } from "../../domain/request-limits";
import { config, devMailboxEnabled } from "./config.server";

export interface MailToDeliver {
  /** Outbox row id; names the file in the development mailbox. */
  id: number;
  recipient: string;
  subject: string;
  bodyText: string;
  /** One-click unsubscribe URL: sent as `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058). */
  listUnsubscribe?: string | null;
}

export interface MailboxEntry {
  file: string;
  recipient: string;
  subject: string;
  bodyText: string;
  date: string;
  /** The mail's List-Unsubscribe URL, when it has one. */
  listUnsubscribe: string | null;
}

/** The headers of RFC 8058 one-click unsubscribe (RFC 2369 List-Unsubscribe with the POST marker). */
export function unsubscribeHeaders(url: string | null | undefined): Record<string, string> {
  return url ? { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};
}

export type DeliverMail = (mail: MailToDeliver) => Promise<void>;

export function smtpConfigured(): boolean {
  return config().smtpUrl !== null;
}

export function mailDirectory(): string {
  return config().mailDir;
}

let smtp: { url: string; transport: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

/** The delivery the configuration asks for: SMTP when SMTP_URL is set, else the development mailbox. */
export const deliverMail: DeliverMail = async (mail) => {
  const message = {
    from: config().mailFrom,
    to: mail.recipient,
    subject: mail.subject,
    text: mail.bodyText,
    headers: unsubscribeHeaders(mail.listUnsubscribe),
  };
  const url = config().smtpUrl;
  if (url) {
    await smtpTransport(url).sendMail(message);
    return;
  }
  await writeToMailbox(mail, message);
};

// Builds the MIME message (encoded headers, quoted-printable umlauts) without sending it anywhere.
const emlBuilder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

async function writeToMailbox(
  mail: MailToDeliver,
  message: { from: string; to: string; subject: string; text: string; headers: Record<string, string> },
) {
  const dir = mailDirectory();
  await fs.mkdir(dir, { recursive: true });
  const date = new Date();
  const info = (await emlBuilder.sendMail({ ...message, date })) as unknown as { message: Buffer };
  const base = `${date.toISOString().replace(/[:.]/g, "-")}-${mail.id}`;
  await fs.writeFile(path.join(dir, `${base}.eml`), info.message);
  const entry: MailboxEntry = {
    file: `${base}.eml`,
    recipient: mail.recipient,
    subject: mail.subject,
    bodyText: mail.bodyText,
    date: date.toISOString(),
    listUnsubscribe: mail.listUnsubscribe ?? null,
  };
  // The index entry is written last, so a listed mail always has its .eml file.
  await fs.writeFile(path.join(dir, `${base}.json`), JSON.stringify(entry));
}

/** Mails in the development mailbox, newest first. */
export async function listMailbox(limit = 50): Promise<MailboxEntry[]> {
  const dir = mailDirectory();
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const entries: MailboxEntry[] = [];
  for (const name of names
    .filter((n) => n.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit)) {
    try {
      const bounded = parseBoundedJson(await fs.readFile(path.join(dir, name), "utf8"));
      if (!bounded.ok || bounded.value === null || typeof bounded.value !== "object") continue;
      const parsed = bounded.value as Partial<MailboxEntry>;
      if (
        typeof parsed.recipient === "string" &&
        typeof parsed.subject === "string" &&
        typeof parsed.bodyText === "string"
      ) {
        entries.push({
          file: String(parsed.file ?? ""),
          recipient: parsed.recipient,
          subject: parsed.subject,
          bodyText: parsed.bodyText,
          date: String(parsed.date ?? ""),
          listUnsubscribe: typeof parsed.listUnsubscribe === "string" ? parsed.listUnsubscribe : null,
        });
      }
    } catch {
      // A half-written or foreign file is not a mail.
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * The development mailbox shows reset links for any account, so it must never be reachable from elsewhere:
 * only when explicitly enabled (QUAESTIO_DEV_MAILBOX=1, never in production, never with SMTP_URL; see
 * devMailboxEnabled), only for a connection whose peer is this machine (the socket's address, which no header
 * can change), and never for a request that says it came through a reverse proxy (Forwarded /
 * X-Forwarded-For / X-Forwarded-Host). A proxy that adds none of these still forwards from loopback — that is
 * why the explicit switch, not the peer, is the real gate.
 */
export function devMailboxVisible(request: Request, peerAddress: string | undefined): boolean {
  if (!devMailboxEnabled()) return false;
  if (peerAddress === undefined || !LOOPBACK.test(peerAddress)) return false;
  for (const header of ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host"])
    if (request.headers.has(header)) return false;
  return true;
}
