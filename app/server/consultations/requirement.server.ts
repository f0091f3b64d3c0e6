/**
 * When a DPO statement is required: the inquiry's type says so (inquiry_types.requires_dpo_consultation), or a
 * tool in one of the answer's inventories does (tools.requires_dpo_consultation). Satisfied once a DPO
 * consultation of the answer is answered. Read by the consultation pages and by the lifecycle engine, which
 * refuses to start the sign-off while a required statement is missing.
 */
import { and, eq } from "drizzle-orm";
import {
  answers,
  answerVersions,
  consultations,
  inquiries,
  inquiryTypes,
  toolInventories,
  toolInventoryRows,
  tools,
} from "../../../db/schema";
import type { Db, Tx } from "../core/db.server";

export type RequirementReason = { kind: "type"; name: string } | { kind: "tool"; name: string };

export interface ConsultationRequirement {
  required: boolean;
  reasons: RequirementReason[];
  /** A DPO consultation of the answer has been answered. */
  satisfied: boolean;
}

export async function consultationRequirement(db: Db | Tx, answerId: string): Promise<ConsultationRequirement> {
  const [type] = await db
    .select({ name: inquiryTypes.name, requires: inquiryTypes.requiresDpoConsultation })
    .from(answers)
    .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
    .innerJoin(inquiryTypes, eq(inquiryTypes.id, inquiries.typeId))
    .where(eq(answers.id, answerId));
  const toolRows = await db
    .selectDistinct({ name: tools.name })
    .from(toolInventoryRows)
    .innerJoin(toolInventories, eq(toolInventories.id, toolInventoryRows.inventoryId))
    .innerJoin(answerVersions, eq(answerVersions.id, toolInventories.versionId))
    .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
    .where(and(eq(answerVersions.answerId, answerId), eq(tools.requiresDpoConsultation, true)))
    .orderBy(tools.name);
  const reasons: RequirementReason[] = [
    ...(type?.requires ? [{ kind: "type" as const, name: type.name }] : []),
    ...toolRows.map((r) => ({ kind: "tool" as const, name: r.name })),
  ];
  const answered = await db
    .select({ id: consultations.id })
    .from(consultations)
    .where(
      and(eq(consultations.answerId, answerId), eq(consultations.kind, "dpo"), eq(consultations.status, "answered")),
    )
    .limit(1);
  return { required: reasons.length > 0, reasons, satisfied: answered.length > 0 };
}
