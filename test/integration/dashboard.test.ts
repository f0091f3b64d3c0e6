/**
 * The dashboard sections on /arbeitsbereich against the demo data plus inquiries made here, with a fixed
 * "now" (Wednesday 25 November 2026, 11:00 in Berlin; the week runs Mon 23 – Sun 29): each role sees its
 * sections with the right items, a faction never another faction's drafts, a department what it leads or
 * contributes to, the council office intake and overdue grouped by department — and no other body's items.
 * The demo data is seeded with the same "now", so its dates (relative to the seed day) do not move with the
 * day the tests run. The exact lists are asserted on the inquiries made here ("Test …"); the demo's own
 * inquiries are checked by the rules every item must follow, so that new demo cases do not break the test.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  bodies,
  extensionRequests,
  inquiries,
  inquiryCoauthors,
  inquiryContributors,
  inquiryTypes,
  memberships,
  organizations,
  users,
} from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import { resetConfig } from "../../app/server/core/config.server";
import { useDatabase } from "../../app/server/core/db.server";
import { loadDashboard, SECTION_LIMIT, type BodyDashboard } from "../../app/server/workspace/dashboards.server";
import { OPEN_STATUSES, type DeadlineBadge } from "../../app/domain/dashboard";
import { listNoun, typeKind } from "../../app/domain/texts/type-words";
import { seedDemoData } from "../../db/seed";
import { NORDERSTEDT_DEMO_TITLES } from "../../db/seed/demo-cases-norderstedt";
import { NRW_DEMO_TITLES } from "../../db/seed/demo-cases-landtag-nrw";
import { backends, useTestDatabase } from "../support/db";
import { currentUserFor } from "../support/users";

const NOW = new Date("2026-11-25T10:00:00Z");
const TODAY = "2026-11-25";
const SUNDAY = "2026-11-29";

describe.each(backends())("dashboard sections on %s", (backend) => {
  const t = useTestDatabase(backend);
  const ids: Record<string, string> = {};

  const userFor = (email: string) => currentUserFor(t.db, email);

  async function dashboardOf(user: CurrentUser | string, now = NOW): Promise<BodyDashboard> {
    const u = typeof user === "string" ? await userFor(user) : user;
    const all = await loadDashboard(u, now);
    expect(all).toHaveLength(1);
    return all[0]!;
  }

  const titles = (items: Array<{ title: string }>) => items.map((i) => i.title);
  /** Every title anywhere on one body's dashboard. */
  function everyTitle(d: BodyDashboard): string[] {
    return [
      ...titles(d.inquiries),
      ...titles(d.faction?.drafts.items ?? []),
      ...titles(d.faction?.inProgress.items ?? []),
      ...titles(d.faction?.dueSoon.items ?? []),
      ...titles(d.faction?.answered.items ?? []),
      ...titles(d.office?.intake.items ?? []),
      ...titles(d.office?.overdue.groups.flatMap((g) => g.items) ?? []),
      ...titles(d.office?.dueThisWeek.items ?? []),
      ...(d.office?.extensionRequests.items.map((r) => r.inquiry.title) ?? []),
      ...titles(d.department?.assigned.items ?? []),
      ...(d.dpo?.consultations.items.map((c) => c.inquiry.title) ?? []),
    ];
  }
  /** The id of every inquiry anywhere on one body's dashboard. */
  function everyInquiryId(d: BodyDashboard): string[] {
    return [
      ...d.inquiries,
      ...(d.faction
        ? [
            ...d.faction.drafts.items,
            ...d.faction.inProgress.items,
            ...d.faction.dueSoon.items,
            ...d.faction.answered.items,
          ]
        : []),
      ...(d.office
        ? [...d.office.intake.items, ...d.office.overdue.groups.flatMap((g) => g.items), ...d.office.dueThisWeek.items]
        : []),
      ...(d.office?.extensionRequests.items.map((r) => r.inquiry) ?? []),
      ...(d.department?.assigned.items ?? []),
      ...(d.dpo?.consultations.items.map((c) => c.inquiry) ?? []),
    ].map((i) => i.id);
  }
  /** The bodies the given inquiries belong to, one entry per body. */
  async function bodiesOf(inquiryIds: string[]): Promise<string[]> {
    if (inquiryIds.length === 0) return [];
    const rows = await t.db
      .selectDistinct({ bodyId: inquiries.bodyId })
      .from(inquiries)
      .where(inArray(inquiries.id, inquiryIds));
    return rows.map((r) => r.bodyId);
  }
  async function leadOf(inquiryIds: string[]): Promise<Map<string, string | null>> {
    const rows = await t.db
      .select({ id: inquiries.id, lead: inquiries.leadOrganizationId })
      .from(inquiries)
      .where(inArray(inquiries.id, inquiryIds));
    return new Map(rows.map((r) => [r.id, r.lead]));
  }
  /** Earliest due date first, inquiries without one last. */
  function expectOrderedByDueDate(items: Array<{ deadline: DeadlineBadge | null }>) {
    const dueDates = items.map((i) => i.deadline?.dueOn ?? "9999-12-31");
    expect(dueDates).toEqual([...dueDates].sort());
  }

  beforeAll(async () => {
    useDatabase(t.handle);
    const db = t.db;
    await seedDemoData(db, { now: NOW });
    const [body] = await db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, "norderstedt"));
    const bodyId = body!.id;
    const [type] = await db
      .select({ id: inquiryTypes.id })
      .from(inquiryTypes)
      .where(and(eq(inquiryTypes.bodyId, bodyId), eq(inquiryTypes.lifecycle, "inquiry")))
      .limit(1);
    const faction = await userFor("fraktion@norderstedt.quaestio.example");
    const clerk = await userFor("sachbearbeitung@norderstedt.quaestio.example");
    ids.faction = faction.memberships[0]!.organizationId;
    ids.factionUser = faction.id;
    ids.clerkDepartment = clerk.memberships[0]!.organizationId;
    ids.bodyId = bodyId;
    const [otherDepartment] = await db
      .insert(organizations)
      .values({ bodyId, kind: "department", name: "Amt für Prüfzwecke (Test)" })
      .returning({ id: organizations.id });
    const [otherFaction] = await db
      .insert(organizations)
      .values({ bodyId, kind: "faction", name: "Andere Fraktion (Test)" })
      .returning({ id: organizations.id });
    ids.otherDepartment = otherDepartment!.id;
    ids.otherFaction = otherFaction!.id;

    let n = 0;
    const insert = async (
      title: string,
      values: Partial<typeof inquiries.$inferInsert> & { status: (typeof inquiries.$inferInsert)["status"] },
    ) => {
      n += 1;
      const numbered = values.status !== "draft";
      const [row] = await db
        .insert(inquiries)
        .values({
          bodyId,
          typeId: type!.id,
          title,
          originatorOrganizationId: ids.faction,
          reference: numbered ? `T ${n}` : null,
          receivedOn: numbered ? "2026-11-01" : null,
          ...values,
        })
        .returning({ id: inquiries.id });
      ids[title] = row!.id;
      return row!.id;
    };
    const overdue = await insert("Test überfällig Sachbearbeitung", {
      status: "answering",
      leadOrganizationId: ids.clerkDepartment,
      dueOn: "2026-11-24",
    });
    const contributed = await insert("Test bald fällig beteiligt", {
      status: "assigned",
      leadOrganizationId: ids.otherDepartment,
      dueOn: "2026-11-28",
    });
    await db.insert(inquiryContributors).values({ inquiryId: contributed, organizationId: ids.clerkDepartment });
    // Due soon, but next week: not in the council office's "this week".
    await insert("Test fällig nächsten Montag", {
      status: "accepted",
      leadOrganizationId: ids.otherDepartment,
      dueOn: "2026-11-30",
    });
    await insert("Test nächster Monat", {
      status: "accepted",
      leadOrganizationId: ids.otherDepartment,
      dueOn: "2026-12-28",
    });
    await insert("Test überfällig anderes Amt", {
      status: "answering",
      leadOrganizationId: ids.otherDepartment,
      dueOn: "2026-11-20",
    });
    await insert("Test Eingang alt", { status: "submitted", receivedOn: "2026-11-10", dueOn: "2026-12-10" });
    await insert("Test beantwortet öffentlich", {
      status: "answered",
      visibility: "public",
      publicRef: "T-beantwortet",
      dueOn: "2026-11-15",
    });
    await insert("Test Entwurf eigener", { status: "draft", createdByUserId: ids.factionUser });
    const coauthored = await insert("Test Entwurf mitverfasst", { status: "draft" });
    await db.insert(inquiryCoauthors).values({ inquiryId: coauthored, userId: ids.factionUser });
    await insert("Test Entwurf andere Fraktion", { status: "draft", originatorOrganizationId: ids.otherFaction });
    for (let i = 1; i <= SECTION_LIMIT + 1; i += 1) {
      await insert(`Test Entwurf andere Fraktion Nr. ${i}`, {
        status: "draft",
        originatorOrganizationId: ids.otherFaction,
      });
    }
    await db.insert(extensionRequests).values({
      inquiryId: overdue,
      requestedByOrganizationId: ids.clerkDepartment,
      requestedByUserId: clerk.id,
      requestedDueOn: "2026-12-15",
      reason: "Zuarbeit des Fachamts fehlt noch (Test)",
    });
  });

  it("shows the faction its own drafts, marked when the user wrote or co-authors them, never another faction's", async () => {
    const d = await dashboardOf("fraktion@norderstedt.quaestio.example");
    expect(d.sections).toEqual(["faction_drafts", "faction_in_progress", "faction_due_soon", "faction_answered"]);
    const drafts = d.faction!.drafts.items;
    expect(titles(drafts)).toEqual(
      expect.arrayContaining([
        "Test Entwurf eigener",
        "Test Entwurf mitverfasst",
        "Nutzung von Messenger-Diensten in der Verwaltung",
      ]),
    );
    expect(drafts.find((x) => x.title === "Test Entwurf eigener")).toMatchObject({
      createdByMe: true,
      coauthoredByMe: false,
    });
    expect(drafts.find((x) => x.title === "Test Entwurf mitverfasst")).toMatchObject({
      createdByMe: false,
      coauthoredByMe: true,
    });
    expect(everyTitle(d).filter((title) => title.includes("andere Fraktion"))).toEqual([]);
    expect(d.office).toBeUndefined();
  });

  it("shows the faction what is in progress (overdue marked), due soon and answered with its public address", async () => {
    const d = await dashboardOf("fraktion@norderstedt.quaestio.example");
    const f = d.faction!;
    expect(titles(f.inProgress.items)).toEqual(
      expect.arrayContaining(["Test überfällig Sachbearbeitung", "Test bald fällig beteiligt", "Test Eingang alt"]),
    );
    // The top SECTION_LIMIT by due date; what is due next month is on the full list, counted in the total.
    expect(f.inProgress.items).toHaveLength(SECTION_LIMIT);
    expect(f.inProgress.total).toBeGreaterThan(SECTION_LIMIT);
    expect(titles(f.inProgress.items)).not.toContain("Test nächster Monat");
    expect(titles(f.inProgress.items)).not.toContain("Test beantwortet öffentlich");
    expect(f.inProgress.items.find((x) => x.title === "Test überfällig anderes Amt")).toMatchObject({
      deadline: { state: "overdue", daysLeft: -5 },
    });
    // Earliest deadline first: what is overdue comes before everything still running.
    expectOrderedByDueDate(f.inProgress.items);
    expect(f.inProgress.items[0]!.deadline).toMatchObject({ state: "overdue" });
    // Due soon: from today to a week ahead, not what is overdue or due next month.
    expect(titles(f.dueSoon.items).filter((title) => title.startsWith("Test "))).toEqual([
      "Test bald fällig beteiligt",
      "Test fällig nächsten Montag",
    ]);
    expect(f.dueSoon.items.find((x) => x.title === "Test bald fällig beteiligt")!.deadline).toMatchObject({
      daysLeft: 3,
      state: "due_soon",
    });
    for (const item of f.dueSoon.items) expect(["due_today", "due_soon"], item.title).toContain(item.deadline?.state);
    expect(f.answered.items.find((x) => x.title === "Test beantwortet öffentlich")).toMatchObject({
      publicRef: "T-beantwortet",
      deadline: { state: "closed" },
    });
    // Made internal: no public page to link, so the row carries no public reference.
    await t.db
      .update(inquiries)
      .set({ visibility: "internal" })
      .where(eq(inquiries.title, "Test beantwortet öffentlich"));
    try {
      const hidden = (await dashboardOf("fraktion@norderstedt.quaestio.example")).faction!.answered.items;
      expect(hidden.find((x) => x.title === "Test beantwortet öffentlich")).toMatchObject({ publicRef: null });
    } finally {
      await t.db
        .update(inquiries)
        .set({ visibility: "public" })
        .where(eq(inquiries.title, "Test beantwortet öffentlich"));
    }
  });

  it("counts all drafts and shows the first ones when a faction has more than fit", async () => {
    const member = await userFor("fraktion@norderstedt.quaestio.example");
    const otherFactionMember: CurrentUser = {
      ...member,
      memberships: [
        { ...member.memberships[0]!, organizationId: ids.otherFaction!, organizationName: "Andere Fraktion (Test)" },
      ],
    };
    const d = await dashboardOf(otherFactionMember);
    expect(d.faction!.drafts.total).toBe(SECTION_LIMIT + 2);
    expect(d.faction!.drafts.items).toHaveLength(SECTION_LIMIT);
    expect(everyTitle(d).filter((title) => !title.includes("andere Fraktion"))).toEqual([]);
  });

  it("keeps a faction member's drafts on the dashboard when the same user also works in the council office", async () => {
    const member = await userFor("fraktion@norderstedt.quaestio.example");
    const office = await userFor("ratsbuero@norderstedt.quaestio.example");
    const both: CurrentUser = { ...member, memberships: [...member.memberships, ...office.memberships] };
    const d = await dashboardOf(both);
    expect(titles(d.faction!.drafts.items)).toContain("Test Entwurf eigener");
    expect(titles(d.office!.intake.items)).not.toContain("Test Entwurf eigener");
    expect(titles(d.faction!.drafts.items).filter((title) => title.includes("andere Fraktion"))).toEqual([]);
  });

  it("shows a department what it leads and what it contributes to, overdue first, and nothing else", async () => {
    const d = await dashboardOf("sachbearbeitung@norderstedt.quaestio.example");
    expect(d.sections).toEqual(["department_assigned"]);
    const assigned = d.department!.assigned.items;
    expect(
      assigned.filter((a) => a.title.startsWith("Test ")).map((a) => [a.title, a.ourRole, a.deadline?.state ?? null]),
    ).toEqual([
      ["Test überfällig Sachbearbeitung", "lead", "overdue"],
      ["Test bald fällig beteiligt", "contributor", "due_soon"],
    ]);
    expectOrderedByDueDate(assigned);
    expect(assigned[0]!.deadline).toMatchObject({ state: "overdue" });
    // Exactly the open inquiries of the body that the department leads or was named to contribute to.
    const clerkDepartment = ids.clerkDepartment!;
    const expected = await t.db
      .selectDistinct({ id: inquiries.id })
      .from(inquiries)
      .leftJoin(inquiryContributors, eq(inquiryContributors.inquiryId, inquiries.id))
      .where(
        and(
          eq(inquiries.bodyId, ids.bodyId!),
          inArray(inquiries.status, [...OPEN_STATUSES]),
          or(
            eq(inquiries.leadOrganizationId, clerkDepartment),
            eq(inquiryContributors.organizationId, clerkDepartment),
          ),
        ),
      );
    expect(expected.length).toBeLessThan(SECTION_LIMIT);
    expect(assigned.map((a) => a.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(titles(assigned)).toContain(NORDERSTEDT_DEMO_TITLES.answering);
    const leads = await leadOf(assigned.map((a) => a.id));
    for (const a of assigned)
      expect(a.ourRole, a.title).toBe(leads.get(a.id) === clerkDepartment ? "lead" : "contributor");
    expect(d.faction).toBeUndefined();
    expect(d.office).toBeUndefined();
  });

  it("shows the council office intake oldest first, overdue by lead department, this week and pending extension requests", async () => {
    const d = await dashboardOf("ratsbuero@norderstedt.quaestio.example");
    const o = d.office!;
    // Oldest receipt first: the inquiry made here (received 10 November) before the demo's (a few days ago).
    expect(titles(o.intake.items)).toEqual(
      expect.arrayContaining(["Test Eingang alt", NORDERSTEDT_DEMO_TITLES.submitted]),
    );
    expect(o.intake.items[0]).toMatchObject({ title: "Test Eingang alt", receivedOn: "2026-11-10" });
    const receivedDates = o.intake.items.map((i) => i.receivedOn!);
    expect(receivedDates).toEqual([...receivedDates].sort());
    expect(o.intake.items.every((i) => i.status === "submitted")).toBe(true);

    const [clerkOrganization] = await t.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, ids.clerkDepartment!));
    const clerkDepartment = clerkOrganization!.name;
    const groupNames = o.overdue.groups.map((g) => g.organizationName);
    expect(groupNames).toEqual([...groupNames].sort((a, b) => String(a).localeCompare(String(b))));
    // The department made here has exactly its one overdue inquiry; the clerk's department has the one made
    // here among its overdue ones (the demo's answering inquiry is overdue there too).
    const byId = new Map(o.overdue.groups.map((g) => [g.organizationId, g]));
    const testGroup = byId.get(ids.otherDepartment!)!;
    expect([testGroup.organizationName, testGroup.overdueCount, titles(testGroup.items)]).toEqual([
      "Amt für Prüfzwecke (Test)",
      1,
      ["Test überfällig anderes Amt"],
    ]);
    const clerkGroup = byId.get(ids.clerkDepartment!)!;
    expect(clerkGroup.organizationName).toBe(clerkDepartment);
    expect(titles(clerkGroup.items)).toContain("Test überfällig Sachbearbeitung");
    const overdueItems = o.overdue.groups.flatMap((g) => g.items);
    const leads = await leadOf(overdueItems.map((i) => i.id));
    for (const group of o.overdue.groups) {
      expect(group.overdueCount).toBe(group.items.length);
      for (const item of group.items) {
        expect(leads.get(item.id), item.title).toBe(group.organizationId);
        expect(item.deadline, item.title).toMatchObject({ state: "overdue" });
      }
    }
    expect(o.overdue.total).toBe(overdueItems.length);
    expect(titles(overdueItems)).not.toContain("Test bald fällig beteiligt");

    // This week: due from today to Sunday, soonest first; not what is overdue or due next month.
    expect(titles(o.dueThisWeek.items).filter((title) => title.startsWith("Test "))).toEqual([
      "Test bald fällig beteiligt",
    ]);
    expectOrderedByDueDate(o.dueThisWeek.items);
    for (const item of o.dueThisWeek.items) {
      expect(item.deadline!.dueOn >= TODAY && item.deadline!.dueOn <= SUNDAY, item.title).toBe(true);
    }

    expect(o.extensionRequests.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          requestedDueOn: "2026-12-15",
          reason: "Zuarbeit des Fachamts fehlt noch (Test)",
          requestingDepartment: clerkDepartment,
          inquiry: expect.objectContaining({ title: "Test überfällig Sachbearbeitung" }),
        }),
      ]),
    );
    // Only pending requests: the demo's granted one (and any refused) stays off the list.
    const pending = await t.db
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .innerJoin(inquiries, eq(inquiries.id, extensionRequests.inquiryId))
      .where(and(eq(inquiries.bodyId, ids.bodyId!), eq(extensionRequests.status, "pending")));
    expect(o.extensionRequests.items.map((r) => r.id).sort()).toEqual(pending.map((r) => r.id).sort());
    expect(everyTitle(d).filter((title) => title.startsWith("Test Entwurf"))).toEqual([]);
    // The list of all inquiries marks the same deadline.
    expect(d.inquiries.find((i) => i.title === "Test überfällig Sachbearbeitung")!.deadline).toMatchObject({
      state: "overdue",
      daysLeft: -1,
    });
  });

  it("shows the DPO the consultations addressed to the office, open ones first", async () => {
    const d = await dashboardOf("datenschutz@norderstedt.quaestio.example");
    expect(d.sections).toEqual(["dpo_consultations"]);
    const rows = d.dpo!.consultations.items.map((c) => [c.inquiry.title, c.status]);
    // The demo's open consultation, then the answered one from the Norderstedt documents (Zoom).
    expect(rows[0]).toEqual(["Aufzeichnungen von Videokonferenzen", "requested"]);
    expect(rows.slice(1).every(([, status]) => status !== "requested")).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
  });

  it("takes today from the body's time zone: at 23:30 UTC a deadline of that day has passed in Berlin", async () => {
    const clerk = await userFor("sachbearbeitung@norderstedt.quaestio.example");
    const stateOn = async (instant: string) =>
      (await dashboardOf(clerk, new Date(instant))).department!.assigned.items.find(
        (a) => a.title === "Test überfällig Sachbearbeitung",
      )!.deadline;
    expect(await stateOn("2026-11-24T22:30:00Z")).toMatchObject({ state: "due_today", daysLeft: 0 });
    expect(await stateOn("2026-11-24T23:30:00Z")).toMatchObject({ state: "overdue", daysLeft: -1 });
  });

  it("gives every user the same dashboard from the statements built once per shape as from statements built per call", async () => {
    // The section statements are built once per shape of the user's scope and serve every later user of that
    // shape with other values (reusableShapes): read all users' dashboards interleaved, twice (built, then
    // reused), and compare with DATABASE_PREPARED_STATEMENTS=0, where every statement is built for its call.
    const emails = (
      await t.db
        .selectDistinct({ email: users.email })
        .from(users)
        .innerJoin(memberships, eq(memberships.userId, users.id))
    ).map((u) => u.email);
    expect(emails.length).toBeGreaterThan(8);
    const people = await Promise.all(emails.map((email) => userFor(email)));
    // Several shapes: faction, council office, department, DPO, and users with more than one role.
    expect(
      new Set(
        people.map((p) =>
          p.memberships
            .map((m) => m.role)
            .sort()
            .join(","),
        ),
      ).size,
    ).toBeGreaterThan(4);
    const built = await Promise.all(people.map((p) => loadDashboard(p, NOW)));
    const reused = await Promise.all([...people].reverse().map((p) => loadDashboard(p, NOW)));
    expect(reused.reverse()).toEqual(built);
    process.env.DATABASE_PREPARED_STATEMENTS = "0";
    resetConfig();
    try {
      const perCall = [];
      for (const p of people) perCall.push(await loadDashboard(p, NOW));
      expect(perCall).toEqual(built);
    } finally {
      delete process.env.DATABASE_PREPARED_STATEMENTS;
      resetConfig();
    }
    // Not vacuous: the dashboards have rows.
    expect(built.flat().some((b) => b.inquiries.length > 0 && (b.office ?? b.faction))).toBe(true);
  });

  it("never shows another body's items", async () => {
    const [nrw] = await t.db.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, "landtag-nrw"));
    for (const role of ["ratsbuero", "fraktion", "sachbearbeitung", "datenschutz"]) {
      const d = await dashboardOf(`${role}@landtag-nrw.quaestio.example`);
      expect(d.bodySlug).toBe("landtag-nrw");
      expect(everyTitle(d).filter((title) => title.startsWith("Test ") || title.endsWith("in der Verwaltung"))).toEqual(
        [],
      );
      expect(await bodiesOf(everyInquiryId(d)), role).toEqual([nrw!.id]);
    }
    const office = await dashboardOf("ratsbuero@landtag-nrw.quaestio.example");
    // The Landtag's own pending extension request (demo) is listed; Norderstedt's made here is not.
    const nrwPending = await t.db
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .innerJoin(inquiries, eq(inquiries.id, extensionRequests.inquiryId))
      .where(and(eq(inquiries.bodyId, nrw!.id), eq(extensionRequests.status, "pending")));
    expect(nrwPending.length).toBeGreaterThan(0);
    expect(office.office!.extensionRequests.items.map((r) => r.id).sort()).toEqual(nrwPending.map((r) => r.id).sort());
    expect(office.office!.extensionRequests.items.map((r) => r.reason)).not.toContain(
      "Zuarbeit des Fachamts fehlt noch (Test)",
    );
    expect(titles(office.office!.intake.items)).toEqual([NRW_DEMO_TITLES.submitted]);
  });
  it("counts the overdue per department in the same statement as the list, and follows a state change", async () => {
    const before = (await dashboardOf("ratsbuero@norderstedt.quaestio.example")).office!.overdue;
    const [row] = await t.db
      .select({ id: inquiries.id, status: inquiries.status })
      .from(inquiries)
      .where(eq(inquiries.title, "Test überfällig anderes Amt"));
    expect(before.groups.find((g) => g.organizationId === ids.otherDepartment)?.overdueCount).toBe(1);
    await t.db.update(inquiries).set({ status: "answered" }).where(eq(inquiries.id, row!.id));
    try {
      const after = (await dashboardOf("ratsbuero@norderstedt.quaestio.example")).office!.overdue;
      // Answered: its department's group is gone, the total is one less, the other groups keep their counts.
      expect(after.groups.map((g) => g.organizationId)).not.toContain(ids.otherDepartment);
      expect(after.total).toBe(before.total - 1);
      expect(after.groups.map((g) => [g.organizationId, g.overdueCount])).toEqual(
        before.groups
          .filter((g) => g.organizationId !== ids.otherDepartment)
          .map((g) => [g.organizationId, g.overdueCount]),
      );
    } finally {
      await t.db.update(inquiries).set({ status: row!.status }).where(eq(inquiries.id, row!.id));
    }
  });

  it("words the sections after the body's inquiry types, also for a user who sees no inquiry there yet", async () => {
    // Scharnebeck handles motions only: "Anträge", where a lost type list would say "Anfragen".
    const faction = await userFor("fraktion@scharnebeck.quaestio.example");
    const bodyId = faction.memberships[0]!.bodyId;
    const types = await t.db
      .select({ lifecycle: inquiryTypes.lifecycle, code: inquiryTypes.code, name: inquiryTypes.name })
      .from(inquiryTypes)
      .where(eq(inquiryTypes.bodyId, bodyId));
    expect(listNoun(types.map((type) => typeKind(type)))).toBe("Anträge");
    const d = await dashboardOf(faction);
    expect(d.inquiries.length).toBeGreaterThan(0);
    expect(d.listNoun).toBe("Anträge");
    // A faction with no inquiry at all: "Alle Vorgänge" has no row to carry the types, so they are read apart.
    const [empty] = await t.db
      .insert(organizations)
      .values({ bodyId, kind: "faction", name: "Leere Fraktion (Test)" })
      .returning({ id: organizations.id, name: organizations.name });
    const newcomer: CurrentUser = {
      ...faction,
      memberships: faction.memberships.map((m) => ({ ...m, organizationId: empty!.id, organizationName: empty!.name })),
    };
    const e = await dashboardOf(newcomer);
    expect([e.inquiries, e.inquiriesTotal, e.listNoun]).toEqual([[], 0, "Anträge"]);
  });
});
