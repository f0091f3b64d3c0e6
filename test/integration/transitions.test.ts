/**
 * The lifecycle engine against the database: state and event are written together or not at all, a stale
 * version is refused with the German message, roles count only in the aggregate's body, and of two
 * simultaneous accepts of the same version exactly one wins.
 */
import { addDays } from "../../app/domain/dashboard";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import {
  answers,
  answerVersions,
  bodies,
  consultations,
  deadlineExtensions,
  events,
  inquiries,
  inquiryContributors,
  inquiryTypes,
  organizations,
  signatures,
  signOffSteps,
  users,
} from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import {
  NotFound,
  StaleVersionError,
  TransitionRefused,
  applyAnswerTransition,
  applyInquiryTransition,
  membershipFactsOf,
  type TransitionActor,
} from "../../app/server/core/transitions.server";
import { backends, useTestDatabase } from "../support/db";

const STALE =
  "Der Vorgang wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu; Ihre Eingaben bleiben erhalten.";

describe.each(backends())("lifecycle transitions on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  beforeAll(() => useDatabase(t.handle));

  async function actor(email: string): Promise<TransitionActor> {
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    return { userId: user!.id, memberships: await membershipFactsOf(t.db, user!.id) };
  }
  const nrw = (local: string) => actor(`${local}@landtag-nrw.quaestio.example`);

  async function inquiryByTitle(title: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.title, title));
    return row!;
  }
  const NRW_SUBMITTED = "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung";
  const NORDERSTEDT_SUBMITTED = "Barrierefreiheit der Videokonferenzsysteme";

  /**
   * Fixture: a copy of the submitted demo inquiry `title` (same body, type, faction, dates and version, a new
   * number and reference, no events yet), so that every test changes its own inquiry and none depends on
   * what another test did before it (the file passes with `--sequence.shuffle`).
   */
  let copies = 0;
  const sourceIds = new Map<string, string>();
  async function copyOfSubmitted(title: string) {
    // The copies share the title: the demo inquiry is the one found before the first copy.
    if (!sourceIds.has(title)) sourceIds.set(title, (await inquiryByTitle(title)).id);
    const source = await inquiryByTitleId(sourceIds.get(title)!);
    expect(source.status).toBe("submitted");
    const n = ++copies;
    const writable = Object.fromEntries(
      Object.entries(getTableColumns(inquiries))
        .filter(([key, column]) => key !== "id" && !column.generated)
        .map(([key]) => [key, source[key as keyof typeof source]]),
    ) as typeof inquiries.$inferInsert;
    const [copy] = await t.db
      .insert(inquiries)
      .values({
        ...writable,
        sequence: 10_000 + n,
        reference: `${source.reference}-T${n}`,
        publicRef: `${source.publicRef}-T${n}`,
      })
      .returning();
    return copy!;
  }
  /** Fixture: a copy of the submitted demo inquiry `title`, accepted by the council office `office`. */
  async function acceptedCopy(title: string, office: TransitionActor) {
    const inquiry = await copyOfSubmitted(title);
    await applyInquiryTransition(t.db, {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "accept",
      actor: office,
    });
    return inquiryByTitleId(inquiry.id);
  }
  /**
   * Fixture: a copy of the submitted NRW demo inquiry, accepted and assigned by the council office to the
   * body's first department (as the assignment test below does).
   */
  async function assignedCopy() {
    const inquiry = await acceptedCopy(NRW_SUBMITTED, await nrw("ratsbuero"));
    const [department] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.bodyId, inquiry.bodyId), eq(organizations.kind, "department")))
      .limit(1);
    await applyInquiryTransition(t.db, {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "assign",
      actor: await nrw("ratsbuero"),
      facts: { leadOrganizationId: department!.id },
    });
    return inquiryByTitleId(inquiry.id);
  }

  async function eventsOf(aggregateId: string) {
    return t.db.select().from(events).where(eq(events.aggregateId, aggregateId)).orderBy(events.id);
  }
  async function snapshot(id: string) {
    const row = await inquiryByTitleId(id);
    return { status: row.status, version: row.version, events: (await eventsOf(id)).length };
  }
  async function inquiryByTitleId(id: string) {
    const [row] = await t.db.select().from(inquiries).where(eq(inquiries.id, id));
    return row!;
  }
  /** PostgreSQL: resolves once another session of this database waits for a lock (polling, at most 30 s). */
  async function waitForRowLockWaiter() {
    await vi.waitFor(
      async () => {
        const result = await t.db.execute<{ waiting: number }>(
          sql`select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
        );
        const rows = Array.isArray(result) ? result : (result as { rows: { waiting: number }[] }).rows;
        if (!(rows[0]!.waiting > 0)) throw new Error("no session waits for the row lock yet");
      },
      { timeout: 30_000, interval: 5 },
    );
  }

  it("does not let a faction member accept, and writes nothing", async () => {
    const inquiry = await copyOfSubmitted(NRW_SUBMITTED);
    const before = await snapshot(inquiry.id);
    const attempt = applyInquiryTransition(t.db, {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "accept",
      actor: await nrw("fraktion"),
    });
    await expect(attempt).rejects.toThrow(TransitionRefused);
    await expect(attempt).rejects.toMatchObject({ reason: "forbidden" });
    expect(await snapshot(inquiry.id)).toEqual(before);
  });

  it("answers NotFound to staff of another body, whichever body they name", async () => {
    const inquiry = await copyOfSubmitted(NRW_SUBMITTED);
    const outsider = await actor("ratsbuero@norderstedt.quaestio.example");
    const [norderstedt] = await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, "norderstedt"));
    for (const bodyId of [inquiry.bodyId, norderstedt!.id]) {
      await expect(
        applyInquiryTransition(t.db, {
          inquiryId: inquiry.id,
          bodyId,
          expectedVersion: inquiry.version,
          event: "accept",
          actor: outsider,
        }),
      ).rejects.toThrow(NotFound);
    }
    // Even the body's own council office does not find the inquiry under another body.
    await expect(
      applyInquiryTransition(t.db, {
        inquiryId: inquiry.id,
        bodyId: norderstedt!.id,
        expectedVersion: inquiry.version,
        event: "accept",
        actor: await nrw("ratsbuero"),
      }),
    ).rejects.toThrow(NotFound);
  });

  it("accepts by the council office: new status and version, exactly one event; the old version is then stale", async () => {
    const inquiry = await copyOfSubmitted(NRW_SUBMITTED);
    const office = await nrw("ratsbuero");
    const eventsBefore = await eventsOf(inquiry.id);
    const command = {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "accept",
      actor: office,
    };

    const result = await applyInquiryTransition(t.db, command);
    expect(result).toMatchObject({ status: "accepted", version: inquiry.version + 1, publicEvent: false });
    const after = await inquiryByTitleId(inquiry.id);
    expect(after.status).toBe("accepted");
    expect(after.version).toBe(inquiry.version + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(inquiry.updatedAt.getTime());
    const written = (await eventsOf(inquiry.id)).slice(eventsBefore.length);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      id: result.eventId,
      bodyId: inquiry.bodyId,
      aggregateType: "inquiry",
      type: "accept",
      actorUserId: office.userId,
      // The demo inquiry is internal, so nothing goes on a public timeline.
      public: false,
      payload: { from: "submitted", to: "accepted" },
    });

    const stale = applyInquiryTransition(t.db, command);
    await expect(stale).rejects.toThrow(StaleVersionError);
    await expect(stale).rejects.toThrow(STALE);
    expect(await snapshot(inquiry.id)).toEqual({
      status: "accepted",
      version: inquiry.version + 1,
      events: eventsBefore.length + 1,
    });
  });

  it("refuses an assignment without a lead department or with one of another body, then assigns", async () => {
    const inquiry = await acceptedCopy(NRW_SUBMITTED, await nrw("ratsbuero"));
    const office = await nrw("ratsbuero");
    const base = {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "assign",
      actor: office,
    };
    const before = await snapshot(inquiry.id);

    await expect(applyInquiryTransition(t.db, { ...base, facts: {} })).rejects.toMatchObject({
      reason: "guard_failed",
      message: "Bitte wählen Sie die federführende Organisationseinheit aus.",
    });
    const [foreign] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .innerJoin(bodies, eq(bodies.id, organizations.bodyId))
      .where(eq(bodies.slug, "norderstedt"))
      .limit(1);
    await expect(
      applyInquiryTransition(t.db, { ...base, facts: { leadOrganizationId: foreign!.id } }),
    ).rejects.toMatchObject({
      reason: "guard_failed",
    });
    expect(await snapshot(inquiry.id)).toEqual(before);

    const [department] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.bodyId, inquiry.bodyId), eq(organizations.kind, "department")))
      .limit(1);
    const result = await applyInquiryTransition(t.db, { ...base, facts: { leadOrganizationId: department!.id } });
    expect(result.status).toBe("assigned");
    const after = await inquiryByTitleId(inquiry.id);
    expect(after.leadOrganizationId).toBe(department!.id);
    const last = (await eventsOf(inquiry.id)).at(-1)!;
    expect(last.payload).toMatchObject({ leadOrganizationId: department!.id });
  });

  it("extends the deadline without changing the state and records the extension", async () => {
    const inquiry = await assignedCopy();
    const office = await nrw("ratsbuero");
    expect(inquiry.dueOn).not.toBeNull();
    const base = {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "extend_deadline",
      actor: office,
    };

    // The server takes the current due date from the row, not from the caller.
    await expect(
      applyInquiryTransition(t.db, {
        ...base,
        facts: { reason: "Ressortabstimmung", currentDueOn: "2000-01-01", newDueOn: inquiry.dueOn! },
      }),
    ).rejects.toMatchObject({ reason: "guard_failed", guard: "new_due_date_after_current" });

    // Well after the current deadline (the demo deadlines are relative to the day the data was loaded).
    const newDueOn = addDays(inquiry.dueOn!, 30);
    const result = await applyInquiryTransition(t.db, { ...base, facts: { reason: " Ressortabstimmung ", newDueOn } });
    expect(result).toMatchObject({ status: "assigned", version: inquiry.version + 1 });
    expect((await inquiryByTitleId(inquiry.id)).dueOn).toBe(newDueOn);
    const extensions = await t.db.select().from(deadlineExtensions).where(eq(deadlineExtensions.inquiryId, inquiry.id));
    expect(extensions).toEqual([
      expect.objectContaining({
        previousDueOn: inquiry.dueOn,
        newDueOn,
        reason: "Ressortabstimmung",
        grantedByUserId: office.userId,
      }),
    ]);
    expect((await eventsOf(inquiry.id)).at(-1)).toMatchObject({
      type: "extend_deadline",
      payload: {
        from: "assigned",
        to: "assigned",
        reason: "Ressortabstimmung",
        previousDueOn: inquiry.dueOn,
        newDueOn,
      },
    });
  });

  it("lets only the lead department's staff act for it: a contributing department's clerk sees the inquiry but may not start answering", async () => {
    const inquiry = await assignedCopy();
    const clerk = await nrw("sachbearbeitung");
    const [contributing] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.bodyId, inquiry.bodyId), eq(organizations.name, "MKFFI")));
    expect(contributing!.id).not.toBe(inquiry.leadOrganizationId);
    await t.db.insert(inquiryContributors).values({ inquiryId: inquiry.id, organizationId: contributing!.id });
    const contributingClerk = {
      ...clerk,
      memberships: clerk.memberships.map((m) => ({ ...m, organizationId: contributing!.id })),
    };
    const before = await snapshot(inquiry.id);
    await expect(
      applyInquiryTransition(t.db, {
        inquiryId: inquiry.id,
        bodyId: inquiry.bodyId,
        expectedVersion: inquiry.version,
        event: "start_answering",
        actor: contributingClerk,
      }),
    ).rejects.toMatchObject({ name: "TransitionRefused", reason: "forbidden" });
    expect(await snapshot(inquiry.id)).toEqual(before);
    await t.db.delete(inquiryContributors).where(eq(inquiryContributors.inquiryId, inquiry.id));
  });

  it("rolls everything back when work in the same transaction fails", async () => {
    const inquiry = await assignedCopy();
    const before = await snapshot(inquiry.id);
    await expect(
      applyInquiryTransition(t.db, {
        inquiryId: inquiry.id,
        bodyId: inquiry.bodyId,
        expectedVersion: inquiry.version,
        event: "start_answering",
        actor: await nrw("sachbearbeitung"),
        within: async () => {
          throw new Error("boom");
        },
      }),
    ).rejects.toThrow("boom");
    expect(await snapshot(inquiry.id)).toEqual(before);
  });

  it("lets only the originating faction withdraw, with a public note", async () => {
    const inquiry = await assignedCopy();
    const faction = await nrw("fraktion");
    const base = {
      inquiryId: inquiry.id,
      bodyId: inquiry.bodyId,
      expectedVersion: inquiry.version,
      event: "withdraw",
      actor: faction,
    };
    await expect(applyInquiryTransition(t.db, { ...base, facts: { publicNote: " " } })).rejects.toMatchObject({
      reason: "guard_failed",
    });
    // A member of another faction does not even see the internal inquiry.
    const [otherFactionOrg] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(
        and(
          eq(organizations.bodyId, inquiry.bodyId),
          eq(organizations.kind, "faction"),
          sql`${organizations.id} <> ${inquiry.originatorOrganizationId}`,
        ),
      )
      .limit(1);
    expect(otherFactionOrg).toBeDefined();
    const otherFaction = {
      ...faction,
      memberships: faction.memberships.map((m) => ({ ...m, organizationId: otherFactionOrg!.id })),
    };
    await expect(
      applyInquiryTransition(t.db, { ...base, actor: otherFaction, facts: { publicNote: "Erledigt." } }),
    ).rejects.toThrow(NotFound);

    const result = await applyInquiryTransition(t.db, {
      ...base,
      facts: { publicNote: "Die Fragen haben sich erledigt." },
    });
    expect(result.status).toBe("withdrawn");
    const after = await inquiryByTitleId(inquiry.id);
    expect(after.withdrawalNote).toBe("Die Fragen haben sich erledigt.");
    expect(after.withdrawnOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(
      applyInquiryTransition(t.db, { ...base, expectedVersion: after.version, facts: { publicNote: "nochmal" } }),
    ).rejects.toMatchObject({ reason: "not_allowed_in_state" });
  });

  it("lets exactly one of two simultaneous accepts of the same version win", async () => {
    const inquiry = await copyOfSubmitted(NORDERSTEDT_SUBMITTED);
    expect(inquiry.status).toBe("submitted");
    const office = await actor("ratsbuero@norderstedt.quaestio.example");
    const eventsBefore = (await eventsOf(inquiry.id)).length;
    const accept = () =>
      applyInquiryTransition(t.db, {
        inquiryId: inquiry.id,
        bodyId: inquiry.bodyId,
        expectedVersion: inquiry.version,
        event: "accept",
        actor: office,
      });
    // On PostgreSQL the pool runs both transactions on two connections at once; PGlite runs them one after the other.
    const results = await Promise.allSettled([accept(), accept()]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(StaleVersionError);
    expect(await snapshot(inquiry.id)).toEqual({
      status: "accepted",
      version: inquiry.version + 1,
      events: eventsBefore + 1,
    });
  });

  it("makes a second transaction wait for the first one's row lock and then refuses it as stale", async () => {
    const inquiry = await acceptedCopy(NORDERSTEDT_SUBMITTED, await actor("ratsbuero@norderstedt.quaestio.example"));
    expect(inquiry.status).toBe("accepted");
    const office = await actor("ratsbuero@norderstedt.quaestio.example");
    const [department] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.bodyId, inquiry.bodyId), eq(organizations.kind, "department")))
      .limit(1);
    const eventsBefore = (await eventsOf(inquiry.id)).length;
    const assign = (within?: () => Promise<void>) =>
      applyInquiryTransition(t.db, {
        inquiryId: inquiry.id,
        bodyId: inquiry.bodyId,
        expectedVersion: inquiry.version,
        event: "assign",
        actor: office,
        facts: { leadOrganizationId: department!.id },
        within,
      });
    // The first holds its transaction open after reading until the second has started and (on PostgreSQL) is
    // seen waiting for the row lock: a handshake, not a sleep. Without the row lock the second would read the
    // old version too and both would "win". PGlite has one connection: the second runs after the first commits
    // (and so reads the new version), and a query from here inside the first transaction would wait for it.
    let locked!: () => void;
    const firstHasRead = new Promise<void>((resolve) => (locked = resolve));
    let secondStarted!: () => void;
    const secondIsRunning = new Promise<void>((resolve) => (secondStarted = resolve));
    const first = assign(async () => {
      locked();
      await secondIsRunning;
      if (backend === "postgres") await waitForRowLockWaiter();
    });
    await firstHasRead;
    const second = assign();
    secondStarted();
    const results = await Promise.allSettled([first, second]);
    expect(results[0]).toMatchObject({ status: "fulfilled", value: { status: "assigned" } });
    expect(results[1]).toMatchObject({ status: "rejected", reason: expect.any(StaleVersionError) });
    expect(await snapshot(inquiry.id)).toEqual({
      status: "assigned",
      version: inquiry.version + 1,
      events: eventsBefore + 1,
    });
  });

  it("submits a draft only together with the numbering passed in by the submission module", async () => {
    const draft = await inquiryByTitle("Einsatz von Cloud-Diensten in den Landesbehörden");
    expect(draft.status).toBe("draft");
    const faction = await nrw("fraktion");
    const base = {
      inquiryId: draft.id,
      bodyId: draft.bodyId,
      expectedVersion: draft.version,
      event: "submit",
      actor: faction,
    };
    const before = await snapshot(draft.id);
    await expect(applyInquiryTransition(t.db, base)).rejects.toThrow(/reference number/);
    expect(await snapshot(draft.id)).toEqual(before);
    // The administration does not even see a faction's draft.
    await expect(applyInquiryTransition(t.db, { ...base, actor: await nrw("ratsbuero") })).rejects.toThrow(NotFound);

    const result = await applyInquiryTransition(t.db, {
      ...base,
      within: async (tx, inquiry) => {
        expect(inquiry.id).toBe(draft.id);
        expect(tx).toBeDefined();
        return {
          period: "18",
          sequence: 99,
          reference: "99",
          publicRef: "KA-18-99",
          submittedOn: "2026-11-20",
          receivedOn: "2026-11-20",
        };
      },
    });
    expect(result).toMatchObject({ status: "submitted", version: draft.version + 1 });
    expect(await inquiryByTitleId(draft.id)).toMatchObject({
      status: "submitted",
      reference: "99",
      receivedOn: "2026-11-20",
    });
  });

  it("runs the motion lifecycle for an Antrag, recording the decision", async () => {
    const [motion] = await t.db
      .select({ row: inquiries })
      .from(inquiries)
      .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
      .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
      // The real Antrag of the seed documents (the demo data has fictional motions in every state beside it).
      .where(
        and(
          eq(bodies.slug, "scharnebeck"),
          eq(inquiryTypes.lifecycle, "motion"),
          eq(inquiries.publicRef, "Antrag-1-2020"),
        ),
      );
    const inquiry = motion!.row;
    expect(inquiry.status).toBe("submitted");
    const office = await actor("ratsbuero@scharnebeck.quaestio.example");
    const base = { inquiryId: inquiry.id, bodyId: inquiry.bodyId, actor: office };

    // "accept" belongs to the inquiry lifecycle, not to a motion.
    await expect(
      applyInquiryTransition(t.db, { ...base, expectedVersion: inquiry.version, event: "accept" }),
    ).rejects.toMatchObject({
      reason: "not_allowed_in_state",
    });
    const onAgenda = await applyInquiryTransition(t.db, {
      ...base,
      expectedVersion: inquiry.version,
      event: "put_on_agenda",
    });
    expect(onAgenda).toMatchObject({ status: "on_agenda", publicEvent: true });
    // A decision for a meeting that has not taken place is refused by the engine (guard decision_meeting_held).
    await expect(
      applyInquiryTransition(t.db, {
        ...base,
        expectedVersion: onAgenda.version,
        event: "decide",
        facts: { decision: "referred", decisionMeetingOn: "2026-12-01", today: "2026-11-30" },
      }),
    ).rejects.toMatchObject({ reason: "guard_failed", guard: "decision_meeting_held" });
    const decided = await applyInquiryTransition(t.db, {
      ...base,
      expectedVersion: onAgenda.version,
      event: "decide",
      facts: { decision: "referred", decisionMeetingOn: "2026-11-30", today: "2026-11-30" },
    });
    expect(decided.status).toBe("decided");
    const after = await inquiryByTitleId(inquiry.id);
    expect(after.motionDecision).toBe("referred");
    expect(
      (await eventsOf(inquiry.id)).filter((e) => e.public && e.recordedAt > inquiry.updatedAt).map((e) => e.type),
    ).toEqual(["put_on_agenda", "decide"]);
  });

  it("moves an answer through its lifecycle with the same checks", async () => {
    // The demo answer in drafting (the other NRW demo answers wait for the DPO or are in sign-off).
    const inquiry = await inquiryByTitle("Datenschutzschulungen für Beschäftigte der Landesverwaltung");
    // Fixture: an internal inquiry, so that the publication below has nothing for the public timeline.
    await t.db.update(inquiries).set({ visibility: "internal" }).where(eq(inquiries.id, inquiry.id));
    const [answer] = await t.db.select().from(answers).where(eq(answers.inquiryId, inquiry.id));
    expect(answer!.status).toBe("drafting");
    const clerk = await nrw("sachbearbeitung");
    const base = { answerId: answer!.id, bodyId: answer!.bodyId, actor: clerk };

    await expect(
      applyAnswerTransition(t.db, { ...base, expectedVersion: answer!.version, event: "publish" }),
    ).rejects.toMatchObject({
      reason: "not_allowed_in_state",
    });
    await expect(
      applyAnswerTransition(t.db, {
        ...base,
        expectedVersion: answer!.version,
        event: "send_to_sign_off",
        actor: await nrw("fraktion"),
      }),
    ).rejects.toThrow(NotFound);
    await expect(
      applyAnswerTransition(t.db, {
        ...base,
        expectedVersion: answer!.version,
        event: "send_to_sign_off",
        actor: await actor("sachbearbeitung@hamburg.quaestio.example"),
      }),
    ).rejects.toThrow(NotFound);

    // The demo answer's DPO consultation is still open: sign-off waits for it.
    const open = await t.db
      .select({ id: consultations.id })
      .from(consultations)
      .where(and(eq(consultations.answerId, answer!.id), eq(consultations.status, "requested")));
    if (open.length > 0) {
      await expect(
        applyAnswerTransition(t.db, { ...base, expectedVersion: answer!.version, event: "send_to_sign_off" }),
      ).rejects.toMatchObject({
        guard: "no_open_consultation",
      });
      await t.db.update(consultations).set({ status: "withdrawn" }).where(eq(consultations.answerId, answer!.id));
    }
    const sent = await applyAnswerTransition(t.db, {
      ...base,
      expectedVersion: answer!.version,
      event: "send_to_sign_off",
    });
    expect(sent).toMatchObject({ status: "sign_off", version: answer!.version + 1, publicEvent: false });
    await expect(
      applyAnswerTransition(t.db, { ...base, expectedVersion: answer!.version, event: "request_consultation" }),
    ).rejects.toThrow(STALE);

    const mayor = await nrw("verwaltungsspitze");
    await expect(
      applyAnswerTransition(t.db, {
        ...base,
        actor: mayor,
        expectedVersion: sent.version,
        event: "return_for_revision",
      }),
    ).rejects.toMatchObject({ reason: "guard_failed", guard: "comment_given" });
    // Nobody has signed the demo answer's chain yet, so it cannot be approved.
    await expect(
      applyAnswerTransition(t.db, { ...base, actor: mayor, expectedVersion: sent.version, event: "approve" }),
    ).rejects.toMatchObject({
      reason: "guard_failed",
      guard: "all_required_steps_signed",
    });
    const [answerVersion] = await t.db
      .select({ id: answerVersions.id })
      .from(answerVersions)
      .where(eq(answerVersions.answerId, answer!.id));
    // Fixture: a one-step chain instead of the demo answer's own.
    await t.db.delete(signOffSteps).where(eq(signOffSteps.answerId, answer!.id));
    const [step] = await t.db
      .insert(signOffSteps)
      .values({ answerId: answer!.id, position: 1, label: "Minister/in", status: "pending" })
      .returning({ id: signOffSteps.id });
    const [signature] = await t.db
      .insert(signatures)
      .values({
        stepId: step!.id,
        versionId: answerVersion!.id,
        userId: mayor.userId,
        decision: "signed",
        contentHash: "sha256:demo",
      })
      .returning({ id: signatures.id });
    await expect(
      applyAnswerTransition(t.db, { ...base, actor: mayor, expectedVersion: sent.version, event: "approve" }),
    ).rejects.toMatchObject({
      guard: "all_required_steps_signed",
    });
    const returned = await applyAnswerTransition(t.db, {
      ...base,
      actor: mayor,
      expectedVersion: sent.version,
      event: "return_for_revision",
      facts: { comment: "Bitte Zahlen ergänzen." },
    });
    expect(returned.status).toBe("drafting");
    const [invalidated] = await t.db
      .select({ at: signatures.invalidatedAt })
      .from(signatures)
      .where(eq(signatures.id, signature!.id));
    expect(invalidated!.at).toBeInstanceOf(Date);

    // A second round: the step signs, only the mayor approves, the council office publishes.
    const again = await applyAnswerTransition(t.db, {
      ...base,
      expectedVersion: returned.version,
      event: "send_to_sign_off",
    });
    await t.db.update(signOffSteps).set({ status: "signed" }).where(eq(signOffSteps.id, step!.id));
    await expect(
      applyAnswerTransition(t.db, { ...base, expectedVersion: again.version, event: "approve" }),
    ).rejects.toMatchObject({
      reason: "forbidden",
    });
    const approved = await applyAnswerTransition(t.db, {
      ...base,
      actor: mayor,
      expectedVersion: again.version,
      event: "approve",
    });
    expect(approved.status).toBe("approved");
    const published = await applyAnswerTransition(t.db, {
      ...base,
      actor: await nrw("ratsbuero"),
      expectedVersion: approved.version,
      event: "publish",
    });
    // Public in the table, but the inquiry is internal: nothing for the public timeline.
    expect(published).toMatchObject({ status: "published", publicEvent: false });
    const [answerAfter] = await t.db.select().from(answers).where(eq(answers.id, answer!.id));
    expect(answerAfter).toMatchObject({ status: "published", version: published.version });
    const written = await t.db
      .select({ type: events.type, payload: events.payload })
      .from(events)
      .where(
        and(
          eq(events.aggregateType, "answer"),
          eq(events.aggregateId, answer!.id),
          sql`${events.type} in ('send_to_sign_off', 'return_for_revision', 'approve', 'publish')`,
        ),
      )
      .orderBy(events.id);
    expect(written).toEqual([
      { type: "send_to_sign_off", payload: { from: "drafting", to: "sign_off" } },
      { type: "return_for_revision", payload: { from: "sign_off", to: "drafting", comment: "Bitte Zahlen ergänzen." } },
      { type: "send_to_sign_off", payload: { from: "drafting", to: "sign_off" } },
      { type: "approve", payload: { from: "sign_off", to: "approved" } },
      { type: "publish", payload: { from: "approved", to: "published" } },
    ]);
  });
});
