/**
 * E-mail subscriptions (issue 14): double opt-in (nothing is sent before the confirmation), the same answer for
 * a known and an unknown address, single-use and expiring confirmation tokens (clock injected), stored only as
 * hashes, a notice with List-Unsubscribe for a public event of the followed inquiry — written by the one event
 * writer in the event's transaction — and none after unsubscribing; rate limits per address. The /abo form's
 * action (Conform + zod): a refused address comes back as Conform's reply with the German message at `email`
 * and the address as typed; every accepted address, and a filled honeypot, gets the same answer.
 */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { action as aboAction } from "../../app/routes/public/abo";
import { useDatabase } from "../../app/server/core/db.server";
import { recordEvent } from "../../app/server/core/events.server";
import { unsubscribeHeaders, type MailToDeliver } from "../../app/server/core/mail.server";
import { drainOutboxOnce } from "../../app/server/notifications/outbox-worker.server";
import {
  confirmSubscription,
  loadTokenPage,
  requestSubscription,
  unsubscribe,
} from "../../app/server/subscriptions/subscriptions.server";
import {
  answers,
  bodies,
  emailSubscriptions,
  emailSubscriptionTokens,
  inquiries,
  outbox,
  rateLimits,
} from "../../db/schema";
import { oneBackend, useTestDatabase } from "../support/db";

