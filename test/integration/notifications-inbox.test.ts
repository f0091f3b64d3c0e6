/**
 * The user's own list: newest first, pages of 20, the unread count of the header, marking one or all read —
 * and never someone else's notification. Preferences: saved per kind, days checked again on the server.
 * Not about the demo data: a council office and a clerk of one body from the factories are all it needs — each
 * test makes its own body with them, so that none depends on what an earlier test marked read or saved (issue 9).
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema";
import { useDatabase } from "../../app/server/core/db.server";
import {
  InvalidPreferences,
  PAGE_SIZE,
  listNotifications,
  loadNotificationPreferences,
  markAllNotificationsRead,
  markNotificationRead,
  saveNotificationPreferences,
  unreadNotificationCount,
} from "../../app/server/notifications/inbox.server";
import { publicOrigin } from "../../app/server/notifications/notifications.server";
import { NOTIFICATION_KINDS } from "../../app/domain/notifications";
import { backends, useTestDatabase } from "../support/db";
import { createBody, createOrganization, createUser } from "../support/factories";
import { actorOf } from "../support/notifications-fixtures";

type Person = { id: string; memberships: Awaited<ReturnType<typeof actorOf>>["memberships"] };

describe.each(backends())("the notification list on %s", (backend) => {
  const t = useTestDatabase(backend);

  beforeAll(() => {
    useDatabase(t.handle);
  });

  /**
   * Each test's own body (issue 9: no test depends on what another read, marked or saved): its council office
   * member (`owner`) with 25 unread notifications a minute apart, the last one the newest, and a clerk (`other`)
   * with one unread notification of her own.
   */
  async function aBodyWithNotifications(): Promise<{
    bodyId: string;
    owner: Person;
    other: Person;
    othersNotification: string;
  }> {
    const bodyId = (await createBody(t.db, { kind: "state_parliament", state: "NW" })).id;
    const office = await createOrganization(t.db, bodyId, { kind: "council_office", name: "Landtagsverwaltung" });
    const department = await createOrganization(t.db, bodyId, { name: "Ministerium" });
    const ownerUser = await createUser(t.db, { bodyId, organizationId: office.id, role: "council_office" });
    const otherUser = await createUser(t.db, { bodyId, organizationId: department.id, role: "clerk" });
    const o = await actorOf(t.db, ownerUser.email);
    const c = await actorOf(t.db, otherUser.email);
    const owner = { id: o.userId, memberships: o.memberships };
    const other = { id: c.userId, memberships: c.memberships };
    const base = Date.parse("2026-11-20T08:00:00Z");
    await t.db.insert(notifications).values(
      Array.from({ length: 25 }, (_, i) => ({
        userId: owner.id,
        bodyId,
        kind: "received",
        title: `Meldung ${i + 1}`,
        link: "/arbeitsbereich",
        createdAt: new Date(base + i * 60_000),
      })),
    );
    const [row] = await t.db
      .insert(notifications)
      .values({ userId: other.id, bodyId, kind: "assigned", title: "Nicht für das Ratsbüro", link: "/arbeitsbereich" })
      .returning({ id: notifications.id });
    return { bodyId, owner, other, othersNotification: row!.id };
  }

  it("lists newest first in pages of 20; a page past the end shows the last one", async () => {
    const { owner } = await aBodyWithNotifications();
    expect(PAGE_SIZE).toBe(20);
    const first = await listNotifications(owner, 1);
    expect(first.pages).toBe(2);
    expect(first.unread).toBe(25);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.title).toBe("Meldung 25");
    expect(first.items[19]!.title).toBe("Meldung 6");
    expect(first.items.every((i) => !i.read)).toBe(true);
    const second = await listNotifications(owner, 2);
    expect(second.items.map((i) => i.title)).toEqual(["Meldung 5", "Meldung 4", "Meldung 3", "Meldung 2", "Meldung 1"]);
    expect((await listNotifications(owner, 99)).page).toBe(2);
    expect(first.items.some((i) => i.title === "Nicht für das Ratsbüro")).toBe(false);
  });

  it("marks one read; someone else's id is refused and stays unread", async () => {
    const { owner, other, othersNotification } = await aBodyWithNotifications();
    const [newest] = (await listNotifications(owner, 1)).items;
    expect(await markNotificationRead(owner, newest!.id)).toBe(true);
    expect(await markNotificationRead(owner, newest!.id)).toBe(true); // again: nothing to do, still fine
    expect(await unreadNotificationCount(owner)).toBe(24);
    expect((await listNotifications(owner, 1)).items[0]!.read).toBe(true);

    expect(await markNotificationRead(owner, othersNotification)).toBe(false);
    const [others] = await t.db.select().from(notifications).where(eq(notifications.id, othersNotification));
    expect(others!.readAt).toBeNull();
    expect(await unreadNotificationCount(other)).toBe(1);
  });

  it("marks all of one's own read, and only one's own", async () => {
    const { owner, other } = await aBodyWithNotifications();
    await markAllNotificationsRead(owner);
    expect(await unreadNotificationCount(owner)).toBe(0);
    expect(await unreadNotificationCount(other)).toBe(1);
  });

  it("a user without a role in the notification's body no longer sees it", async () => {
    const { bodyId, owner } = await aBodyWithNotifications();
    const elsewhere = { id: owner.id, memberships: owner.memberships.filter((m) => m.bodyId !== bodyId) };
    expect((await listNotifications(elsewhere, 1)).items).toEqual([]);
    expect(await markNotificationRead(elsewhere, (await listNotifications(owner, 1)).items[0]!.id)).toBe(false);
  });

  it("saves preferences for every kind and refuses days outside 1–60", async () => {
    const { other } = await aBodyWithNotifications();
    const before = await loadNotificationPreferences(other.id);
    expect(before.find((p) => p.kind === "due_soon")).toMatchObject({ inApp: true, email: true, dueSoonDays: 3 });
    const channels = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, { inApp: k !== "received", email: k === "received" }]),
    ) as Parameters<typeof saveNotificationPreferences>[1]["channels"];
    await saveNotificationPreferences(other.id, { channels, dueSoonDays: 14 });
    const after = await loadNotificationPreferences(other.id);
    expect(after.find((p) => p.kind === "received")).toMatchObject({ inApp: false, email: true });
    expect(after.find((p) => p.kind === "due_soon")).toMatchObject({ inApp: true, email: false, dueSoonDays: 14 });
    for (const days of [0, 61, 2.5]) {
      await expect(saveNotificationPreferences(other.id, { channels, dueSoonDays: days })).rejects.toThrow(
        InvalidPreferences,
      );
    }
    expect((await loadNotificationPreferences(other.id)).find((p) => p.kind === "due_soon")!.dueSoonDays).toBe(14);
  });

  it("mail links use PUBLIC_URL, else the address the server listens on", () => {
    expect(publicOrigin({ PUBLIC_URL: "https://quaestio.example.org/" })).toBe("https://quaestio.example.org");
    expect(publicOrigin({ HOST: "127.0.0.1", PORT: "8080" })).toBe("http://127.0.0.1:8080");
    expect(publicOrigin({ HOST: "0.0.0.0" })).toBe("http://localhost:3000");
  });
});
