/**
 * Due dates from the database: loads an inquiry type's deadline rule, its body's Land (for public holidays) and,
 * for "until the next meeting" rules, that body's meetings of the named organisation, then hands them to the
 * pure computeDueDate (app/domain/deadlines.ts).
 */
import { isUuid } from "../../domain/format";
import { and, asc, eq, gt } from "drizzle-orm";
import { bodies, inquiryTypes, meetings, organizations } from "../../../db/schema/index";
import { assertIsoDate, computeDueDate, type DueDate } from "../../domain/deadlines";
import type { Db, Tx } from "../core/db.server";

/** The inquiry type does not exist in that body (callers answer 404). */
export class InquiryTypeNotFound extends Error {
  constructor(readonly typeId: string) {
    super("Diese Art von Anfrage gibt es in dieser Körperschaft nicht.");
    this.name = "InquiryTypeNotFound";
  }
}

/**
 * The due date of an inquiry of type `typeId` in body `bodyId` received on `receivedOn` (ISO date in the body's
 * time zone). Throws DeadlineInputError for an invalid date and InquiryTypeNotFound for a type of another body.
 */
export async function dueDateForInquiry(
  db: Db | Tx,
  input: { bodyId: string; typeId: string; receivedOn: string },
): Promise<DueDate> {
  assertIsoDate(input.receivedOn);
  if (!isUuid(input.bodyId) || !isUuid(input.typeId)) throw new InquiryTypeNotFound(input.typeId);

  const [type] = await db
    .select({ rule: inquiryTypes.deadlineRule, state: bodies.state })
    .from(inquiryTypes)
    .innerJoin(bodies, eq(bodies.id, inquiryTypes.bodyId))
    .where(and(eq(inquiryTypes.id, input.typeId), eq(inquiryTypes.bodyId, input.bodyId)))
    .limit(1);
  if (!type) throw new InquiryTypeNotFound(input.typeId);

  const rule = type.rule;
  if (rule.kind !== "next_meeting") return computeDueDate(input.receivedOn, rule, { state: type.state });

  // Only this body's meetings and organisations: a rule pointing elsewhere finds no meeting rather than a foreign one.
  const [organization] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(and(eq(organizations.id, rule.organizationId), eq(organizations.bodyId, input.bodyId)))
    .limit(1);
  const upcoming = organization
    ? await db
        .select({ organizationId: meetings.organizationId, date: meetings.date })
        .from(meetings)
        .where(
          and(
            eq(meetings.bodyId, input.bodyId),
            eq(meetings.organizationId, rule.organizationId),
            gt(meetings.date, input.receivedOn),
          ),
        )
        .orderBy(asc(meetings.date))
        .limit(1)
    : [];
  return computeDueDate(input.receivedOn, rule, {
    state: type.state,
    meetings: upcoming,
    organizationNames: organization ? { [rule.organizationId]: organization.name } : {},
  });
}
