/**
 * The dashboard sections on /arbeitsbereich against the seeded demo data plus inquiries made here, with a
 * fixed "now" (Wednesday 25 November 2026, 11:00 in Berlin; the week runs Mon 23 – Sun 29): each role sees
 * its sections with the right items, a faction never another faction's drafts, a department what it leads
 * or contributes to, the council office intake and overdue grouped by department — and no other body's items.
 */
import { and, eq } from "drizzle-orm";
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
import type { CurrentUser } from "../../app/server/auth.server";
import { useDatabase } from "../../app/server/db.server";
import { loadDashboard, SECTION_LIMIT, type BodyDashboard } from "../../app/server/dashboards.server";
import { backends, useTestDatabase } from "../support/db";

const NOW = new Date("2026-11-25T10:00:00Z");

describe.each(backends())("dashboard sections on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  const ids: Record<string, string> = {};

  async function userFor(email: string): Promise<CurrentUser> {
    const rows = await t.db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        bodyId: memberships.bodyId,
        organizationId: memberships.organizationId,
        role: memberships.role,
        bodySlug: bodies.slug,
        bodyName: bodies.name,
        organizationName: organizations.name,
      })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .innerJoin(bodies, eq(bodies.id, memberships.bodyId))
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(users.email, email));
    const first = rows[0]!;
    return {
      id: first.id,
      email: first.email,
      displayName: first.displayName,
      sessionId: "test",
      mfaVerified: true,
      totpEnabled: true,
      memberships: rows.map((r) => ({ ...r })),
    };
  }

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

  beforeAll(async () => {
    useDatabase(t.handle);
    const db = t.db;
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
    const overdue = await insert("Test überfällig Sachbearbeitung", { status: "answering", leadOrganizationId: ids.clerkDepartment, dueOn: "2026-11-24" });
    const contributed = await insert("Test bald fällig beteiligt", { status: "assigned", leadOrganizationId: ids.otherDepartment, dueOn: "2026-11-28" });
    await db.insert(inquiryContributors).values({ inquiryId: contributed, organizationId: ids.clerkDepartment });
    await insert("Test nächster Monat", { status: "accepted", leadOrganizationId: ids.otherDepartment, dueOn: "2026-12-28" });
    await insert("Test überfällig anderes Amt", { status: "answering", leadOrganizationId: ids.otherDepartment, dueOn: "2026-11-20" });
    await insert("Test Eingang alt", { status: "submitted", receivedOn: "2026-11-10", dueOn: "2026-12-10" });
    await insert("Test beantwortet öffentlich", { status: "answered", visibility: "public", publicRef: "T-beantwortet", dueOn: "2026-11-15" });
    await insert("Test Entwurf eigener", { status: "draft", createdByUserId: ids.factionUser });
    const coauthored = await insert("Test Entwurf mitverfasst", { status: "draft" });
    await db.insert(inquiryCoauthors).values({ inquiryId: coauthored, userId: ids.factionUser });
    await insert("Test Entwurf andere Fraktion", { status: "draft", originatorOrganizationId: ids.otherFaction });
    for (let i = 1; i <= SECTION_LIMIT + 1; i += 1) {
      await insert(`Test Entwurf andere Fraktion Nr. ${i}`, { status: "draft", originatorOrganizationId: ids.otherFaction });
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
      expect.arrayContaining(["Test Entwurf eigener", "Test Entwurf mitverfasst", "Nutzung von Messenger-Diensten in der Verwaltung"]),
    );
    expect(drafts.find((x) => x.title === "Test Entwurf eigener")).toMatchObject({ createdByMe: true, coauthoredByMe: false });
    expect(drafts.find((x) => x.title === "Test Entwurf mitverfasst")).toMatchObject({ createdByMe: false, coauthoredByMe: true });
    expect(everyTitle(d).filter((title) => title.includes("andere Fraktion"))).toEqual([]);
    expect(d.office).toBeUndefined();
  });

  it("shows the faction what is in progress (overdue marked), due soon and answered with its public address", async () => {
    const d = await dashboardOf("fraktion@norderstedt.quaestio.example");
    const f = d.faction!;
    expect(titles(f.inProgress.items)).toEqual(
      expect.arrayContaining(["Test überfällig Sachbearbeitung", "Test bald fällig beteiligt", "Test nächster Monat", "Test Eingang alt"]),
    );
    expect(titles(f.inProgress.items)).not.toContain("Test beantwortet öffentlich");
    expect(f.inProgress.items[0]).toMatchObject({ title: "Test überfällig anderes Amt", deadline: { state: "overdue", daysLeft: -5 } });
    expect(titles(f.dueSoon.items)).toEqual(["Test bald fällig beteiligt"]);
    expect(f.dueSoon.items[0]!.deadline).toMatchObject({ daysLeft: 3, state: "due_soon" });
    expect(f.answered.items.find((x) => x.title === "Test beantwortet öffentlich")).toMatchObject({
      visibility: "public",
      publicRef: "T-beantwortet",
      deadline: { state: "closed" },
    });
  });

  it("counts all drafts and shows the first ones when a faction has more than fit", async () => {
    const member = await userFor("fraktion@norderstedt.quaestio.example");
    const otherFactionMember: CurrentUser = {
      ...member,
      memberships: [{ ...member.memberships[0]!, organizationId: ids.otherFaction!, organizationName: "Andere Fraktion (Test)" }],
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
    expect(assigned.map((a) => [a.title, a.ourRole, a.deadline?.state ?? null])).toEqual([
      ["Test überfällig Sachbearbeitung", "lead", "overdue"],
      ["Test bald fällig beteiligt", "contributor", "due_soon"],
      ["Aufzeichnungen von Videokonferenzen", "lead", null],
    ]);
    expect(d.faction).toBeUndefined();
    expect(d.office).toBeUndefined();
  });

  it("shows the council office intake oldest first, overdue by lead department, this week and pending extension requests", async () => {
    const d = await dashboardOf("ratsbuero@norderstedt.quaestio.example");
    const o = d.office!;
    expect(titles(o.intake.items)).toEqual(["Test Eingang alt", "Barrierefreiheit der Videokonferenzsysteme"]);
    expect(o.intake.items[0]!.receivedOn).toBe("2026-11-10");
    const byDepartment = o.overdue.groups.map((g) => [g.organizationName, g.overdueCount, titles(g.items)]);
    const clerkDepartment = o.overdue.groups.find((g) => g.organizationId === ids.clerkDepartment)!.organizationName;
    expect(byDepartment).toEqual(
      [
        ["Amt für Prüfzwecke (Test)", 1, ["Test überfällig anderes Amt"]],
        [clerkDepartment, 1, ["Test überfällig Sachbearbeitung"]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(o.overdue.total).toBe(2);
    expect(titles(o.dueThisWeek.items)).toEqual(["Test bald fällig beteiligt"]);
    expect(o.extensionRequests.items).toEqual([
      expect.objectContaining({
        requestedDueOn: "2026-12-15",
        reason: "Zuarbeit des Fachamts fehlt noch (Test)",
        inquiry: expect.objectContaining({ title: "Test überfällig Sachbearbeitung" }),
      }),
    ]);
    expect(o.extensionRequests.items[0]!.requestingDepartment).toBe(clerkDepartment);
    expect(everyTitle(d).filter((title) => title.startsWith("Test Entwurf"))).toEqual([]);
    // The list of all inquiries marks the same deadline.
    expect(d.inquiries.find((i) => i.title === "Test überfällig Sachbearbeitung")!.deadline).toMatchObject({ state: "overdue", daysLeft: -1 });
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
      (await dashboardOf(clerk, new Date(instant))).department!.assigned.items.find((a) => a.title === "Test überfällig Sachbearbeitung")!
        .deadline;
    expect(await stateOn("2026-11-24T22:30:00Z")).toMatchObject({ state: "due_today", daysLeft: 0 });
    expect(await stateOn("2026-11-24T23:30:00Z")).toMatchObject({ state: "overdue", daysLeft: -1 });
  });

  it("never shows another body's items", async () => {
    for (const role of ["ratsbuero", "fraktion", "sachbearbeitung", "datenschutz"]) {
      const d = await dashboardOf(`${role}@landtag-nrw.quaestio.example`);
      expect(d.bodySlug).toBe("landtag-nrw");
      expect(everyTitle(d).filter((title) => title.startsWith("Test ") || title.endsWith("in der Verwaltung"))).toEqual([]);
    }
    const office = await dashboardOf("ratsbuero@landtag-nrw.quaestio.example");
    expect(office.office!.extensionRequests.total).toBe(0);
    expect(titles(office.office!.intake.items)).toEqual(["Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung"]);
  });
});
