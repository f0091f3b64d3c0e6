/**
 * What the attack files share (attacks.test.ts, attacks-strings.test.ts): the app they attack, started on a
 * database prepared before it serves, and the helpers that send and judge their requests.
 *
 * useAttackApp() plants, before the app starts, an inquiry whose stored texts are attack strings (as a faction or a
 * clerk would type them) and sessions for four demo accounts (staff sessions that have passed the second factor),
 * then starts the built app (scripts/start.mjs) on that database:
 * - in the e2e project with TEST_DATABASE_URL set (CI), a `CREATE DATABASE … TEMPLATE` copy of the run's seeded
 *   PostgreSQL template, like every other browser test's app (ADR 0032, 0036): its >1,500 fuzz requests are then
 *   served by the PostgreSQL server instead of PGlite inside the app process;
 * - otherwise a copy of the run's seeded PGlite directory (outside the e2e project: a fresh directory the app has
 *   migrated and seeded on a first start, then stopped).
 * Each file that calls it has its own app and database copy, so the files run side by side (ADR 0034).
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import {
  answerParts,
  answerPartQuestions,
  answers,
  answerVersions,
  bodies,
  consultationRecommendations,
  consultations,
  inquiries,
  inquiryTypes,
  memberships,
  organizations,
  questions,
  users,
  withholdings,
} from "../../db/schema";
import { link, paragraph, paragraphs, richText, doc } from "../../db/seed/support";
import type { DatabaseConfig } from "../../app/server/core/config.server";
import { openDatabase } from "../../app/server/core/db.server";
import { createSession } from "../../app/server/accounts/sessions.server";
import { SCRIPT_PAYLOADS, findUnescapedPayload, sample } from "./attack-strings";
import {
  e2ePostgresTemplate,
  freshPgliteDir,
  seededPgliteCopy,
  startApp,
  startAppOnPostgresCopy,
  type RunningApp,
} from "./server";
import { inPool } from "./pool";

export const FACTION_NRW = "fraktion@landtag-nrw.quaestio.example";
export const STAFF_NRW = "ratsbuero@landtag-nrw.quaestio.example";
export const STAFF_NORDERSTEDT = "ratsbuero@norderstedt.quaestio.example";
export const ADMIN_NORDERSTEDT = "admin@norderstedt.quaestio.example";
export const PASSWORD = "Demo-Quaestio-2026";
export const STORED_REF = "XSS-1";

export const STORED_PAYLOADS = sample(SCRIPT_PAYLOADS, 12);

/** Session cookies planted before the app starts, by e-mail address. */
export const cookies: Record<string, string> = {};
/** Ids planted or looked up before the app starts serving. */
export const ids = { storedInternal: "", nrwInternal: [] as string[], nrwUser: "", norderstedtUser: "" };

let app: RunningApp | undefined;

/** The app under attack; only inside tests and hooks (the file's beforeAll starts it). */
export function attackApp(): RunningApp {
  if (!app) throw new Error("the app is only there once the file's beforeAll has run");
  return app;
}

/**
 * The three tests with the most requests and page loads (the attack strings on every route, the payloads in the
 * browser): 63, 21 and 35 s in an e2e run at load average 12–27 on 2 cores (2026-12-04); in a run at load average
 * 40 the first two hit the project's 180 s timeout, where the other tests of the file passed. Their own timeout,
 * like the long UI flows' (reproduce-*.test.ts): they must not fail for a busy machine.
 */
export const HEAVY_TIMEOUT = 480_000;

/** Encodes one path segment; lone surrogates (which encodeURIComponent refuses) become U+FFFD first. */
export function segment(value: string): string {
  return encodeURIComponent(
    value.replace(/[\uD800-\uDFFF]/g, (c, i: number, s: string) => {
      const code = c.charCodeAt(0);
      const next = s.charCodeAt(i + 1);
      const prev = s.charCodeAt(i - 1);
      if (code < 0xdc00 && next >= 0xdc00 && next <= 0xdfff) return c;
      if (code >= 0xdc00 && prev >= 0xd800 && prev < 0xdc00) return c;
      return "\uFFFD";
    }),
  );
}

