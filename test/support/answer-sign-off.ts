/**
 * The answer's sign-off chain in integration tests, through the real server commands: a user holding a role the
 * demo data has no account for (a department head, a councillor of the executive), the chain's signers for an
 * answer, and one signature by whoever's turn it is, bound to the content hash the signer's page shows.
 */
import { and, eq } from "drizzle-orm";
import { answers, memberships, organizations, users } from "../../db/schema";
import type { CurrentUser } from "../../app/server/accounts/auth.server";
import type { Db } from "../../app/server/core/db.server";
import { loadAnswerPage } from "../../app/server/answers/answer-drafts.server";
import { signStep } from "../../app/server/answers/answer-sign-off.server";
import { currentUserFor } from "./users";

type Role = CurrentUser["memberships"][number]["role"];

/**
 * A maker of new users (e-mail `${prefix}-${role}-${n}@norderstedt…`) each holding `role` in the organisation; `db`
 * is asked for the handle at each call (a test file's database exists only once its hooks have run).
 */
export function roleHolders(database: () => Db, prefix: string) {
  let counter = 0;
  return async function userWithRole(role: Role, organizationId: string): Promise<CurrentUser> {
    const db = database();
    const [org] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
    counter += 1;
    const email = `${prefix}-${role}-${counter}@norderstedt.quaestio.example`;
    const [user] = await db
      .insert(users)
      .values({ email, displayName: `Test ${role} ${counter}`, passwordHash: "unused" })
      .returning({ id: users.id });
    await db.insert(memberships).values({ userId: user!.id, bodyId: org!.bodyId, organizationId, role });
    return currentUserFor(db, email);
  };
}

/** A department head of the answer's lead department and a councillor of the body's executive. */
export async function chainSigners(
  db: Db,
  inquiryId: string,
  userWithRole: (role: Role, organizationId: string) => Promise<CurrentUser>,
) {
  const [answer] = await db.select().from(answers).where(eq(answers.inquiryId, inquiryId));
  const head = await userWithRole("department_head", answer!.leadOrganizationId!);
  const [executive] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.bodyId, answer!.bodyId), eq(organizations.kind, "executive")));
  const councillor = await userWithRole("councillor", executive!.id);
  return { head, councillor };
}

/**
 * The signer signs the step whose turn it is, having seen the content hash of their page; resolves with that page
 * (as it was before the signature).
 */
export async function signNext(signer: CurrentUser, inquiryId: string) {
  const page = await loadAnswerPage(signer, inquiryId);
  await signStep(signer, {
    inquiryId,
    expectedVersion: page.answer.version,
    stepId: page.rights.signStepId!,
    seenHash: page.contentHash,
  });
  return page;
}
