/**
 * The in-process cache of public pages (app/server/core/public-page-cache.server.ts) in front of a renderer that
 * reads the public read model, against the demo data: a page is rendered once and then served from memory,
 * and the server commands that change what the public sees (a correction, a visibility change) drop it as soon
 * as they have committed — the next anonymous request shows the change. Signed-in requests never use it.
 * A test that corrects a published answer (for good) works on a new copy of the demo's published answer,
 * published through the real commands, so that every test passes in any order and alone (issue 9); the tests that
 * only read it, or set it internal and public again (in `finally`), use the demo answer.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { answers, bodies, inquiries } from "../../db/schema";
import { loadAnswerPage, saveAnswer } from "../../app/server/answers/answer-drafts.server";
import { publishAnswer } from "../../app/server/answers/answer-publication.server";
import { sendToSignOff } from "../../app/server/answers/answer-sign-off.server";
import type { PostedAnswer } from "../../app/server/answers/answer-form.server";
import { publishCorrection, signCorrection, startCorrection } from "../../app/server/answers/answer-correction.server";
import { useDatabase } from "../../app/server/core/db.server";
import { cacheablePath, publicPageCache } from "../../app/server/core/public-page-cache.server";
import { runWorkflowCommand } from "../../app/server/inquiries/intake.server";
import { listPublicInquiries, loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { searchPublic } from "../../app/server/public/search/search.server";
import { parseSearchParams } from "../../app/domain/search-params";
import { oneBackend, useTestDatabase } from "../support/db";
import { chainSigners, roleHolders, signNext } from "../support/answer-sign-off";
import { answeringCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";
import type { CurrentUser } from "../../app/server/accounts/auth.server";

const ORIGIN = "http://quaestio.test";
/** The demo data's published Norderstedt answer. */
const PUBLISHED = "Öffnungszeiten des Bürgerbüros während der Umstellung auf ein neues Fachverfahren";

