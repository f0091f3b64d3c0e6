/**
 * Drafting on the server: create, save, submit; the optimistic version check; every refusal (limits, invalid
 * or unknown content, empty question on submission) leaves the database exactly as it was; who may read, edit
 * and submit; a double submit gives one number. On PGlite and (with TEST_DATABASE_URL) on PostgreSQL.
 */
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  events,
  inquiries,
  inquiryCoauthors,
  inquiryOriginators,
  memberships,
  questions,
  referenceCounters,
  users,
} from "../../db/schema";
import type { MembershipFact } from "../../app/domain/policy";
import { useDatabase } from "../../app/server/core/db.server";
import {
  DraftConflict,
  DraftRefused,
  DraftValidationError,
  NotFound,
  createDraft,
  loadDraft,
  loadDraftingOptions,
  saveDraft,
  submitDraft,
  type DraftInput,
} from "../../app/server/inquiries/drafts.server";
import { deleteDraft, setCoauthors } from "../../app/server/inquiries/drafts-management.server";
import { membershipFactsOf } from "../../app/server/core/transitions.server";
import { backends, useTestDatabase } from "../support/db";

type Actor = { id: string; memberships: MembershipFact[] };

const doc = (...paragraphs: string[]) =>
  JSON.stringify({
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : [] })),
  });
const rich = (json: string) => ({ rich: true, json });

function input(title: string, questionTexts: string[], preamble = ""): DraftInput {
  return {
    title,
    preamble: rich(doc(preamble)),
    questions: questionTexts.map((text) => ({ level: 0 as const, body: rich(doc(text)) })),
  };
}

