/**
 * What every body-administration command starts with: the acting admin, the body they administer (404
 * otherwise), the user they act on, the refusal they may get, and the never-public account event.
 */
import { and, eq, inArray } from "drizzle-orm";
import { bodies, events, users } from "../../../db/schema";
import { mayAdministerBody, type MembershipFact } from "../../domain/policy";
import type { Db, Tx } from "../core/db.server";
import { NotFound } from "../core/errors.server";
import { recordEvent, type EventInput } from "../core/events.server";
import { membershipFactsOf } from "../core/transitions.server";

/** What admin functions need from the signed-in user (a CurrentUser from auth.server fits). */
export interface Actor {
  id: string;
  displayName: string;
  memberships: readonly MembershipFact[];
}

/** A refused change with the key of its German message (app/domain/texts/admin.ts). */
export class AdminRefusal extends Error {
  constructor(
    readonly reason:
      | "notOnSelf"
      | "lastAdmin"
      | "otherBodies"
      | "alreadyInactive"
      | "alreadyActive"
      | "mfaNotSet"
      | "alreadyMember"
      | "roleNotInOrganization"
      | "chooseOrganization",
    readonly field?: "organizationId" | "role" | "email",
  ) {
    super(reason);
  }
}

/** "23.11.2026, 10:38" in the body's time zone (formatted here so that server and browser render the same). */
export function dateTimeText(instant: Date, timeZone: string): string {
  return instant.toLocaleString("de-DE", { timeZone, dateStyle: "medium", timeStyle: "short" });
}

/** The body by slug, only if the actor administers it; otherwise NotFound (never a hint that it exists). */
export async function adminBody(db: Db | Tx, actor: Actor, slug: string) {
  const [body] = await db.select().from(bodies).where(eq(bodies.slug, slug)).limit(1);
  if (!body || !mayAdministerBody(actor.memberships, body.id)) throw new NotFound();
  return body;
}

/**
 * A user the admin may see in this body: one with a role in it, or one who had a role there (a role_revoked
 * event of this body), so that an account whose last role was removed stays reachable to be reactivated.
 */
export async function targetUser(db: Db | Tx, bodyId: string, userId: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) throw new NotFound();
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new NotFound();
  const facts = await membershipFactsOf(db, user.id);
  if (!facts.some((m) => m.bodyId === bodyId)) {
    const [history] = await db
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.bodyId, bodyId),
          eq(events.aggregateType, "user"),
          eq(events.aggregateId, user.id),
          inArray(events.type, ["role_revoked", "invitation_accepted", "role_granted"]),
        ),
      )
      .limit(1);
    if (!history) throw new NotFound();
  }
  return { user, facts };
}

/** Account events are never public; core/events.server.ts writes the row (kept under this name for accounts/). */
export const writeEvent = (tx: Db | Tx, input: Omit<EventInput, "public" | "inquiryId">): Promise<number> =>
  recordEvent(tx, { ...input, public: false });
