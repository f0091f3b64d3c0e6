/**
 * Mail delivery. With SMTP_URL set (e.g. smtps://user:pass@mail.example.org:465) mails go out through
 * nodemailer's SMTP transport. Without it they land in a development mailbox so that the demo works offline:
 * each mail is written to MAIL_DIR (default ./data/mail) as an .eml file plus a small .json index entry, and
 * /entwicklung/postfach lists them.
 */
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export interface MailToDeliver {
  /** Outbox row id; names the file in the development mailbox. */
  id: number;
  recipient: string;
  subject: string;
  bodyText: string;
}

export interface MailboxEntry {
  file: string;
  recipient: string;
  subject: string;
  bodyText: string;
  date: string;
}

export type DeliverMail = (mail: MailToDeliver) => Promise<void>;

const DEFAULT_FROM = "Quaestio <keine-antwort@quaestio.invalid>";

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

export function mailDirectory(): string {
  return path.resolve(process.env.MAIL_DIR?.trim() || "data/mail");
}

let smtp: { url: string; transport: Transporter } | null = null;

function smtpTransport(url: string): Transporter {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  return smtp.transport;
}

/** The delivery the configuration asks for: SMTP when SMTP_URL is set, else the development mailbox. */
export const deliverMail: DeliverMail = async (mail) => {
  const message = {
    from: process.env.MAIL_FROM?.trim() || DEFAULT_FROM,
    to: mail.recipient,
    subject: mail.subject,
    text: mail.bodyText,
  };
  const url = process.env.SMTP_URL?.trim();
  if (url) {
    await smtpTransport(url).sendMail(message);
    return;
  }
  await writeToMailbox(mail, message);
};

// Builds the MIME message (encoded headers, quoted-printable umlauts) without sending it anywhere.
const emlBuilder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

async function writeToMailbox(mail: MailToDeliver, message: { from: string; to: string; subject: string; text: string }) {
  const dir = mailDirectory();
  await fs.mkdir(dir, { recursive: true });
  const date = new Date();
  const info = (await emlBuilder.sendMail({ ...message, date })) as unknown as { message: Buffer };
  const base = `${date.toISOString().replace(/[:.]/g, "-")}-${mail.id}`;
  await fs.writeFile(path.join(dir, `${base}.eml`), info.message);
  const entry: MailboxEntry = { file: `${base}.eml`, recipient: mail.recipient, subject: mail.subject, bodyText: mail.bodyText, date: date.toISOString() };
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
  for (const name of names.filter((n) => n.endsWith(".json")).sort().reverse().slice(0, limit)) {
    try {
      const parsed = JSON.parse(await fs.readFile(path.join(dir, name), "utf8")) as Partial<MailboxEntry>;
      if (typeof parsed.recipient === "string" && typeof parsed.subject === "string" && typeof parsed.bodyText === "string") {
        entries.push({ file: String(parsed.file ?? ""), recipient: parsed.recipient, subject: parsed.subject, bodyText: parsed.bodyText, date: String(parsed.date ?? "") });
      }
    } catch {
      // A half-written or foreign file is not a mail.
    }
  }
  return entries.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost)$/i;

/**
 * The development mailbox shows reset links for any account, so it must never be reachable from elsewhere:
 * only without SMTP_URL, only while the server listens on a loopback interface (HOST unset or loopback), only
 * for a request from loopback when the client address is known, and never for a request that came through a
 * reverse proxy (Forwarded / X-Forwarded-For).
 */
export function devMailboxVisible(request: Request, clientIp: string | undefined): boolean {
  if (smtpConfigured()) return false;
  const host = process.env.HOST?.trim();
  if (host && !LOOPBACK.test(host)) return false;
  if (clientIp !== undefined && !LOOPBACK.test(clientIp)) return false;
  if (request.headers.has("Forwarded") || request.headers.has("X-Forwarded-For")) return false;
  return true;
}
