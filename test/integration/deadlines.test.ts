/**
 * dueDateForInquiry (app/server/inquiries/deadlines.server.ts) against the seeded demo data on every backend: the rule
 * comes from the inquiry type, the Land from the body, meetings only from that body.
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bodies, inquiryTypes, meetings, organizations } from "../../db/schema/index";
import { DeadlineInputError } from "../../app/domain/deadlines";
import { dueDateForInquiry, InquiryTypeNotFound } from "../../app/server/inquiries/deadlines.server";
import type { Db } from "../../app/server/core/db.server";
import { backends, useTestDatabase } from "../support/db";

async function typeOf(db: Db, bodySlug: string, code: string) {
  const [row] = await db
    .select({ bodyId: bodies.id, typeId: inquiryTypes.id })
    .from(inquiryTypes)
    .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
    .where(and(eq(bodies.slug, bodySlug), eq(inquiryTypes.code, code)));
  if (!row) throw new Error(`seed has no type ${code} in ${bodySlug}`);
  return row;
}

describe.each(backends())("dueDateForInquiry on %s", (backend) => {
  const t = useTestDatabase(backend, { seeded: true });

  it("Landtag NRW, Kleine Anfrage received 28.05.2020: 4 weeks → 25.06.2020", async () => {
    const result = await dueDateForInquiry(t.db, {
      ...(await typeOf(t.db, "landtag-nrw", "kleine-anfrage")),
      receivedOn: "2020-05-28",
    });
    expect(result).toEqual({
      dueOn: "2020-06-25",
      explanation: "4 Wochen nach Eingang am 28.05.2020; Fristende: 25.06.2020.",
    });
  });

  it("Landtag NRW, Große Anfrage: a quarter, moved off the weekend with the NRW calendar", async () => {
    const type = await typeOf(t.db, "landtag-nrw", "grosse-anfrage");
    expect((await dueDateForInquiry(t.db, { ...type, receivedOn: "2020-05-28" })).dueOn).toBe("2020-08-28");
    // 01.08.2020 + 3 months = 01.11.2020, a Sunday and Allerheiligen in NRW → Monday 02.11.2020
    const moved = await dueDateForInquiry(t.db, { ...type, receivedOn: "2020-08-01" });
    expect(moved.dueOn).toBe("2020-11-02");
    expect(moved.explanation).toContain("Nordrhein-Westfalen (Allerheiligen)");
  });

  it("Norderstedt, Anfrage raised in the Hauptausschuss on 04.05.2020 → its next meeting on 15.06.2020", async () => {
    const result = await dueDateForInquiry(t.db, {
      ...(await typeOf(t.db, "norderstedt", "anfrage")),
      receivedOn: "2020-05-04",
    });
    expect(result).toEqual({
      dueOn: "2020-06-15",
      explanation:
        "Bis zur nächsten Sitzung des Gremiums „Hauptausschuss“ nach Eingang am 04.05.2020: Sitzung am 15.06.2020.",
    });
  });

  it("Norderstedt: after the last scheduled meeting there is no due date yet", async () => {
    // The demo data schedules meetings of the Hauptausschuss around the day it was loaded; none after the last.
    const type = await typeOf(t.db, "norderstedt", "anfrage");
    const [last] = await t.db
      .select({ date: meetings.date })
      .from(meetings)
      .where(eq(meetings.bodyId, type.bodyId))
      .orderBy(desc(meetings.date))
      .limit(1);
    const result = await dueDateForInquiry(t.db, { ...type, receivedOn: last!.date });
    expect(result.dueOn).toBeNull();
    expect(result.explanation).toContain("noch keine Sitzung angesetzt");
  });

  it("ignores meetings recorded for another body, even of the same organisation", async () => {
    const norderstedt = await typeOf(t.db, "norderstedt", "anfrage");
    const nrw = await typeOf(t.db, "landtag-nrw", "kleine-anfrage");
    const [hauptausschuss] = await t.db
      .select({ id: organizations.id })
      .from(organizations)
      .where(and(eq(organizations.bodyId, norderstedt.bodyId), eq(organizations.name, "Hauptausschuss")));
    const [foreign] = await t.db
      .insert(meetings)
      .values({ bodyId: nrw.bodyId, organizationId: hauptausschuss!.id, name: "Fremde Sitzung", date: "2020-05-20" })
      .returning({ id: meetings.id });
    try {
      expect((await dueDateForInquiry(t.db, { ...norderstedt, receivedOn: "2020-05-04" })).dueOn).toBe("2020-06-15");
    } finally {
      await t.db.delete(meetings).where(eq(meetings.id, foreign!.id));
    }
  });

  it("Hamburg, Schreiben der Aufsichtsbehörde: no deadline", async () => {
    const result = await dueDateForInquiry(t.db, {
      ...(await typeOf(t.db, "hamburg", "schreiben-aufsicht")),
      receivedOn: "2020-05-28",
    });
    expect(result.dueOn).toBeNull();
  });

  it("refuses a type of another body, an unknown type and an invalid date", async () => {
    const nrw = await typeOf(t.db, "landtag-nrw", "kleine-anfrage");
    const norderstedt = await typeOf(t.db, "norderstedt", "anfrage");
    await expect(
      dueDateForInquiry(t.db, { bodyId: norderstedt.bodyId, typeId: nrw.typeId, receivedOn: "2020-05-28" }),
    ).rejects.toBeInstanceOf(InquiryTypeNotFound);
    await expect(
      dueDateForInquiry(t.db, {
        bodyId: nrw.bodyId,
        typeId: "00000000-0000-0000-0000-000000000000",
        receivedOn: "2020-05-28",
      }),
    ).rejects.toBeInstanceOf(InquiryTypeNotFound);
    await expect(
      dueDateForInquiry(t.db, { bodyId: nrw.bodyId, typeId: "kleine-anfrage", receivedOn: "2020-05-28" }),
    ).rejects.toBeInstanceOf(InquiryTypeNotFound);
    await expect(dueDateForInquiry(t.db, { ...nrw, receivedOn: "2020-02-30" })).rejects.toBeInstanceOf(
      DeadlineInputError,
    );
  });
});