describe.each(backends())("drafts on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  async function actor(email: string): Promise<Actor> {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (!user) throw new Error(`no user ${email}`);
    return { id: user.id, memberships: await membershipFactsOf(t.db, user.id) };
  }

  let faction: Actor;
  let colleague: Actor;
  let reader: Actor;
  let councilOffice: Actor;
  let otherBodyFaction: Actor;
  let typeId: string;

  beforeAll(async () => {
    faction = await actor("fraktion@norderstedt.quaestio.example");
    councilOffice = await actor("ratsbuero@norderstedt.quaestio.example");
    otherBodyFaction = await actor("fraktion@hamburg.quaestio.example");
    const own = faction.memberships.find((m) => m.role === "faction_member")!;
    // Two more members of the same faction: one becomes a co-author, one only reads.
    for (const [email, name] of [
      ["kollegin@norderstedt.quaestio.example", "Kollegin"],
      ["leser@norderstedt.quaestio.example", "Leser"],
    ] as const) {
      const [u] = await t.db
        .insert(users)
        .values({ email, displayName: name, passwordHash: "x" })
        .returning({ id: users.id });
      await t.db
        .insert(memberships)
        .values({ userId: u!.id, bodyId: own.bodyId, organizationId: own.organizationId, role: "faction_member" });
    }
    colleague = await actor("kollegin@norderstedt.quaestio.example");
    reader = await actor("leser@norderstedt.quaestio.example");
    const options = await loadDraftingOptions(faction);
    typeId = options[0]!.types[0]!.id;
  });

  async function newDraft(title = "Videokonferenzen in der Verwaltung") {
    const factionId = faction.memberships.find((m) => m.role === "faction_member")!.organizationId;
    return createDraft(faction, { factionId, typeId, title });
  }

  /** Everything a refused command must leave untouched. */
  async function snapshot(id: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    const qs = await t.db.select().from(questions).where(eq(questions.inquiryId, id)).orderBy(asc(questions.position));
    const evs = await t.db.select({ id: events.id }).from(events).where(eq(events.aggregateId, id));
    const counters = await t.db.select().from(referenceCounters);
    return { row, qs, events: evs.length, counters };
  }

  async function version(id: string) {
    const [row] = await t.db.select({ version: inquiries.version }).from(inquiries).where(eq(inquiries.id, id));
    return row!.version;
  }

  it("offers the faction member their body's inquiry types with the deadline rule, and nothing to the council office", async () => {
    const options = await loadDraftingOptions(faction);
    expect(options).toHaveLength(1);
    expect(options[0]!.types.length).toBeGreaterThan(0);
    expect(options[0]!.types.every((ty) => ty.ruleLabel.length > 0)).toBe(true);
    await expect(loadDraftingOptions(councilOffice)).rejects.toBeInstanceOf(NotFound);
  });

  it("creates a draft with the faction as originator, one empty question and a non-public draft_created event", async () => {
    const id = await newDraft();
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    expect(row).toMatchObject({ status: "draft", visibility: "public", createdByUserId: faction.id, reference: null });
    const originators = await t.db.select().from(inquiryOriginators).where(eq(inquiryOriginators.inquiryId, id));
    expect(originators).toEqual([
      expect.objectContaining({ organizationId: row!.originatorOrganizationId, label: "Fraktion (Demo)" }),
    ]);
    const qs = await t.db.select().from(questions).where(eq(questions.inquiryId, id));
    expect(qs).toEqual([expect.objectContaining({ number: "1", position: 1, bodyText: "" })]);
    const evs = await t.db.select().from(events).where(eq(events.aggregateId, id));
    expect(evs).toEqual([expect.objectContaining({ type: "draft_created", public: false, actorUserId: faction.id })]);
  });

  it("refuses a draft without title or with a type of another body", async () => {
    const factionId = faction.memberships.find((m) => m.role === "faction_member")!.organizationId;
    const before = await t.db.select({ id: inquiries.id }).from(inquiries);
    await expect(createDraft(faction, { factionId, typeId, title: "  " })).rejects.toMatchObject({
      fieldErrors: { title: "Bitte geben Sie einen Titel ein." },
    });
    const hamburgType = (await loadDraftingOptions(otherBodyFaction))[0]!.types[0]!.id;
    await expect(createDraft(faction, { factionId, typeId: hamburgType, title: "X" })).rejects.toBeInstanceOf(
      DraftValidationError,
    );
    expect(await t.db.select({ id: inquiries.id }).from(inquiries)).toHaveLength(before.length);
  });

  it("saves title, preamble and questions with sub-questions numbered 1, 2, 2a, 2b, 3 and increments the version", async () => {
    const id = await newDraft();
    const v = await version(id);
    const draft = input("Neuer Titel", ["Erste", "Zweite", "Zweite a", "Zweite b", "Dritte"], "Vorbemerkung");
    draft.questions[2]!.level = 1;
    draft.questions[3]!.level = 1;
    const saved = await saveDraft(faction, { inquiryId: id, expectedVersion: v, input: draft });
    expect(saved.version).toBe(v + 1);
    const qs = await t.db.select().from(questions).where(eq(questions.inquiryId, id)).orderBy(asc(questions.position));
    expect(qs.map((q) => [q.number, q.bodyText])).toEqual([
      ["1", "Erste"],
      ["2", "Zweite"],
      ["2a", "Zweite a"],
      ["2b", "Zweite b"],
      ["3", "Dritte"],
    ]);
    expect(qs[2]!.parentId).toBe(qs[1]!.id);
    expect(qs[3]!.parentId).toBe(qs[1]!.id);
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    expect(row).toMatchObject({ title: "Neuer Titel", preambleText: "Vorbemerkung", version: v + 1 });
    expect(row!.preambleHtml).toBe("<p>Vorbemerkung</p>");
    const view = await loadDraft(faction, id);
    expect(view).toMatchObject({ kind: "draft", version: v + 1, title: "Neuer Titel" });
  });

  it("without JavaScript keeps the formatting of a field whose plain text came back unchanged", async () => {
    const id = await newDraft();
    const formatted = JSON.stringify({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "fett", marks: [{ type: "bold" }] }] }],
    });
    let v = (
      await saveDraft(faction, {
        inquiryId: id,
        expectedVersion: await version(id),
        input: { ...input("T", []), questions: [{ level: 0, body: rich(formatted) }] },
      })
    ).version;
    v = (
      await saveDraft(faction, {
        inquiryId: id,
        expectedVersion: v,
        input: { ...input("T", []), questions: [{ level: 0, body: { rich: false, json: formatted, text: "fett" } }] },
      })
    ).version;
    let [q] = await t.db.select().from(questions).where(eq(questions.inquiryId, id));
    expect(q!.bodyHtml).toBe("<p><strong>fett</strong></p>");
    await saveDraft(faction, {
      inquiryId: id,
      expectedVersion: v,
      input: {
        ...input("T", []),
        questions: [{ level: 0, body: { rich: false, json: formatted, text: "fett\r\n\r\n- eins\r\n- zwei" } }],
      },
    });
    [q] = await t.db.select().from(questions).where(eq(questions.inquiryId, id));
    expect(q!.bodyHtml).toBe("<p>fett</p><ul><li><p>eins</p></li><li><p>zwei</p></li></ul>");
  });

  it("a stale save is a conflict, and nothing is written; saving over it with the current version works", async () => {
    const id = await newDraft();
    const v = await version(id);
    await saveDraft(colleague, { inquiryId: id, expectedVersion: v, input: input("T", ["x"]) }).catch(() => undefined);
    await saveDraft(faction, { inquiryId: id, expectedVersion: v, input: input("Fassung A", ["A"]) });
    const before = await snapshot(id);
    const error = await saveDraft(faction, {
      inquiryId: id,
      expectedVersion: v,
      input: input("Fassung B", ["B"]),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(DraftConflict);
    expect(error.currentVersion).toBe(v + 1);
    expect(error.message).toMatch(/inzwischen gespeichert/);
    // Who saved the other version, and at what time of day (the message "Gespeichert von … um 14:32 Uhr").
    const [saver] = await t.db.select({ name: users.displayName }).from(users).where(eq(users.id, faction.id));
    expect(error.lastSave).toEqual({ savedBy: saver!.name, time: expect.stringMatching(/^\d{2}:\d{2}$/) });
    expect(await snapshot(id)).toEqual(before);
    const overwritten = await saveDraft(faction, {
      inquiryId: id,
      expectedVersion: error.currentVersion,
      input: input("Fassung B", ["B"]),
    });
    expect(overwritten.version).toBe(v + 2);
    expect((await snapshot(id)).row!.title).toBe("Fassung B");
  });

  describe("bad input gets a message and changes nothing", () => {
    const huge = "x".repeat(1024 * 1024);
    it.each<[string, (d: DraftInput) => DraftInput, Record<string, RegExp>]>([
      [
        "200 questions",
        (d) => ({ ...d, questions: Array.from({ length: 200 }, () => ({ level: 0 as const, body: rich(doc("q")) })) }),
        { questions: /höchstens 100 Fragen/ },
      ],
      [
        "1 MB of text in one question (editor)",
        (d) => ({ ...d, questions: [{ level: 0, body: rich(doc(huge)) }] }),
        { "question-0": /Frage 1: Der formatierte Text ist zu umfangreich/ },
      ],
      [
        "1 MB of text in the preamble (no JavaScript)",
        (d) => ({ ...d, preamble: { rich: false, text: huge } }),
        { preamble: /Vorbemerkung/ },
      ],
      [
        "25 000 characters in a small JSON",
        (d) => ({ ...d, questions: [{ level: 0, body: rich(doc("y".repeat(25_000))) }] }),
        { "question-0": /höchstens 20\.000 Zeichen/ },
      ],
      [
        "JSON that does not parse",
        (d) => ({ ...d, questions: [{ level: 0, body: rich("{not json") }] }),
        { "question-0": /kein gültiges JSON/ },
      ],
      [
        "invalid Tiptap JSON",
        (d) => ({ ...d, preamble: rich(JSON.stringify({ type: "doc", content: [{ type: "text", text: "bare" }] })) }),
        { preamble: /ungültig/ },
      ],
      [
        "an unknown node type",
        (d) => ({
          ...d,
          questions: [
            {
              level: 0,
              body: rich(JSON.stringify({ type: "doc", content: [{ type: "iframe", attrs: { src: "https://x" } }] })),
            },
          ],
        }),
        { "question-0": /ungültig/ },
      ],
      [
        "a javascript: link",
        (d) => ({
          ...d,
          questions: [
            {
              level: 0,
              body: rich(
                JSON.stringify({
                  type: "doc",
                  content: [
                    {
                      type: "paragraph",
                      content: [
                        { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] },
                      ],
                    },
                  ],
                }),
              ),
            },
          ],
        }),
        { "question-0": /http-, https- oder mailto/ },
      ],
      ["an empty title", (d) => ({ ...d, title: "" }), { title: /Titel/ }],
      ["a title of 501 characters", (d) => ({ ...d, title: "t".repeat(501) }), { title: /höchstens 500 Zeichen/ }],
    ])("%s", async (_name, change, messages) => {
      const id = await newDraft();
      const v = await version(id);
      const good = await saveDraft(faction, { inquiryId: id, expectedVersion: v, input: input("Gut", ["Frage"]) });
      const before = await snapshot(id);
      const error = await saveDraft(faction, {
        inquiryId: id,
        expectedVersion: good.version,
        input: change(input("Gut", ["Frage"])),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DraftValidationError);
      for (const [field, message] of Object.entries(messages)) expect(error.fieldErrors[field]).toMatch(message);
      expect(await snapshot(id)).toEqual(before);
    });

    it("an empty question is fine while drafting but refused on submission, naming the question", async () => {
      const id = await newDraft();
      const saved = await saveDraft(faction, {
        inquiryId: id,
        expectedVersion: await version(id),
        input: input("T", ["Erste", ""]),
      });
      const before = await snapshot(id);
      const error = await submitDraft(faction, {
        inquiryId: id,
        expectedVersion: saved.version,
        input: input("T", ["Erste", ""]),
      }).catch((e) => e);
      expect(error).toBeInstanceOf(DraftValidationError);
      expect(error.fieldErrors).toEqual({ "question-1": "Frage 2 ist leer." });
      expect(await snapshot(id)).toEqual(before);
    });

    it("a draft without questions cannot be submitted", async () => {
      const id = await newDraft();
      const error = await submitDraft(faction, {
        inquiryId: id,
        expectedVersion: await version(id),
        input: input("T", []),
      }).catch((e) => e);
      expect(error.fieldErrors).toEqual({ questions: "Eine Anfrage braucht mindestens eine Frage." });
    });
  });

  it("submits the content as posted, with a reference and a due date, in one step", async () => {
    const id = await newDraft();
    const result = await submitDraft(faction, {
      inquiryId: id,
      expectedVersion: await version(id),
      input: input("Eingereicht", ["Was kostet es?"]),
      submissionKey: "k1",
    });
    expect(result).toMatchObject({ status: "submitted", alreadySubmitted: false });
    expect(result.reference).toBeTruthy();
    expect(result.dueRuleLabel).toBeTruthy();
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    expect(row).toMatchObject({
      status: "submitted",
      title: "Eingereicht",
      reference: result.reference,
      dueOn: result.dueOn,
    });
    const [q] = await t.db.select().from(questions).where(eq(questions.inquiryId, id));
    expect(q!.bodyText).toBe("Was kostet es?");
    const submits = await t.db.select().from(events).where(eq(events.aggregateId, id));
    expect(submits.find((e) => e.type === "submit")?.payload).toMatchObject({ submissionKey: "k1" });
    // The editor no longer offers it; the route sends the user to the inquiry's page.
    expect(await loadDraft(faction, id)).toEqual({ kind: "submitted", id });
    expect(await loadDraft(councilOffice, id)).toBeNull();
  });

  it("a double submit (same form twice, also at the same time) gives one number", async () => {
    const id = await newDraft();
    const v = await version(id);
    const command = { inquiryId: id, expectedVersion: v, input: input("Doppelt", ["Frage"]), submissionKey: "dbl" };
    const [a, b] = await Promise.all([submitDraft(faction, command), submitDraft(faction, command)]);
    const c = await submitDraft(faction, command);
    expect(new Set([a.reference, b.reference, c.reference]).size).toBe(1);
    expect([a, b, c].filter((r) => !r.alreadySubmitted)).toHaveLength(1);
    const submits = (await t.db.select().from(events).where(eq(events.aggregateId, id))).filter(
      (e) => e.type === "submit",
    );
    expect(submits).toHaveLength(1);
  });

  it("another faction, another body and the council office get NotFound for everything", async () => {
    const id = await newDraft();
    const v = await version(id);
    const before = await snapshot(id);
    for (const stranger of [otherBodyFaction, councilOffice]) {
      expect(await loadDraft(stranger, id)).toBeNull();
      await expect(
        saveDraft(stranger, { inquiryId: id, expectedVersion: v, input: input("X", ["X"]) }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(
        submitDraft(stranger, { inquiryId: id, expectedVersion: v, input: input("X", ["X"]) }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(deleteDraft(stranger, { inquiryId: id })).rejects.toBeInstanceOf(NotFound);
      await expect(setCoauthors(stranger, { inquiryId: id, userIds: [] })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await loadDraft(faction, "not-a-uuid")).toBeNull();
    expect(await snapshot(id)).toEqual(before);
  });

  it("a co-author may edit and submit; a faction member who is no co-author may only read", async () => {
    const id = await newDraft();
    const v = await version(id);
    // Before being chosen, the colleague only reads.
    expect((await loadDraft(colleague, id)) as { rights: unknown }).toMatchObject({
      rights: { read: true, edit: false },
    });
    await expect(
      saveDraft(colleague, { inquiryId: id, expectedVersion: v, input: input("X", ["X"]) }),
    ).rejects.toBeInstanceOf(DraftRefused);

    await setCoauthors(faction, { inquiryId: id, userIds: [colleague.id] });
    expect(await t.db.select().from(inquiryCoauthors).where(eq(inquiryCoauthors.inquiryId, id))).toEqual([
      { inquiryId: id, userId: colleague.id },
    ]);
    const changed = (await t.db.select().from(events).where(eq(events.aggregateId, id))).find(
      (e) => e.type === "coauthors_changed",
    );
    expect(changed?.payload).toEqual({ added: [colleague.id], removed: [] });

    const saved = await saveDraft(colleague, {
      inquiryId: id,
      expectedVersion: v,
      input: input("Von der Kollegin", ["Frage"]),
    });
    expect(saved.version).toBe(v + 1);
    // Neither the co-author nor the reader may change co-authors or delete.
    await expect(setCoauthors(colleague, { inquiryId: id, userIds: [] })).rejects.toBeInstanceOf(DraftRefused);
    await expect(deleteDraft(colleague, { inquiryId: id })).rejects.toBeInstanceOf(DraftRefused);
    expect((await loadDraft(reader, id)) as { rights: unknown }).toMatchObject({
      rights: { read: true, edit: false, delete: false },
    });
    await expect(
      saveDraft(reader, { inquiryId: id, expectedVersion: saved.version, input: input("Leser", ["X"]) }),
    ).rejects.toBeInstanceOf(DraftRefused);
    await expect(
      submitDraft(reader, { inquiryId: id, expectedVersion: saved.version, input: input("Leser", ["X"]) }),
    ).rejects.toBeInstanceOf(DraftRefused);

    const submitted = await submitDraft(colleague, {
      inquiryId: id,
      expectedVersion: saved.version,
      input: input("Von der Kollegin", ["Frage"]),
    });
    expect(submitted.reference).toBeTruthy();
  });

  it("co-authors must be active members of the same faction", async () => {
    const id = await newDraft();
    await expect(setCoauthors(faction, { inquiryId: id, userIds: [otherBodyFaction.id] })).rejects.toMatchObject({
      fieldErrors: { coauthors: expect.stringMatching(/aktive Mitglieder/) },
    });
    await expect(setCoauthors(faction, { inquiryId: id, userIds: [faction.id] })).rejects.toBeInstanceOf(
      DraftValidationError,
    );
    expect(await t.db.select().from(inquiryCoauthors).where(eq(inquiryCoauthors.inquiryId, id))).toEqual([]);
  });

  it("the creator deletes a draft with its questions; an audit event remains", async () => {
    const id = await newDraft("Zu löschen");
    await deleteDraft(faction, { inquiryId: id });
    expect(await t.db.select().from(inquiries).where(eq(inquiries.id, id))).toEqual([]);
    expect(await t.db.select().from(questions).where(eq(questions.inquiryId, id))).toEqual([]);
    const evs = await t.db.select().from(events).where(eq(events.aggregateId, id));
    expect(evs.map((e) => e.type).sort()).toEqual(["draft_created", "draft_deleted"]);
    expect(await loadDraft(faction, id)).toBeNull();
  });
});
