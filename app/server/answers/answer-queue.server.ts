/**
 * What waits for the user in the answer workflow, for the dashboard: answers whose current sign-off step is
 * theirs (the mayor's, a department head's, a co-signing office's …) and, for the council office, approved
 * answers waiting for publication. Bounded per body; filtered by body and by the step rule of sign-off.ts.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { answers, inquiries, signOffSteps } from "../../../db/schema";
import { currentStep, maySignStep, SIGNER_ROLES } from "../../domain/sign-off";
import type { MembershipFact } from "../../domain/policy";
import { getDb, type Db } from "../core/db.server";
import { reusableShapes } from "../core/prepared.server";

export const QUEUE_LIMIT = 50;

export interface QueueItem {
  inquiryId: string;
  title: string;
  reference: string | null;
  dueOn: string | null;
  stepLabel: string | null;
}

export interface AnswerQueue {
  toSign: QueueItem[];
  toPublish: QueueItem[];
}

/** Answers of the body (placeholder `bodyId`) in one of `statuses`, with their inquiries, the nearest due first. */
function queueQuery(db: Db, statuses: Array<"sign_off" | "approved">) {
  return db
    .select({
      answerId: answers.id,
      status: answers.status,
      leadOrganizationId: answers.leadOrganizationId,
      inquiryLead: inquiries.leadOrganizationId,
      inquiryId: inquiries.id,
      title: inquiries.title,
      reference: inquiries.reference,
      dueOn: inquiries.dueOn,
    })
    .from(answers)
    .innerJoin(inquiries, and(eq(inquiries.id, answers.inquiryId), eq(inquiries.bodyId, answers.bodyId)))
    .where(and(eq(answers.bodyId, sql.placeholder("bodyId")), inArray(answers.status, statuses)))
    .orderBy(asc(inquiries.dueOn), asc(inquiries.title))
    .limit(QUEUE_LIMIT * 4);
}

const queueStatement = reusableShapes<Awaited<ReturnType<typeof queueQuery>>>("answer_queue");

export async function loadAnswerQueue(
  user: { memberships: readonly MembershipFact[] },
  bodyId: string,
): Promise<AnswerQueue> {
  const inBody = user.memberships.filter((m) => m.bodyId === bodyId);
  const signs = inBody.some((m) => (SIGNER_ROLES as readonly string[]).includes(m.role));
  const publishes = inBody.some((m) => m.role === "council_office");
  if (!signs && !publishes) return { toSign: [], toPublish: [] };
  const db = await getDb();
  // Built once per pair of roles (which statuses), the body as a placeholder (reusableShapes).
  const statuses = [...(signs ? ["sign_off" as const] : []), ...(publishes ? ["approved" as const] : [])];
  const rows = await queueStatement(db, statuses.join("_"), () => queueQuery(db, statuses), { bodyId });
  const signing = rows.filter((r) => r.status === "sign_off");
  const steps = signing.length
    ? await db
        .select()
        .from(signOffSteps)
        .where(
          inArray(
            signOffSteps.answerId,
            signing.map((r) => r.answerId),
          ),
        )
    : [];
  const toSign: QueueItem[] = [];
  for (const row of signing) {
    const step = currentStep(steps.filter((s) => s.answerId === row.answerId));
    if (step && maySignStep(inBody, bodyId, step, row.leadOrganizationId ?? row.inquiryLead)) {
      toSign.push({
        inquiryId: row.inquiryId,
        title: row.title,
        reference: row.reference,
        dueOn: row.dueOn,
        stepLabel: step.label,
      });
    }
  }
  const toPublish = rows
    .filter((r) => r.status === "approved")
    .map((r) => ({ inquiryId: r.inquiryId, title: r.title, reference: r.reference, dueOn: r.dueOn, stepLabel: null }));
  return { toSign: toSign.slice(0, QUEUE_LIMIT), toPublish: toPublish.slice(0, QUEUE_LIMIT) };
}
