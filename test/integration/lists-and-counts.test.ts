/**
 * Lists and counts that do not grow with the archive (issue 13): paging a body's public list and a staff
 * section's full list visits every row exactly once, in order, across page boundaries (ties in the sort date
 * included); the counts kept in inquiry_counts by the trigger stay equal to a fresh count after lifecycle
 * transitions, a visibility change and a deleted draft; dashboards show the top of a section with the full
 * count and the section's full list behind it; the deadline scan does not re-read an inquiry whose overdue
 * reminders are written. On a copy of the seeded database, with a body made here so that
 * the expected lists are exactly known: one the reading tests share, and one of its own for each test that
 * changes inquiries, so that every test passes in any order and alone (issue 9). PGlite and (with TEST_DATABASE_URL) PostgreSQL.
 */
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inquiries, inquiryCounts, inquiryTypes, notifications, overdueRemindersDone, users } from "../../db/schema";
import { scanDeadlines } from "../../app/server/notifications/deadline-reminders.server";
import { useDatabase } from "../../app/server/core/db.server";
import { applyInquiryTransition, membershipFactsOf } from "../../app/server/core/transitions.server";
import { listPublicInquiries, loadPublicOverview } from "../../app/server/public/inquiries.server";
import { loadDashboard } from "../../app/server/workspace/dashboards.server";
import { loadSectionPage, SECTION_PAGE_SIZE } from "../../app/server/workspace/section-lists.server";
import { ALL_INQUIRIES_LIMIT } from "../../app/server/workspace/workspace.server";
import { LIST_SECTIONS, listSectionFromSlug, sectionListHref } from "../../app/domain/dashboard";
import { backends, useTestDatabase } from "../support/db";
import { createBody, createOrganization, createUser } from "../support/factories";
import { currentUserFor } from "../support/users";

const NOW = new Date("2026-11-25T10:00:00Z");
/** 47 public inquiries: not a multiple of the page size, so the last page is short. */
const PUBLIC = 47;