/** The attack string with lone surrogates replaced, as a form or a URL can carry it. */
export function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDFFF]/g, "\uFFFD");
}

async function prepareDatabase(config: DatabaseConfig) {
  const handle = await openDatabase(config);
  const db = handle.db;
  try {
    const userRows = await db.select({ id: users.id, email: users.email }).from(users);
    const userId = (email: string) => userRows.find((u) => u.email === email)!.id;
    // Staff accounts must have a second factor; the sessions below have passed it.
    await db
      .update(users)
      .set({ totpEnabledAt: new Date(), totpSecret: "planted-by-the-attack-test" })
      .where(inArray(users.email, [STAFF_NRW, STAFF_NORDERSTEDT, ADMIN_NORDERSTEDT]));
    ids.nrwUser = userId(FACTION_NRW);
    ids.norderstedtUser = userId("fraktion@norderstedt.quaestio.example");
    for (const email of [FACTION_NRW, STAFF_NRW, STAFF_NORDERSTEDT, ADMIN_NORDERSTEDT]) {
      const { token } = await createSession(db, userId(email), {
        mfaVerified: email !== FACTION_NRW,
        userAgent: "attack test",
      });
      cookies[email] = `quaestio_session=${token}`;
    }

    const [nrw] = await db.select().from(bodies).where(eq(bodies.slug, "landtag-nrw"));
    const [type] = await db.select().from(inquiryTypes).where(eq(inquiryTypes.bodyId, nrw!.id)).limit(1);
    const [faction] = await db
      .select({ id: memberships.organizationId })
      .from(memberships)
      .where(and(eq(memberships.userId, userId(FACTION_NRW)), eq(memberships.bodyId, nrw!.id)));
    const [department] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.bodyId, nrw!.id))
      .limit(1);
    const joined = STORED_PAYLOADS.join(" ");
    const safeDoc = (() => {
      // A javascript: link must not survive the content schema; if the schema refuses it, plain text only.
      try {
        return richText("body", doc(paragraph(joined), paragraph(link("javascript:alert(1)"))));
      } catch {
        return richText("body", paragraphs(joined));
      }
    })();

    // A public inquiry whose stored texts are attack strings, as if a faction had typed them.
    const [published] = await db
      .insert(inquiries)
      .values({
        bodyId: nrw!.id,
        typeId: type!.id,
        period: "xss",
        sequence: 1,
        reference: `${STORED_PAYLOADS[0]}`,
        publicRef: STORED_REF,
        title: STORED_PAYLOADS.slice(0, 3).join(" ").slice(0, 500),
        ...richText("preamble", paragraphs(joined)),
        preambleLabel: STORED_PAYLOADS[1],
        status: "submitted",
        visibility: "public",
        originatorOrganizationId: faction!.id,
        addressee: STORED_PAYLOADS[2],
        receivedOn: "2026-11-02",
        submittedOn: "2026-11-02",
        dueRuleLabel: STORED_PAYLOADS[3],
        dueOn: "2026-11-30",
      })
      .returning({ id: inquiries.id });
    const publishedQuestions = await db
      .insert(questions)
      .values(
        STORED_PAYLOADS.map((p, i) => ({
          inquiryId: published!.id,
          position: i + 1,
          number: String(i + 1),
          leadIn: p,
          ...safeDoc,
        })),
      )
      .returning({ id: questions.id });
    expect(publishedQuestions.length).toBe(STORED_PAYLOADS.length);

    // An internal inquiry of the same faction, with an answer draft, a withholding and a consultation whose
    // texts are attack strings, as a clerk or the DPO would type them.
    const [internal] = await db
      .insert(inquiries)
      .values({
        bodyId: nrw!.id,
        typeId: type!.id,
        period: "xss",
        sequence: 2,
        reference: "xss-2",
        publicRef: "XSS-2",
        title: STORED_PAYLOADS.slice(3, 6).join(" ").slice(0, 500),
        status: "answering",
        visibility: "internal",
        originatorOrganizationId: faction!.id,
        leadOrganizationId: department!.id,
        receivedOn: "2026-11-02",
        dueOn: "2026-11-30",
        dueRuleLabel: STORED_PAYLOADS[4],
      })
      .returning({ id: inquiries.id });
    ids.storedInternal = internal!.id;
    const [q] = await db
      .insert(questions)
      .values({ inquiryId: internal!.id, position: 1, number: "1", leadIn: STORED_PAYLOADS[5], ...safeDoc })
      .returning({ id: questions.id });
    const [answer] = await db
      .insert(answers)
      .values({ bodyId: nrw!.id, inquiryId: internal!.id, leadOrganizationId: department!.id })
      .returning();
    const [version] = await db.insert(answerVersions).values({ answerId: answer!.id, versionNumber: 1 }).returning();
    const [part] = await db
      .insert(answerParts)
      .values({ versionId: version!.id, position: 1, jointNote: STORED_PAYLOADS[6], ...safeDoc })
      .returning();
    await db.insert(answerPartQuestions).values({ partId: part!.id, questionId: q!.id });
    await db.insert(withholdings).values({
      versionId: version!.id,
      partId: part!.id,
      reason: "it_security",
      subject: STORED_PAYLOADS[7]!,
      publicJustification: STORED_PAYLOADS[8]!,
      withheldText: joined,
    });
    const [consultation] = await db
      .insert(consultations)
      .values({
        bodyId: nrw!.id,
        answerId: answer!.id,
        kind: "dpo",
        addresseeOrganizationId: department!.id,
        questionsPut: joined,
        statementTitle: STORED_PAYLOADS[9],
        status: "requested",
      })
      .returning();
    await db
      .insert(consultationRecommendations)
      .values({ consultationId: consultation!.id, position: 1, kind: "restriction", text: STORED_PAYLOADS[10]! });

    ids.nrwInternal = (
      await db
        .select({ id: inquiries.id })
        .from(inquiries)
        .where(and(eq(inquiries.bodyId, nrw!.id), eq(inquiries.visibility, "internal")))
    ).map((r) => r.id);
  } finally {
    await handle.close();
  }
}

