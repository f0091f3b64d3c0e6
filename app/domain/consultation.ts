/**
 * Consultations of an answer — pure rules: who acts on one (the lead department asks, the consulted office
 * answers), the structured restrictions and recommendations of a statement, and the due date of a request.
 *
 * Three kinds share one flow (DESIGN §2 "Consultation"):
 * - dpo: the data protection officer (behördliche/r Datenschutzbeauftragte/r) writes the statement;
 * - department: a contributing department writes its contribution (Zulieferung) to the answer;
 * - supervisory_authority: an external authority (Aufsichtsbehörde) has no accounts here, so the lead
 *   department records the authority's letter (the statement, the authority its sender) and its reply letter.
 */
import type { MembershipFact, Role } from "./policy";

export const CONSULTATION_KINDS = ["dpo", "supervisory_authority", "department"] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const VERDICTS = ["no_objection", "conditions", "objection"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const RECOMMENDATION_KINDS = ["restriction", "recommendation"] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const ITEMS_MAX = 40;
export const ITEM_TEXT_MAX = 2000;
export const STATEMENT_TITLE_MAX = 300;
/** A request's due date lies at most this many days ahead (a typo like 2062 is caught). */
export const DUE_DAYS_MAX = 366;

const DRAFTING_ROLES: readonly Role[] = ["clerk", "department_head"];

export interface ConsultationFacts {
  bodyId: string;
  kind: ConsultationKind;
  addresseeOrganizationId: string;
  /** The answer's lead department (Federführung). */
  leadOrganizationId: string | null;
}

/** Clerks and department heads of the lead department request consultations and decide what is quoted. */
export function isLeadDrafter(
  memberships: readonly MembershipFact[],
  bodyId: string,
  leadOrganizationId: string | null,
): boolean {
  return (
    leadOrganizationId !== null &&
    memberships.some(
      (m) => m.bodyId === bodyId && m.organizationId === leadOrganizationId && DRAFTING_ROLES.includes(m.role),
    )
  );
}

/** Who writes the consulted office's part: the DPO, the contributing department, or for an authority the lead. */
export function mayWriteStatement(memberships: readonly MembershipFact[], c: ConsultationFacts): boolean {
  const inOffice = (roles: readonly Role[]) =>
    memberships.some(
      (m) => m.bodyId === c.bodyId && m.organizationId === c.addresseeOrganizationId && roles.includes(m.role),
    );
  switch (c.kind) {
    case "dpo":
      return inOffice(["dpo"]);
    case "department":
      return inOffice(DRAFTING_ROLES);
    case "supervisory_authority":
      return isLeadDrafter(memberships, c.bodyId, c.leadOrganizationId);
  }
}

export const CONSULTATION_ATTACHMENT_PARTS = ["request", "reply"] as const;
/** `request`: the request with the questions put (an authority's incoming letter); `reply`: the reply letter. */
export type ConsultationAttachmentPart = (typeof CONSULTATION_ATTACHMENT_PARTS)[number];

/**
 * Who may read a consultation's files (the request's attachments, an authority's letters): the council office
 * of the body, the lead department's staff and the consulted office itself — not every office that may see the
 * answer's work (a contributing department does not read the DPO's material, nor the executive).
 */
export function mayReadConsultationFiles(memberships: readonly MembershipFact[], c: ConsultationFacts): boolean {
  return memberships.some(
    (m) =>
      m.bodyId === c.bodyId &&
      (m.role === "council_office" ||
        (m.organizationId === c.leadOrganizationId && m.role !== "faction_member") ||
        (c.kind !== "supervisory_authority" &&
          m.organizationId === c.addresseeOrganizationId &&
          (c.kind === "dpo" ? m.role === "dpo" : DRAFTING_ROLES.includes(m.role)))),
  );
}

/**
 * May the lead department add or remove files of this part now? The request's files while the consulted office
 * has not answered (it answers what it was sent); the reply letter's files (authorities only) until the answer is
 * published. Nothing changes once the answer is published.
 */
export function mayChangeConsultationFiles(
  memberships: readonly MembershipFact[],
  c: ConsultationFacts & { status: "requested" | "answered" | "withdrawn"; answerPublished: boolean },
  part: ConsultationAttachmentPart,
): boolean {
  if (!isLeadDrafter(memberships, c.bodyId, c.leadOrganizationId) || c.answerPublished) return false;
  if (part === "reply") return c.kind === "supervisory_authority" && c.status !== "withdrawn";
  return c.status === "requested";
}

/** The organisation kind a consultation of this kind is addressed to. */
export function addresseeKindFor(kind: ConsultationKind): "dpo_office" | "department" | "supervisory_authority" {
  return kind === "dpo" ? "dpo_office" : kind;
}

export interface ItemInput {
  kind: string;
  text: string;
}

export interface ValidItem {
  kind: RecommendationKind;
  text: string;
}

export type ItemProblem = "unknown_kind" | "too_long";

/**
 * The statement's items as posted (one row per item, in the order shown): empty rows are dropped, the rest
 * keep their order. Problems are reported by the posted row's index so that the message stands at that row.
 */
export function validateItems(rows: readonly ItemInput[]): {
  items: ValidItem[];
  problems: Map<number, ItemProblem>;
  tooMany: boolean;
} {
  const items: ValidItem[] = [];
  const problems = new Map<number, ItemProblem>();
  rows.forEach((row, index) => {
    const text = row.text.replace(/\r\n?/g, "\n").trim();
    if (text === "") return;
    if (!(RECOMMENDATION_KINDS as readonly string[]).includes(row.kind)) problems.set(index, "unknown_kind");
    else if (text.length > ITEM_TEXT_MAX) problems.set(index, "too_long");
    else items.push({ kind: row.kind as RecommendationKind, text });
  });
  return { items, problems, tooMany: items.length + problems.size > ITEMS_MAX };
}

export function isVerdict(value: string): value is Verdict {
  return (VERDICTS as readonly string[]).includes(value);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function validIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export type DueDateProblem = "missing" | "invalid" | "past" | "too_far";

/** A request's due date: a real date, not before today (the body's today), not absurdly far ahead. */
export function dueDateProblem(value: string, today: string): DueDateProblem | null {
  const v = value.trim();
  if (v === "") return "missing";
  if (!validIsoDate(v)) return "invalid";
  if (v < today) return "past";
  const days = (Date.parse(`${v}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days > DUE_DAYS_MAX ? "too_far" : null;
}

export type LetterDateProblem = "missing" | "invalid" | "future";

/** The date of a letter that was received or sent: a real date, not in the future. */
export function letterDateProblem(value: string, today: string): LetterDateProblem | null {
  const v = value.trim();
  if (v === "") return "missing";
  if (!validIsoDate(v)) return "invalid";
  return v > today ? "future" : null;
}