describe.each(backends())("lists and counts on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });
  /** A body made here with exactly known inquiries, and what its public list must show. */
  interface ListBody {
    bodyId: string;
    bodySlug: string;
    officeEmail: string;
    /** publicRef of every public inquiry, in the list's order (newest date first, then newest created, then id). */
    expectedPublicOrder: string[];
    allIds: string[];
  }
  /** The body the tests that only read share; a test that changes its inquiries makes its own (listBody()). */
  let shared: ListBody;

  async function listBody(): Promise<ListBody> {
    const body = await createBody(t.db);
    const bodyId = body.id;
    const office = await createOrganization(t.db, bodyId, { kind: "council_office", name: "Ratsbüro (Test)" });
    const office_user = await createUser(t.db, { bodyId, organizationId: office.id, role: "council_office" });
    const [type] = await t.db
      .insert(inquiryTypes)
      .values({
        bodyId,
        code: "anfrage",
        name: "Anfrage",
        deadlineRule: { kind: "none" },
        deadlineRuleLabel: "keine Frist",
      })
      .returning({ id: inquiryTypes.id });
    // Three inquiries per received date (ties broken by creation time and id), some without a received
    // date (sorted by the submission date), a few internal ones and drafts that no public list may show.
    const rows = Array.from({ length: PUBLIC + 6 }, (_, i) => {
      const day = String(1 + Math.floor(i / 3)).padStart(2, "0");
      const draft = i >= PUBLIC + 3;
      return {
        bodyId,
        typeId: type!.id,
        title: `Listenprobe ${i}`,
        status: draft ? ("draft" as const) : ("answering" as const),
        visibility: i < PUBLIC ? ("public" as const) : ("internal" as const),
        reference: draft ? null : `T ${i}`,
        publicRef: draft ? null : `t-${i}`,
        submittedOn: `2026-01-${day}`,
        receivedOn: i % 5 === 0 ? null : `2026-01-${day}`,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 3)),
        updatedAt: new Date(Date.UTC(2026, 1, 1, 0, i)),
      };
    });
    const inserted = await t.db.insert(inquiries).values(rows).returning({
      id: inquiries.id,
      publicRef: inquiries.publicRef,
      visibility: inquiries.visibility,
      listedOn: inquiries.listedOn,
      createdAt: inquiries.createdAt,
    });
    const expectedPublicOrder = inserted
      .filter((r) => r.visibility === "public")
      .sort(
        (a, b) =>
          b.listedOn!.localeCompare(a.listedOn!) ||
          b.createdAt.getTime() - a.createdAt.getTime() ||
          (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
      )
      .map((r) => r.publicRef!);
    return {
      bodyId,
      bodySlug: body.slug,
      officeEmail: office_user.email,
      expectedPublicOrder,
      allIds: inserted.map((r) => r.id),
    };
  }

  beforeAll(async () => {
    useDatabase(t.handle);
    shared = await listBody();
  });

  /** Rows of a raw query on either backend (postgres.js returns an array, PGlite an object with rows). */
  async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const result = (await t.db.execute(query)) as unknown as T[] | { rows: T[] };
    return Array.isArray(result) ? [...result] : result.rows;
  }

  /** inquiry_counts against a count of the inquiries themselves, for every body. */
  async function expectCountsMatchTheRows() {
    const kept = await rowsOf(sql`
      select body_id::text, type_id::text, status::text, is_public, count::int as n from inquiry_counts where count <> 0
      order by 1, 2, 3, 4`);
    const counted = await rowsOf(sql`
      select body_id::text, type_id::text, status::text,
        (visibility = 'public' and status <> 'draft' and public_ref is not null) as is_public, count(*)::int as n
      from inquiries group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
    expect(kept).toEqual(counted);
  }

  it("pages the public list without skipping or repeating a row, and only public rows", async () => {
    const { bodySlug, expectedPublicOrder } = shared;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const list = await listPublicInquiries({ bodySlug, page, pageSize: 20 }, t.db);
      expect(list).not.toBeNull();
      expect(list!.total).toBe(PUBLIC);
      expect(list!.pageCount).toBe(3);
      seen.push(...list!.items.map((i) => i.publicRef));
      if (page === list!.pageCount) {
        expect(list!.items).toHaveLength(PUBLIC - 40);
        break;
      }
      expect(list!.items).toHaveLength(20);
    }
    expect(seen).toEqual(expectedPublicOrder);
    expect(await listPublicInquiries({ bodySlug, page: 4, pageSize: 20 }, t.db)).toBeNull();
  });

  it("counts kept by the trigger equal a fresh count after transitions, a visibility change and a deleted draft", async () => {
    // Its own body: the test changes the body's inquiries, which the other tests' lists must not see.
    const { bodyId, bodySlug, officeEmail, allIds } = await listBody();
    await expectCountsMatchTheRows();
    const [submitted] = await t.db
      .insert(inquiries)
      .values({
        bodyId,
        typeId: (await t.db.select().from(inquiries).where(eq(inquiries.bodyId, bodyId)).limit(1))[0]!.typeId,
        title: "Listenprobe Eingang",
        status: "submitted",
        visibility: "public",
        reference: "T E",
        publicRef: "t-e",
        submittedOn: "2026-02-01",
        receivedOn: "2026-02-01",
      })
      .returning();
    await expectCountsMatchTheRows();
    const [office] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, officeEmail));
    const actor = { userId: office!.id, memberships: await membershipFactsOf(t.db, office!.id) };
    const result = await applyInquiryTransition(t.db, {
      inquiryId: submitted!.id,
      bodyId,
      expectedVersion: submitted!.version,
      event: "accept",
      actor,
    });
    expect(result.status).toBe("accepted");
    await expectCountsMatchTheRows();

    await t.db
      .update(inquiries)
      .set({ visibility: "internal" })
      .where(and(eq(inquiries.bodyId, bodyId), eq(inquiries.title, "Listenprobe 2")));
    await t.db
      .delete(inquiries)
      .where(and(eq(inquiries.bodyId, bodyId), eq(inquiries.title, `Listenprobe ${PUBLIC + 5}`)));
    await expectCountsMatchTheRows();

    // 47 public + the accepted one − the one made internal.
    const expected = PUBLIC + 1 - 1;
    expect((await listPublicInquiries({ bodySlug, page: 1 }, t.db))!.total).toBe(expected);
    const overview = await loadPublicOverview({}, t.db);
    expect(overview.bodies.find((b) => b.slug === bodySlug)!.publicInquiryCount).toBe(expected);
    const [kept] = await t.db
      .select({ n: sql<number>`sum(${inquiryCounts.count})`.mapWith(Number) })
      .from(inquiryCounts)
      .where(eq(inquiryCounts.bodyId, bodyId));
    // Every row of the body, drafts and internal ones included: the ones made here + 1 − the deleted draft.
    expect(kept!.n).toBe(allIds.length);
  });

  it("dashboard shows the top of 'Alle Vorgänge' with the full count and links to the full list", async () => {
    const { bodyId, bodySlug, officeEmail } = shared;
    const user = await currentUserFor(t.db, officeEmail);
    const [dashboard] = await loadDashboard(user, NOW);
    const [visible] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from inquiries where body_id = ${bodyId} and status <> 'draft'`,
    );
    const total = visible!.n;
    expect(dashboard!.inquiries).toHaveLength(ALL_INQUIRIES_LIMIT);
    expect(dashboard!.inquiriesTotal).toBe(total);
    expect(dashboard!.inquiriesCapped).toBe(false);
    expect(sectionListHref(bodySlug, "all")).toBe(`/arbeitsbereich/${bodySlug}/liste/alle`);
    expect(listSectionFromSlug(LIST_SECTIONS.office_overdue)).toBe("office_overdue");
    expect(listSectionFromSlug("unbekannt")).toBeNull();
  });

  it("pages a staff section's full list without skipping or repeating, newest change first", async () => {
    const { bodyId, bodySlug, officeEmail } = shared;
    const user = await currentUserFor(t.db, officeEmail);
    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const list = await loadSectionPage(user, { bodySlug, section: "all", page }, NOW);
      expect(list).not.toBeNull();
      seen.push(...list!.items.map((i) => i.id));
      if (!list!.hasNext) break;
      expect(list!.items).toHaveLength(SECTION_PAGE_SIZE);
      page++;
    }
    const expected = await rowsOf<{ id: string }>(sql`
      select id::text from inquiries where body_id = ${bodyId} and status <> 'draft' order by updated_at desc, id desc`);
    expect(seen).toEqual(expected.map((r) => r.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(await loadSectionPage(user, { bodySlug, section: "all", page: page + 1 }, NOW)).toBeNull();
  });

  it("gives no full list of a section the user's roles do not have, nor of another body", async () => {
    const { bodySlug, officeEmail } = shared;
    const user = await currentUserFor(t.db, officeEmail);
    expect(await loadSectionPage(user, { bodySlug, section: "faction_drafts", page: 1 }, NOW)).toBeNull();
    expect(await loadSectionPage(user, { bodySlug: "landtag-nrw", section: "all", page: 1 }, NOW)).toBeNull();
  });

  it("the deadline scan reads an overdue inquiry once per due date, not on every scan", async () => {
    // Its own body: the test moves an inquiry's dates, and with them its place in the public list.
    const { bodyId } = await listBody();
    const department = await createOrganization(t.db, bodyId, { name: "Fachamt (Test)" });
    const clerk = await createUser(t.db, { bodyId, organizationId: department.id, role: "clerk" });
    const [overdue] = await t.db
      .update(inquiries)
      .set({ leadOrganizationId: department.id, receivedOn: "2026-11-01", dueOn: "2026-11-10" })
      .where(and(eq(inquiries.bodyId, bodyId), eq(inquiries.title, "Listenprobe 4")))
      .returning({ id: inquiries.id });
    const remindersOf = (userId: string) =>
      t.db
        .select({ key: notifications.dedupeKey })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.inquiryId, overdue!.id)));

    await scanDeadlines(t.db, NOW);
    expect(await remindersOf(clerk.id)).toEqual([{ key: `overdue:${overdue!.id}:2026-11-10` }]);
    const done = await t.db.select().from(overdueRemindersDone).where(eq(overdueRemindersDone.inquiryId, overdue!.id));
    expect(done.map((d) => d.dueOn)).toEqual(["2026-11-10"]);

    // Someone who joins the lead department later is not reminded by the next scans (the dashboard lists it).
    const newcomer = await createUser(t.db, { bodyId, organizationId: department.id, role: "clerk" });
    await scanDeadlines(t.db, NOW);
    expect(await remindersOf(newcomer.id)).toEqual([]);

    // A new due date (here moved by hand; an extension does the same) is read again and reminded again.
    await t.db.update(inquiries).set({ dueOn: "2026-11-20" }).where(eq(inquiries.id, overdue!.id));
    await scanDeadlines(t.db, NOW);
    expect((await remindersOf(newcomer.id)).map((r) => r.key)).toEqual([`overdue:${overdue!.id}:2026-11-20`]);
  });
});
