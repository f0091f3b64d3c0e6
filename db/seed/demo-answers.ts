/**
 * FICTIONAL DEMO DATA — the answers of the fictional cases that are being answered, built through the server
 * commands the answer pages use, so that the demo proves the workflow: the answer as starting to answer creates
 * it (its parts per question and its sign-off chain from the inquiry type's template), the clerk's save of the
 * draft, the request of the DPO's statement (a lifecycle step: the answer is "in Beteiligung"), the DPO's
 * statement, sending to sign-off and the signatures of the first steps, each by a demo account that holds the
 * step's role.
 *
 * The commands run inside the seed's one transaction (withDatabase: their transactions become savepoints) and
 * write with the database's clock, so these steps are dated at the moment of seeding — "today" of the
 * fictional cases, after every earlier step of the case.
 */
import { eq } from "drizzle-orm";
import { doc, paragraph } from "../../app/editor/build";
import { currentStep, maySignStep } from "../../app/domain/sign-off";
import type { MembershipFact } from "../../app/domain/policy";
import { createAnswerFor } from "../../app/server/answers/answer-content.server";
import { contentHash, latestVersion } from "../../app/server/answers/answer-content.server";
import { saveAnswer } from "../../app/server/answers/answer-drafts.server";
import type { PostedAnswer } from "../../app/server/answers/answer-form.server";
import { sendToSignOff, signStep } from "../../app/server/answers/answer-sign-off.server";
import { requestConsultation, saveStatement } from "../../app/server/consultations/commands.server";
import { withDatabase } from "../../app/server/core/db.server";
import {
  answerPartQuestions,
  answerParts,
  answers,
  consultations,
  inquiries,
  memberships,
  signOffSteps,
} from "../schema/index";
import type { DemoAccounts } from "./accounts";
import { first, type Tx } from "./support";

/** An answer being drafted, as the fictional case describes it. */
export interface DemoDraftAnswer {
  /** The draft text of the parts, one per question in order (fewer: the later parts stay empty). */
  parts: string[];
  /** The DPO's statement requested (due `dueDay` days after today); `answered` when the DPO has given it. */
  consultation?: {
    questionsPut: string;
    dueDay: number;
    answered?: { statement: string; verdict: "no_objection" | "conditions" | "objection"; restrictions?: string[] };
  };
  /** Sent to sign-off, and this many steps of the chain signed (each by a demo account holding the role). */
  signedSteps?: number;
}

interface DemoActor {
  id: string;
  memberships: MembershipFact[];
}

async function actorOf(tx: Tx, userId: string): Promise<DemoActor> {
  const rows = await tx
    .select({ bodyId: memberships.bodyId, organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { id: userId, memberships: rows };
}

const richInput = (text: string) => ({ rich: true, json: JSON.stringify(doc(paragraph(text))), text });

async function answerRow(tx: Tx, inquiryId: string) {
  return first(await tx.select().from(answers).where(eq(answers.inquiryId, inquiryId)));
}

/** Builds the answer of a case in "answering" (`draft` null: only what starting to answer creates). */
export async function buildDemoAnswer(
  tx: Tx,
  input: {
    inquiryId: string;
    accounts: DemoAccounts;
    /** The ISO date of a day relative to the seed day. */
    isoDay: (day: number) => string;
    /** The ISO date of a day relative to the real today (in the body's time zone). */
    realDay: (day: number) => string;
    draft: DemoDraftAnswer | null;
  },
): Promise<void> {
  const { inquiryId, accounts, draft } = input;
  const clerk = await actorOf(tx, accounts.users.clerk);
  const inquiry = first(await tx.select().from(inquiries).where(eq(inquiries.id, inquiryId)));
  // What the start_answering command does in its transaction (the case's history holds that step already).
  await createAnswerFor(tx, inquiry, clerk.id);
  if (!draft) return;

  await withDatabase(tx, async () => {
    // The clerk's save of the draft, as the answer editor posts it.
    let answer = await answerRow(tx, inquiryId);
    const version = await latestVersion(tx, answer.id);
    const parts = await tx
      .select({ position: answerParts.position, questionId: answerPartQuestions.questionId })
      .from(answerParts)
      .innerJoin(answerPartQuestions, eq(answerPartQuestions.partId, answerParts.id))
      .where(eq(answerParts.versionId, version.id))
      .orderBy(answerParts.position);
    const values: PostedAnswer = {
      documentKind: "",
      documentReference: "",
      title: version.title ?? "",
      issuedByLabel: version.issuedByLabel ?? "",
      caseOfficerLabel: "",
      flagged: false,
      preamble: { json: "", text: "" },
      parts: parts.map((part, index) => {
        const text = draft.parts[index] ?? "";
        return {
          questionIds: [part.questionId],
          body: text ? { json: JSON.stringify(doc(paragraph(text))), text } : { json: "", text: "" },
          withheld: false,
          reason: "",
          subject: "",
          justification: "",
          withheldText: "",
        };
      }),
    };
    await saveAnswer(clerk, { inquiryId, expectedVersion: answer.version, values, rich: true });

    if (draft.consultation) {
      answer = await answerRow(tx, inquiryId);
      // The request command checks the date against the real clock (a test may seed for another day).
      const dueOn = [input.isoDay(draft.consultation.dueDay), input.realDay(draft.consultation.dueDay)].sort()[1]!;
      const consultationId = await requestConsultation(clerk, inquiryId, {
        kind: "dpo",
        answerVersion: answer.version,
        addresseeOrganizationId: accounts.organizations.dpo,
        questions: richInput(draft.consultation.questionsPut),
        dueOn,
      });
      const answered = draft.consultation.answered;
      if (answered) {
        const dpo = await actorOf(tx, accounts.users.dpo);
        const c = first(await tx.select().from(consultations).where(eq(consultations.id, consultationId)));
        await saveStatement(dpo, consultationId, {
          version: c.version,
          title: "",
          statement: richInput(answered.statement),
          items: (answered.restrictions ?? []).map((text) => ({ kind: "restriction", text })),
          verdict: answered.verdict,
          submit: true,
        });
      }
    }

    if (draft.signedSteps === undefined) return;
    answer = await answerRow(tx, inquiryId);
    await sendToSignOff(clerk, inquiryId, answer.version);
    const signers = await Promise.all(
      [accounts.users.clerk, ...Object.values(accounts.signers), accounts.users.executive].map((id) => actorOf(tx, id)),
    );
    for (let signed = 0; signed < draft.signedSteps; signed++) {
      answer = await answerRow(tx, inquiryId);
      const step = currentStep(await tx.select().from(signOffSteps).where(eq(signOffSteps.answerId, answer.id)));
      if (!step) throw new Error(`demo data: no step left to sign on ${inquiry.title}`);
      const signer = signers.find((s) =>
        maySignStep(s.memberships, answer.bodyId, step, answer.leadOrganizationId ?? inquiry.leadOrganizationId),
      );
      if (!signer) throw new Error(`demo data: no demo account may sign "${step.label}"`);
      // The hash the signer's page shows: the current content's.
      const seenHash = await contentHash(tx, (await latestVersion(tx, answer.id)).id, answer.signOffFlagged);
      await signStep(signer, { inquiryId, expectedVersion: answer.version, stepId: step.id, seenHash });
    }
  });
}