// One backend (oneBackend(), TEST_BOTH_BACKENDS=1 for both): the cache and when commands drop it are app code; the
// read model's queries run on both backends in public-inquiries.test.ts.
describe.each(oneBackend())("public page cache (%s)", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));
  const user = (local: string) => currentUserFor(t.db, `${local}@norderstedt.quaestio.example`);

  let renders = 0;
  afterEach(() => publicPageCache().invalidate(null));

  /** A small stand-in for Remix: the detail or list page from the public read model, with nonce and request id. */
  async function render(request: Request): Promise<Response> {
    renders++;
    const nonce = `nonce${renders}xyz`;
    const requestId = `request-${renders}-id`;
    const headers = {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": `script-src 'nonce-${nonce}' 'strict-dynamic'`,
      "X-Request-Id": requestId,
    };
    const url = new URL(request.url);
    const [, bodySlug, , publicRef] = url.pathname.split("/");
    let html: string;
    if (url.pathname === "/suche") {
      const { query, filters, sort, page } = parseSearchParams(url.searchParams);
      html = JSON.stringify(await searchPublic({ query, filters, sort, page }, t.db));
    } else if (publicRef) {
      const detail = await loadPublicInquiry({ bodySlug: bodySlug!, publicRef }, t.db);
      if (!detail) return new Response("Nicht gefunden", { status: 404, headers });
      html = JSON.stringify(detail.answer);
    } else {
      const list = await listPublicInquiries({ bodySlug: bodySlug!, page: 1, pageSize: 1000 }, t.db);
      html = JSON.stringify(list);
    }
    const page = `<!DOCTYPE html><meta name="request-id" content="${requestId}"><main>${escape(html)}</main><script nonce="${nonce}">1</script>`;
    return new Response(page, { headers });
  }

  const cacheablePathOf = (path: string) => cacheablePath(new URL(`${ORIGIN}${path}`)) !== null;
  const escape = (text: string) => text.replace(/</g, "&lt;");

  function get(path: string, headers: Record<string, string> = {}) {
    return publicPageCache().serve(
      new Request(`${ORIGIN}${path}`, { headers }),
      render,
      "cookie" in headers, // what entry.server decides from the session cookie
    );
  }

  /** Sets an inquiry's visibility through the council office's real command, at its current version. */
  async function changeVisibility(
    office: Awaited<ReturnType<typeof user>>,
    id: string,
    visibility: "internal" | "public",
  ) {
    const [row] = await t.db.select({ version: inquiries.version }).from(inquiries).where(eq(inquiries.id, id));
    await runWorkflowCommand(office, id, row!.version, {
      intent: "change_visibility",
      visibility,
      reason: "Test des Seiten-Caches",
    });
  }

  /** A published Norderstedt answer that the demo clerk may correct. */
  async function correctableInquiry() {
    const clerk = await user("sachbearbeitung");
    const rows = await t.db
      .select({ id: inquiries.id, publicRef: inquiries.publicRef })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .innerJoin(answers, and(eq(answers.inquiryId, inquiries.id), eq(answers.status, "published")))
      .where(and(eq(bodies.slug, "norderstedt"), eq(inquiries.visibility, "public")));
    for (const row of rows) {
      const page = await loadAnswerPage(clerk, row.id).catch(() => null);
      if (page?.rights.startCorrection) return { ...row, publicRef: row.publicRef!, clerk };
    }
    throw new Error("the demo data has no Norderstedt answer the clerk may correct");
  }

  const userWithRole = roleHolders(() => t.db, `cache-${backend}`);
  let copies = 0;
  /**
   * A new copy of the demo's published answer (answeringCopyOf), answered, signed by the whole chain (clerk,
   * department head twice, councillor, mayor) and published by the council office: public and correctable by
   * the demo clerk, like correctableInquiry(), but the test's own.
   */
  async function publishedCopy() {
    const clerk = await user("sachbearbeitung");
    const id = await answeringCopyOf(t.db, PUBLISHED, "norderstedt");
    let page = await loadAnswerPage(clerk, id);
    const values = valuesOf(page);
    values.documentKind = "Mitteilungsvorlage";
    values.parts = values.parts.map((part, i) => ({
      ...part,
      body: { json: docOf(`Antwort ${i + 1} der Kopie.`), text: "" },
    }));
    await saveAnswer(clerk, { inquiryId: id, expectedVersion: page.answer.version, values, rich: true });
    page = await loadAnswerPage(clerk, id);
    await sendToSignOff(clerk, id, page.answer.version);
    const { head, councillor } = await chainSigners(t.db, id, userWithRole);
    for (const signer of [clerk, head, head, councillor, await user("verwaltungsspitze")]) await signNext(signer, id);
    const office = await user("ratsbuero");
    page = await loadAnswerPage(office, id);
    copies += 1;
    await publishAnswer(office, {
      inquiryId: id,
      expectedVersion: page.answer.version,
      documentReference: `M 26/09${String(copies).padStart(2, "0")}`,
      documentDate: "",
    });
    const [row] = await t.db.select({ publicRef: inquiries.publicRef }).from(inquiries).where(eq(inquiries.id, id));
    page = await loadAnswerPage(clerk, id);
    if (!page.rights.startCorrection) throw new Error("the published copy is not correctable by the demo clerk");
    return { id, publicRef: row!.publicRef!, clerk };
  }

  it("renders a published answer once, then serves it with a fresh nonce and request id each time", async () => {
    const { publicRef } = await correctableInquiry();
    const before = renders;
    const first = await get(`/norderstedt/anfragen/${publicRef}`);
    const second = await get(`/norderstedt/anfragen/${publicRef}`);
    expect(renders - before).toBe(1);
    const [a, b] = [await first.text(), await second.text()];
    const nonceOf = (response: Response) =>
      /'nonce-([^']+)'/.exec(response.headers.get("Content-Security-Policy")!)![1];
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(a).toContain(`nonce="${nonceOf(first)}"`);
    expect(b).toContain(`nonce="${nonceOf(second)}"`);
    expect(b).toContain(`content="${second.headers.get("X-Request-Id")}"`);
    expect(a.replace(/nonce="[^"]+"|content="[^"]+"/g, "")).toBe(b.replace(/nonce="[^"]+"|content="[^"]+"/g, ""));
    expect(second.headers.get("Cache-Control")).toBe("public, no-cache");
  });

  it("answers 304 to a matching If-None-Match and sends the page when it has changed", async () => {
    const { publicRef } = await correctableInquiry();
    const first = await get(`/norderstedt/anfragen/${publicRef}`);
    const etag = first.headers.get("ETag")!;
    expect(etag).toBeTruthy();
    const again = await get(`/norderstedt/anfragen/${publicRef}`, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // A 304 must not replace the stored copy's CSP: its nonce belongs to that copy's scripts.
    expect(again.headers.get("Content-Security-Policy")).toBeNull();
    const other = await get(`/norderstedt/anfragen/${publicRef}`, { "If-None-Match": '"something-else"' });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain("<main>");
  });

  /** A correction through the answer's chain, step by step (the tests look at the cache between the steps). */
  const draftCorrection = async (clerk: CurrentUser, id: string, text?: string) => {
    let page = await loadAnswerPage(clerk, id);
    await startCorrection(clerk, { inquiryId: id, expectedVersion: page.answer.version });
    page = await loadAnswerPage(clerk, id);
    await saveAnswer(clerk, {
      inquiryId: id,
      expectedVersion: page.answer.version,
      values: valuesOf(page, text),
      rich: true,
    });
  };
  const signCorrectionAsMayor = async (id: string) => {
    const mayor = await user("verwaltungsspitze");
    const forMayor = await loadAnswerPage(mayor, id);
    await signCorrection(mayor, {
      inquiryId: id,
      expectedVersion: forMayor.answer.version,
      seenHash: forMayor.contentHash,
    });
  };
  const publishCorrectionAsOffice = async (office: CurrentUser, id: string) => {
    const page = await loadAnswerPage(office, id);
    await publishCorrection(office, {
      inquiryId: id,
      expectedVersion: page.answer.version,
      correctionNote: "Zahl im Cache berichtigt.",
    });
  };

  it("shows a published correction on the very next anonymous request", async () => {
    const { id, publicRef, clerk } = await publishedCopy();
    const office = await user("ratsbuero");
    const path = `/norderstedt/anfragen/${publicRef}`;
    expect(await (await get(path)).text()).not.toContain("Zahl im Cache berichtigt");

    await draftCorrection(clerk, id);
    // The draft of a correction is not public: the cached page stays as it was.
    expect(await (await get(path)).text()).not.toContain("Korrekturtext aus dem Cache-Test");
    // The last step of the chain signs the corrected version (ADR 0011 addendum); still not public.
    await signCorrectionAsMayor(id);
    expect(await (await get(path)).text()).not.toContain("Korrekturtext aus dem Cache-Test");
    await publishCorrectionAsOffice(office, id);

    const after = await (await get(path)).text();
    expect(after).toContain("Zahl im Cache berichtigt.");
    expect(after).toContain("Korrekturtext aus dem Cache-Test");
  });

  it("shows a newly published answer version in a cached search page on the very next request", async () => {
    const { id, publicRef, clerk } = await publishedCopy();
    const office = await user("ratsbuero");
    // A word no other test publishes: the tests share one database.
    const path = "/suche?q=Suchseitenkorrekturwort";
    expect(await (await get(path)).text()).not.toContain(publicRef);
    const before = renders;
    expect(await (await get(path)).text()).not.toContain(publicRef);
    expect(renders).toBe(before); // served from the cache

    await draftCorrection(clerk, id, "Das Suchseitenkorrekturwort steht in der berichtigten Antwort.");
    await signCorrectionAsMayor(id);
    // Drafted and signed, but not published: the search does not find it.
    expect(await (await get(path)).text()).not.toContain(publicRef);
    await publishCorrectionAsOffice(office, id);

    const after = await (await get(path)).text();
    expect(after).toContain(`"publicRef":"${publicRef}"`);
    expect(after).toContain("Suchseitenkorrekturwort");
  });

  it("drops an inquiry from every cached search page at once when it is made internal", async () => {
    const list = await listPublicInquiries({ bodySlug: "norderstedt", page: 1 }, t.db);
    const publicRef = list!.items.at(-1)!.publicRef;
    const office = await user("ratsbuero");
    const [row] = await t.db
      .select({ id: inquiries.id, title: inquiries.title })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(and(eq(bodies.slug, "norderstedt"), eq(inquiries.publicRef, publicRef)));
    const setVisibility = (visibility: "internal" | "public") => changeVisibility(office, row!.id, visibility);
    const path = `/suche?${new URLSearchParams({ q: `"${row!.title}"` }).toString()}`;
    expect(cacheablePathOf(path)).toBe(true);
    expect(await (await get(path)).text()).toContain(`"publicRef":"${publicRef}"`);
    const before = renders;
    await get(path);
    expect(renders).toBe(before); // served from the cache

    await setVisibility("internal");
    try {
      expect(await (await get(path)).text()).not.toContain(`"publicRef":"${publicRef}"`);
      expect(renders).toBe(before + 1);
    } finally {
      await setVisibility("public"); // the tests share one database
    }
  });

  it("drops an inquiry from its page and the body's list at once when it is made internal", async () => {
    const { id, publicRef } = await correctableInquiry();
    const office = await user("ratsbuero");
    const path = `/norderstedt/anfragen/${publicRef}`;
    const setVisibility = (visibility: "internal" | "public") => changeVisibility(office, id, visibility);
    expect((await get(path)).status).toBe(200);
    expect(await (await get("/norderstedt/anfragen")).text()).toContain(publicRef);

    await setVisibility("internal");
    try {
      expect((await get(path)).status).toBe(404);
      expect(await (await get("/norderstedt/anfragen")).text()).not.toContain(`"${publicRef}"`);
    } finally {
      await setVisibility("public"); // the demo answer: the other tests read it as published
    }
  });

  it("remembers the 404 of an internal inquiry and shows the page at once when it is made public again", async () => {
    const { id, publicRef } = await correctableInquiry();
    const office = await user("ratsbuero");
    const path = `/norderstedt/anfragen/${publicRef}`;
    const setVisibility = (visibility: "internal" | "public") => changeVisibility(office, id, visibility);
    await setVisibility("internal");
    expect((await get(path)).status).toBe(404);
    const before = renders;
    const again = await get(path);
    expect(again.status).toBe(404);
    expect(again.headers.get("Cache-Control")).toBe("no-store");
    expect(renders).toBe(before); // the remembered 404, not rendered again
    expect(publicPageCache().stats().notFound).toBeGreaterThanOrEqual(1);

    await setVisibility("public");
    const shown = await get(path);
    expect(shown.status).toBe(200);
    expect(renders).toBe(before + 1);
  });

  it("never stores or serves a page for a signed-in request", async () => {
    const publicRefs = await listPublicInquiries({ bodySlug: "norderstedt", page: 1 }, t.db);
    const publicRef = publicRefs!.items[0]!.publicRef;
    const path = `/norderstedt/anfragen/${publicRef}`;
    await get(path); // cached for anonymous readers
    const before = renders;
    await get(path, { cookie: "quaestio_session=abc" });
    await get(path, { cookie: "quaestio_session=abc" });
    expect(renders - before).toBe(2);
  });

  const docOf = (text: string) =>
    JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

  function valuesOf(
    page: Awaited<ReturnType<typeof loadAnswerPage>>,
    firstPart = "Korrekturtext aus dem Cache-Test",
  ): PostedAnswer {
    return {
      documentKind: page.values.documentKind,
      documentReference: page.values.documentReference,
      title: page.values.title,
      issuedByLabel: page.values.issuedByLabel,
      caseOfficerLabel: page.values.caseOfficerLabel,
      flagged: page.answer.flagged,
      preamble: {
        json: page.values.preamble.json ? JSON.stringify(page.values.preamble.json) : "",
        text: page.values.preamble.text,
      },
      parts: page.values.parts.map((p, index) => ({
        questionIds: p.questionIds,
        body:
          index === 0 ? { json: docOf(firstPart), text: "" } : { json: JSON.stringify(p.body.json), text: p.body.text },
        withheld: p.withholding !== null,
        reason: p.withholding?.reason ?? "",
        subject: p.withholding?.subject ?? "",
        justification: p.withholding?.publicJustification ?? "",
        withheldText: p.withholding?.withheldText ?? "",
      })),
    };
  }
});
