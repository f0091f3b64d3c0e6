/**
 * Issue 11: the council office can hide the question text of an inquiry it declares inadmissible (e.g. on
 * personnel grounds), with a public note why. Then the public page, the search, the OParl paper and the feed
 * carry neither the preamble nor the questions — the page says that the text is not published and why — while
 * the staff view still shows the text. Without the note nothing is saved; another body's office gets NotFound.
 * The tests that declare the Norderstedt inquiry inadmissible each work on a new submitted copy of it
 * (submittedCopyOf) that they bring to their starting state themselves; the others, which change nothing of it for
 * good, share the demo inquiry: each passes in any order and alone (issue 9).
 */
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkflowForm } from "../../app/components/workflow/form-input";
import { bodies, events, inquiries, questions } from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import { NotFound } from "../../app/server/core/transitions.server";
import {
  assertWorkflowParticipant,
  runWorkflowCommand,
  WorkflowInputError,
} from "../../app/server/inquiries/intake.server";
import { publicPageCache } from "../../app/server/core/public-page-cache.server";
import { loadStaffInquiry } from "../../app/server/inquiries/staff-read-model.server";
import { loadInquiryFeed } from "../../app/server/public/feeds/feeds.server";
import { loadPublicInquiry } from "../../app/server/public/inquiries.server";
import { handleOparlRequest } from "../../app/server/public/oparl/oparl.server";
import { searchPublic } from "../../app/server/public/search/search.server";
import { backends, useTestDatabase } from "../support/db";
import { submittedCopyOf } from "../support/inquiry-copies";
import { currentUserFor } from "../support/users";

const TITLE = "Barrierefreiheit der Videokonferenzsysteme";
/**
 * Words that occur nowhere else in the demo data: one in a question, one in the preamble. A set of its own for
 * each test that searches for them, since another test's copy may still show its words publicly.
 */
const FINDS = { question: "Personalaktenzwischenablage", preamble: "Dienstpostenbewertungsmuster" };
const HIDES = { question: "Personalaktenumlaufmappe", preamble: "Dienstpostenbewertungsraster" };
const SHOWS = { question: "Personalaktenablagefach", preamble: "Dienstpostenbewertungsbogen" };
const NOTE = "Die Fragen betreffen eine einzelne Beschäftigte (Personalangelegenheit).";
const ORIGIN = "http://hidden.quaestio.test";
const NONE = { body: null, type: null, status: null, faction: null, department: null, tool: null, year: null };