/** Starts the prepared app before the file's tests (see the top of this file) and stops it after them. */
export function useAttackApp() {
  beforeAll(async () => {
    const postgres = e2ePostgresTemplate();
    if (postgres) {
      app = await startAppOnPostgresCopy(postgres, { prepare: (url) => prepareDatabase({ kind: "postgres", url }) });
      return;
    }
    // In the e2e project the copy of the run's seeded directory is migrated and seeded already; elsewhere the app
    // migrates and seeds a fresh directory on a first start.
    const seeded = await seededPgliteCopy();
    const pgliteDir = seeded ?? freshPgliteDir();
    if (!seeded) await (await startApp({ pgliteDir })).stop();
    await prepareDatabase({ kind: "pglite", dir: pgliteDir });
    app = await startApp({ pgliteDir });
  });
  afterAll(async () => {
    await app?.stop();
  });
}

export interface Fetched {
  status: number;
  headers: Headers;
  body: string;
}

export async function fetchText(path: string, init: RequestInit = {}): Promise<Fetched> {
  const response = await fetch(`${attackApp().url}${path}`, { redirect: "manual", ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export function signInForm(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: attackApp().url, ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export interface FuzzRequest {
  path: string;
  init?: RequestInit;
}

/**
 * Sends every request (4 at a time) and lists what went wrong: a 5xx, an attack string unescaped in the
 * response, a redirect off the site (absolute, or protocol-relative: `//host`, `/\\host`).
 */
export async function fuzzFailures(requests: readonly FuzzRequest[]): Promise<string[]> {
  const failures: string[] = [];
  // At most 4 in flight: the machine has 2 cores, the app is one process.
  await inPool(requests, 4, async ({ path, init }) => {
    const response = await fetchText(path, init);
    const what = `${init?.method ?? "GET"} ${path.slice(0, 120)}`;
    if (response.status >= 500) failures.push(`${response.status} ${what}`);
    const found = findUnescapedPayload(response.body);
    if (found) failures.push(`unescaped ${found} in ${what}`);
    const location = response.headers.get("Location");
    if (location && !location.startsWith("/")) failures.push(`off-site redirect to ${location} from ${what}`);
    if (location?.startsWith("//") || location?.startsWith("/\\"))
      failures.push(`protocol-relative redirect ${location} from ${what}`);
  });
  return failures;
}