const T0 = new Date("2026-03-02T10:00:00Z");
const DAY = 24 * 60 * 60 * 1000;

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): double opt-in, tokens and notices are app code over
// plain inserts and updates.
describe.each(oneBackend())("e-mail subscriptions on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  let target: { slug: string; publicRef: string; inquiryId: string; bodyId: string; answerId: string };
  beforeAll(async () => {
    useDatabase(t.handle);
    const [row] = await t.db
      .select({
        slug: bodies.slug,
        publicRef: inquiries.publicRef,
        inquiryId: inquiries.id,
        bodyId: bodies.id,
        answerId: answers.id,
      })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .innerJoin(answers, eq(answers.inquiryId, inquiries.id))
      .where(and(eq(inquiries.visibility, "public"), isNotNull(inquiries.publicRef)))
      .limit(1);
    target = { ...row!, publicRef: row!.publicRef! };
  });
  beforeEach(async () => {
    await t.db.delete(emailSubscriptions);
    await t.db.delete(rateLimits);
    await t.db.delete(outbox);
  });

  const subscribe = (email: string, now = T0, clientIp = "192.0.2.1") =>
    requestSubscription(
      { email, clientIp, target: { topic: "inquiry", bodySlug: target.slug, publicRef: target.publicRef } },
      now,
    );
  const mailsTo = (email: string) =>
    t.db.select().from(outbox).where(eq(outbox.recipient, email)).orderBy(desc(outbox.id));
  const linkIn = (text: string, path: string) => {
    const match = new RegExp(`https?://[^\\s]+${path}([A-Za-z0-9_-]{43})`).exec(text);
    expect(match, `a ${path} link in:\n${text}`).not.toBeNull();
    return match![1]!;
  };
  /** A public holding answer on the inquiry, written through the one event writer. */
  const holdingAnswer = () =>
    t.db.transaction((tx) =>
      recordEvent(tx, {
        bodyId: target.bodyId,
        aggregateType: "answer",
        aggregateId: target.answerId,
        inquiryId: target.inquiryId,
        type: "holding_answer",
        actorUserId: null,
        public: true,
        payload: { message: "Die Antwort folgt.", expectedOn: "2026-04-01", note: "Die Antwort folgt bis 01.04.2026." },
      }),
    );

  it("sends only a confirmation before the confirmation, then notices with List-Unsubscribe", async () => {
    const result = await subscribe("Leserin@Example.org");
    expect(result.ok).toBe(true);
    const [confirmation, ...rest] = await mailsTo("leserin@example.org");
    expect(rest).toHaveLength(0);
    expect(confirmation!.subject).toContain("Bitte bestätigen");
    expect(confirmation!.listUnsubscribe).toMatch(/\/abo\/abmelden\/[A-Za-z0-9_-]{43}$/);
    const token = linkIn(confirmation!.bodyText, "/abo/bestaetigen/");

    // The token is stored only as a hash.
    const stored = await t.db.select({ hash: emailSubscriptionTokens.tokenHash }).from(emailSubscriptionTokens);
    expect(stored.some((s) => s.hash === token)).toBe(false);
    expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.hash))).toBe(true);

    // Not yet confirmed: an event sends nothing to the address.
    await holdingAnswer();
    expect(await mailsTo("leserin@example.org")).toHaveLength(1);

    expect((await loadTokenPage(token, "confirm", T0))?.what).toMatch(/^der Anfrage /);
    const confirmed = await confirmSubscription(token, new Date(T0.getTime() + DAY));
    expect(confirmed?.pagePath).toBe(`/${target.slug}/anfragen/${target.publicRef}`);
    // Single use.
    expect(await confirmSubscription(token, new Date(T0.getTime() + DAY))).toBeNull();

    await holdingAnswer();
    const [notice] = await mailsTo("leserin@example.org");
    expect(notice!.subject).toContain("Zwischennachricht");
    expect(notice!.bodyText).toContain(`/${target.slug}/anfragen/${target.publicRef}`);
    expect(notice!.eventId).not.toBeNull();
    const unsubscribeToken = linkIn(notice!.listUnsubscribe!, "/abo/abmelden/");
    expect(notice!.bodyText).toContain(notice!.listUnsubscribe!);
    // The outbox worker hands the URL to the delivery, which sends it as List-Unsubscribe (+ -Post).
    const delivered: MailToDeliver[] = [];
    await drainOutboxOnce(t.db, { deliver: async (mail) => void delivered.push(mail) });
    expect(delivered.find((m) => m.id === notice!.id)?.listUnsubscribe).toBe(notice!.listUnsubscribe);
    expect(unsubscribeHeaders(notice!.listUnsubscribe)).toEqual({
      "List-Unsubscribe": `<${notice!.listUnsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    expect(await unsubscribe(unsubscribeToken)).toBe(true);
    expect(await t.db.select().from(emailSubscriptions)).toHaveLength(0);
    expect(await unsubscribe(unsubscribeToken)).toBe(false);
    const before = (await mailsTo("leserin@example.org")).length;
    await holdingAnswer();
    expect(await mailsTo("leserin@example.org")).toHaveLength(before);
  });

  it("lets a confirmation link expire after 7 days", async () => {
    await subscribe("spaet@example.org");
    const [confirmation] = await mailsTo("spaet@example.org");
    const token = linkIn(confirmation!.bodyText, "/abo/bestaetigen/");
    const late = new Date(T0.getTime() + 7 * DAY + 1000);
    expect(await loadTokenPage(token, "confirm", late)).toBeNull();
    expect(await confirmSubscription(token, late)).toBeNull();
    expect(await confirmSubscription(token, new Date(T0.getTime() + 6 * DAY))).not.toBeNull();
  });

  it("answers a confirmed address like a new one and sends it nothing more", async () => {
    await subscribe("bekannt@example.org");
    const [confirmation] = await mailsTo("bekannt@example.org");
    await confirmSubscription(linkIn(confirmation!.bodyText, "/abo/bestaetigen/"), T0);
    const known = await subscribe("bekannt@example.org", new Date(T0.getTime() + 1000));
    const unknown = await subscribe("neu@example.org", new Date(T0.getTime() + 1000));
    expect(known).toEqual(unknown);
    expect(await mailsTo("bekannt@example.org")).toHaveLength(1);
  });

  it("limits requests per address and refuses unknown targets", async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await subscribe("viel@example.org", T0, `192.0.2.${10 + i}`));
    expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
    expect(results[3]).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(
      await requestSubscription(
        {
          email: "x@example.org",
          clientIp: "192.0.2.9",
          target: { topic: "inquiry", bodySlug: target.slug, publicRef: "0-0" },
        },
        T0,
      ),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(
      await requestSubscription(
        { email: "x@example.org", clientIp: "192.0.2.9", target: { topic: "tool", toolSlug: "gibt-es-nicht" } },
        T0,
      ),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  describe("the /abo form (Conform)", () => {
    type AboResult = {
      result: { status?: string; error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
      sent: boolean;
    };
    const post = async (fields: Record<string, string>, clientIp = "192.0.2.50") => {
      const query = new URLSearchParams({ thema: "anfrage", koerperschaft: target.slug, anfrage: target.publicRef });
      const response = await aboAction({
        request: new Request(`http://localhost/abo?${query.toString()}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
          body: new URLSearchParams(fields).toString(),
        }),
        params: {},
        context: { clientIp },
      });
      return {
        data: response.data as AboResult,
        status: response.init?.status ?? 200,
        headers: new Headers(response.init?.headers),
      };
    };

    it("answers an invalid or missing address with the German message at the field and the address as typed", async () => {
      const invalid = await post({ email: "keine-adresse", website: "" });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get("Cache-Control")).toBe("no-store");
      expect(invalid.data.sent).toBe(false);
      expect(invalid.data.result.status).toBe("error");
      expect(invalid.data.result.error?.email).toEqual([
        "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@example.org.",
      ]);
      expect(invalid.data.result.initialValue?.email).toBe("keine-adresse");

      const missing = await post({ email: "  ", website: "" });
      expect(missing.status).toBe(400);
      // zod reports every failed check; the field and the summary show the first.
      expect(missing.data.result.error?.email?.[0]).toBe("Bitte geben Sie Ihre E-Mail-Adresse ein.");
      const absent = await post({});
      expect(absent.data.result.error?.email).toEqual(["Bitte geben Sie Ihre E-Mail-Adresse ein."]);
      expect(await t.db.select().from(outbox)).toHaveLength(0);
    });

    it("gives an accepted address and a filled honeypot the same answer; only the first gets a mail", async () => {
      const accepted = await post({ email: "formular@example.org", website: "" });
      const trapped = await post({ email: "falle@example.org", website: "https://spam.example" }, "192.0.2.51");
      expect(accepted.status).toBe(200);
      expect(trapped.status).toBe(200);
      expect(accepted.data).toEqual(trapped.data);
      expect(accepted.data.sent).toBe(true);
      expect(await mailsTo("formular@example.org")).toHaveLength(1);
      expect(await mailsTo("falle@example.org")).toHaveLength(0);
    });

    it("answers a rate-limited address with a form-level message and Retry-After, keeping the address", async () => {
      for (let i = 0; i < 3; i++)
        expect((await post({ email: "oft@example.org" }, `192.0.2.${60 + i}`)).status).toBe(200);
      const limited = await post({ email: "oft@example.org" }, "192.0.2.70");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(limited.data.result.error?.[""]?.[0]).toMatch(/^Zu viele Anmeldungen in kurzer Zeit/);
      expect(limited.data.result.initialValue?.email).toBe("oft@example.org");
    });
  });
});