describe.each(backends())("hidden question text of an inadmissible inquiry on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  const office = () => currentUserFor(t.db, "ratsbuero@norderstedt.quaestio.example");

  async function target(id: string) {
    const [row] = await t.db
      .select({ inquiry: inquiries, slug: bodies.slug })
      .from(inquiries)
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      .where(eq(inquiries.id, id));
    return row!;
  }

  /** Makes the submitted inquiry `id` public, with the given words in its preamble and first question. */
  async function makeFixture(id: string, words: { question: string; preamble: string }) {
    await t.db
      .update(inquiries)
      .set({
        visibility: "public",
        preambleHtml: `<p>Vorbemerkung zum ${words.preamble}.</p>`,
        preambleText: `Vorbemerkung zum ${words.preamble}.`,
      })
      .where(eq(inquiries.id, id));
    const [first] = await t.db.select().from(questions).where(eq(questions.inquiryId, id)).limit(1);
    await t.db
      .update(questions)
      .set({ bodyHtml: `<p>Wer führt die ${words.question}?</p>`, bodyText: `Wer führt die ${words.question}?` })
      .where(eq(questions.id, first!.id));
  }

  /**
   * The fixture of a test that declares the inquiry inadmissible: a new submitted copy of the demo inquiry TITLE
   * (submittedCopyOf) made public with the given words. Returns its id.
   */
  async function fixture(words: { question: string; preamble: string }): Promise<string> {
    const id = await submittedCopyOf(t.db, TITLE, "norderstedt");
    await makeFixture(id, words);
    return id;
  }

  /** The demo inquiry TITLE as the fixture (with FINDS) of the tests that change nothing of it for good. */
  let demoId: string;
  beforeAll(async () => {
    const [demo] = await t.db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.title, TITLE));
    demoId = demo!.id;
    await makeFixture(demoId, FINDS);
  });

  const search = (query: string) => searchPublic({ query, filters: NONE, page: 1 }, t.db);
  const oparlPapers = async (slug: string) => {
    const response = await handleOparlRequest(
      new Request(`${ORIGIN}/oparl/v1/body/${slug}/paper?limit=100`),
      ["body", slug, "paper"],
      t.db,
    );
    return JSON.stringify(response.body);
  };

  it("finds the question text publicly before it is hidden (the fixture is searchable)", async () => {
    const { question: QUESTION_WORD, preamble: PREAMBLE_WORD } = FINDS;
    const { inquiry, slug } = await target(demoId);
    expect((await search(QUESTION_WORD)).hits.map((h) => h.title)).toContain(TITLE);
    expect((await search(PREAMBLE_WORD)).hits.map((h) => h.title)).toContain(TITLE);
    const page = JSON.stringify(await loadPublicInquiry({ bodySlug: slug, publicRef: inquiry.publicRef! }, t.db));
    expect(page).toContain(QUESTION_WORD);
  });

  it("asks for the public note when hiding is ticked, keeps the input, and saves nothing without it", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: "declare_inadmissible",
      version: "3",
      reason: "Personalangelegenheit",
      hideQuestionText: "on",
      questionTextHiddenReason: "  ",
    }))
      form.append(k, v);
    const parsed = readWorkflowForm(form);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.questionTextHiddenReason).toBe(
      "Bitte geben Sie den öffentlichen Hinweis an, warum der Fragetext nicht gezeigt wird.",
    );
    expect(parsed.values.reason).toBe("Personalangelegenheit");
    expect(parsed.values.hideQuestionText).toBe("on");

    // The command refuses a blank note too (a caller that bypasses the form), and nothing is written.
    const { inquiry } = await target(demoId);
    const eventsBefore = await t.db.select().from(events).where(eq(events.aggregateId, inquiry.id));
    const blank = runWorkflowCommand(await office(), inquiry.id, inquiry.version, {
      intent: "declare_inadmissible",
      reason: "Personalangelegenheit",
      questionTextHiddenReason: "   ",
    });
    await expect(blank).rejects.toThrow(WorkflowInputError);
    const after = (await target(inquiry.id)).inquiry;
    expect(after).toEqual(inquiry);
    expect(await t.db.select().from(events).where(eq(events.aggregateId, inquiry.id))).toHaveLength(
      eventsBefore.length,
    );
  });

  it("refuses another body's council office with NotFound and writes nothing, public or internal", async () => {
    const { inquiry } = await target(demoId);
    const foreignOffice = await currentUserFor(t.db, "ratsbuero@landtag-nrw.quaestio.example");
    const command = { intent: "declare_inadmissible", reason: "x", questionTextHiddenReason: "y" } as const;
    // A public inquiry can be read by everyone, but its workflow is the body's: an outsider is told "not found"
    // (404), never "not allowed" (issue 11: a 400 form error told another body's office too much).
    await expect(runWorkflowCommand(foreignOffice, inquiry.id, inquiry.version, command)).rejects.toThrow(NotFound);
    await expect(assertWorkflowParticipant(foreignOffice, inquiry.id)).rejects.toThrow(NotFound);
    await expect(assertWorkflowParticipant(await office(), inquiry.id)).resolves.toBeUndefined();
    await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, inquiry.id));
    await expect(runWorkflowCommand(foreignOffice, inquiry.id, inquiry.version, command)).rejects.toThrow(NotFound);
    await t.db.update(inquiries).set({ visibility: "public" }).where(eq(inquiries.id, inquiry.id));
    expect((await target(inquiry.id)).inquiry).toEqual(inquiry);
  });

  it("hides preamble and questions from the page, search, OParl and the feed; staff still see them", async () => {
    const { question: QUESTION_WORD, preamble: PREAMBLE_WORD } = HIDES;
    const { inquiry, slug } = await target(await fixture(HIDES));
    await runWorkflowCommand(await office(), inquiry.id, inquiry.version, {
      intent: "declare_inadmissible",
      reason: "Die Anfrage betrifft eine Personalangelegenheit.",
      questionTextHiddenReason: NOTE,
    });
    const after = (await target(inquiry.id)).inquiry;
    expect(after.status).toBe("inadmissible");
    expect(after.questionTextHiddenReason).toBe(NOTE);

    const page = await loadPublicInquiry({ bodySlug: slug, publicRef: inquiry.publicRef! }, t.db);
    expect(page!.inquiry.questionTextHiddenReason).toBe(NOTE);
    expect(page!.questions).toEqual([]);
    expect(page!.inquiry.preambleHtml).toBeNull();
    const pageJson = JSON.stringify(page);
    expect(pageJson).not.toContain(QUESTION_WORD);
    expect(pageJson).not.toContain(PREAMBLE_WORD);
    expect(pageJson).toContain(TITLE);

    expect((await search(QUESTION_WORD)).hits).toEqual([]);
    expect((await search(PREAMBLE_WORD)).hits).toEqual([]);
    // The title still finds it, and the snippet does not quote the hidden text.
    const byTitle = await search("Videokonferenzsysteme");
    const hit = byTitle.hits.find((h) => h.title === TITLE && h.publicRef === inquiry.publicRef);
    expect(hit).toBeDefined();
    expect(JSON.stringify(hit)).not.toMatch(new RegExp(`${QUESTION_WORD}|${PREAMBLE_WORD}`));

    const papers = await oparlPapers(slug);
    expect(papers).toContain(TITLE);
    expect(papers).not.toMatch(new RegExp(`${QUESTION_WORD}|${PREAMBLE_WORD}`));

    const feed = await loadInquiryFeed({ bodySlug: slug, publicRef: inquiry.publicRef! }, ORIGIN, t.db);
    expect(feed!.xml).not.toMatch(new RegExp(`${QUESTION_WORD}|${PREAMBLE_WORD}`));

    const staff = JSON.stringify(await loadStaffInquiry(await office(), inquiry.id));
    expect(staff).toContain(QUESTION_WORD);
    expect(staff).toContain(PREAMBLE_WORD);
  });

  it("shows the hidden text again on the council office's word: event, page (cached too), search", async () => {
    const { question: QUESTION_WORD, preamble: PREAMBLE_WORD } = SHOWS;
    // Its starting state: the text hidden when the office declared the inquiry inadmissible (the test before).
    const fixtureId = await fixture(SHOWS);
    await runWorkflowCommand(await office(), fixtureId, (await target(fixtureId)).inquiry.version, {
      intent: "declare_inadmissible",
      reason: "Die Anfrage betrifft eine Personalangelegenheit.",
      questionTextHiddenReason: NOTE,
    });
    const { inquiry, slug } = await target(fixtureId);
    expect(inquiry.questionTextHiddenReason).toBe(NOTE);
    const path = `/${slug}/anfragen/${inquiry.publicRef!}`;
    // The public page through the page cache, as an anonymous reader gets it (a stand-in renderer).
    const render = async () =>
      new Response(
        `<main>${JSON.stringify(await loadPublicInquiry({ bodySlug: slug, publicRef: inquiry.publicRef! }, t.db))}</main>`,
        {
          headers: {
            "Content-Type": "text/html",
            "Content-Security-Policy": "script-src 'nonce-abc'",
            "X-Request-Id": "r1",
          },
        },
      );
    const anonymous = async () =>
      (await publicPageCache().serve(new Request(`${ORIGIN}${path}`), render, false)).text();
    expect(await anonymous()).not.toContain(QUESTION_WORD);
    const hits = publicPageCache().stats().hits;
    expect(await anonymous()).not.toContain(QUESTION_WORD);
    expect(publicPageCache().stats().hits, "the second request is served from the cache").toBe(hits + 1);

    const show = (reason: string) => ({ intent: "show_question_text", reason }) as const;
    // Another body's office: not found; a blank reason: refused next to the field. Nothing is written.
    const foreign = await currentUserFor(t.db, "ratsbuero@landtag-nrw.quaestio.example");
    await expect(runWorkflowCommand(foreign, inquiry.id, inquiry.version, show("Versehen"))).rejects.toThrow(NotFound);
    await expect(runWorkflowCommand(await office(), inquiry.id, inquiry.version, show(" "))).rejects.toThrow(
      WorkflowInputError,
    );
    expect((await target(inquiry.id)).inquiry).toEqual(inquiry);

    await runWorkflowCommand(await office(), inquiry.id, inquiry.version, show("Der Hinweis war ein Versehen."));
    const after = (await target(inquiry.id)).inquiry;
    expect(after.questionTextHiddenReason).toBeNull();
    expect(after.status).toBe("inadmissible");
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.aggregateId, inquiry.id))
      .orderBy(desc(events.id))
      .limit(1);
    expect(event).toMatchObject({
      type: "question_text_shown",
      public: false,
      actorUserId: (await office()).id,
      payload: { reason: "Der Hinweis war ein Versehen.", previousQuestionTextHiddenReason: NOTE },
    });

    // The very next anonymous request shows the text: the event's commit dropped the cached page.
    const page = await anonymous();
    expect(page).toContain(QUESTION_WORD);
    expect(page).toContain(PREAMBLE_WORD);
    expect((await search(QUESTION_WORD)).hits.map((h) => h.title)).toContain(TITLE);
    // Shown text can be hidden again, but not "shown" twice.
    await expect(runWorkflowCommand(await office(), inquiry.id, after.version, show("nochmals"))).rejects.toThrow(
      "Der Fragetext wird bereits öffentlich gezeigt.",
    );
    publicPageCache().invalidate(null);
  });

  it("hides it afterwards on an already inadmissible inquiry, once, by the body's council office only", async () => {
    const title = "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung";
    const nrwOffice = await currentUserFor(t.db, "ratsbuero@landtag-nrw.quaestio.example");
    const load = async () => (await t.db.select().from(inquiries).where(eq(inquiries.title, title)))[0]!;
    let row = await load();
    await runWorkflowCommand(nrwOffice, row.id, row.version, { intent: "declare_inadmissible", reason: "Unzulässig" });
    row = await load();
    expect(row.questionTextHiddenReason).toBeNull();
    const [{ text: questionText } = { text: "" }] = await t.db
      .select({ text: questions.bodyText })
      .from(questions)
      .where(eq(questions.inquiryId, row.id))
      .limit(1);

    // Another body's office (Norderstedt) does not learn that this internal inquiry exists.
    const hide = (reason: string) => ({ intent: "hide_question_text", questionTextHiddenReason: reason }) as const;
    await expect(runWorkflowCommand(await office(), row.id, row.version, hide(NOTE))).rejects.toThrow(NotFound);
    // A blank note is refused; nothing is written.
    await expect(runWorkflowCommand(nrwOffice, row.id, row.version, hide("  "))).rejects.toThrow(WorkflowInputError);
    expect(await load()).toEqual(row);

    await runWorkflowCommand(nrwOffice, row.id, row.version, hide(NOTE));
    const hidden = await load();
    expect(hidden.questionTextHiddenReason).toBe(NOTE);
    const [event] = await t.db
      .select()
      .from(events)
      .where(eq(events.aggregateId, row.id))
      .orderBy(desc(events.id))
      .limit(1);
    expect(event).toMatchObject({ type: "question_text_hidden", public: false, actorUserId: nrwOffice.id });
    // Once hidden, hiding again is refused with a German message.
    await expect(runWorkflowCommand(nrwOffice, row.id, hidden.version, hide(NOTE))).rejects.toThrow(
      "Der Fragetext wird bereits nicht veröffentlicht.",
    );

    // Made public, the page carries the note and not the question.
    await t.db.update(inquiries).set({ visibility: "public" }).where(eq(inquiries.id, row.id));
    const [body] = await t.db.select({ slug: bodies.slug }).from(bodies).where(eq(bodies.id, row.bodyId));
    const page = await loadPublicInquiry({ bodySlug: body!.slug, publicRef: row.publicRef! }, t.db);
    expect(page!.inquiry.questionTextHiddenReason).toBe(NOTE);
    expect(questionText!.length).toBeGreaterThan(10);
    expect(JSON.stringify(page)).not.toContain(questionText!.slice(0, 40));
  });
});
