/**
 * The sign-off chain (Schlusszeichnung) of an answer, pure: which steps a template gives for an answer, whose
 * turn it is, who may sign it, the canonical form of the content a signature binds to, and which signatures an
 * edit invalidates. The server computes the SHA-256 of `canonicalAnswerContent` (no hashing here: domain code
 * uses no Node APIs) — see docs/decisions/0011-sign-off-hash-and-withholding.md.
 */
import type { MembershipFact, Role } from "./policy";

export const SIGNER_ROLES = [
  "clerk",
  "department_head",
  "co_signer",
  "councillor",
  "mayor",
] as const satisfies readonly Role[];
export type SignerRole = (typeof SIGNER_ROLES)[number];

export function isSignerRole(value: string | null | undefined): value is SignerRole {
  return (SIGNER_ROLES as readonly (string | null | undefined)[]).includes(value);
}

export interface TemplateStep {
  position: number;
  label: string;
  /** Condition as printed; the step only counts when the answer is flagged (e.g. unplanned expenditure). */
  onlyWhenFlagged: string | null;
  signerRole: string | null;
}

export interface ChainStep {
  position: number;
  label: string;
  condition: string | null;
  signerRole: SignerRole;
  status: "pending" | "not_required";
}

/**
 * The chain when a body configured none for the inquiry type: the case officer, then the administration's head.
 * Two steps, so that no answer is published without a second person having seen it.
 */
export const DEFAULT_CHAIN: readonly TemplateStep[] = [
  { position: 1, label: "Sachbearbeitung", onlyWhenFlagged: null, signerRole: "clerk" },
  { position: 2, label: "Verwaltungsspitze", onlyWhenFlagged: null, signerRole: "mayor" },
];

/** The steps of an answer's chain: template order, flagged steps only when the answer is flagged. */
export function chainFromTemplate(template: readonly TemplateStep[], flagged: boolean): ChainStep[] {
  const source = template.length > 0 ? template : DEFAULT_CHAIN;
  return [...source]
    .sort((a, b) => a.position - b.position)
    .map((step, index) => ({
      position: index + 1,
      label: step.label,
      condition: step.onlyWhenFlagged,
      // A template step without a role is signed by the administration's head rather than by nobody.
      signerRole: isSignerRole(step.signerRole) ? step.signerRole : "mayor",
      status: step.onlyWhenFlagged && !flagged ? "not_required" : "pending",
    }));
}

/** Conditional steps follow the flag again when it changes while drafting; signed steps are not touched. */
export function applyFlag<T extends { condition: string | null; status: string }>(
  steps: readonly T[],
  flagged: boolean,
): T[] {
  return steps.map((step) => {
    if (!step.condition || (step.status !== "pending" && step.status !== "not_required")) return step;
    return { ...step, status: flagged ? "pending" : "not_required" };
  });
}

export interface StepState {
  id: string;
  position: number;
  signerRole: string | null;
  status: string;
}

/** The step whose turn it is: the first one still pending, in chain order. */
export function currentStep<T extends StepState>(steps: readonly T[]): T | undefined {
  return [...steps].sort((a, b) => a.position - b.position).find((step) => step.status === "pending");
}

/**
 * The step that signs a correction of a published answer again before it is published (ADR 0011 addendum):
 * the last step of the chain that applied to the answer — the administration's head, who signed the answer
 * last. A step without a recorded role (signed on paper, demo data) is signed by the mayor role.
 */
export function correctionStep<T extends StepState>(steps: readonly T[]): (T & { signerRole: SignerRole }) | undefined {
  const last = [...steps].sort((a, b) => b.position - a.position).find((step) => step.status !== "not_required");
  if (!last) return undefined;
  return { ...last, signerRole: isSignerRole(last.signerRole) ? last.signerRole : "mayor" };
}

/** Steps left after `step` that still need a signature. */
export function isLastPendingStep(steps: readonly StepState[], step: StepState): boolean {
  return !steps.some((s) => s.id !== step.id && s.status === "pending");
}

const DEPARTMENT_ROLES: readonly Role[] = ["clerk", "department_head"];

/**
 * May the user sign this step? They hold the step's role in the body; a clerk or department head only in the
 * lead department (another department's head does not sign this department's answer).
 */
export function maySignStep(
  memberships: readonly MembershipFact[],
  bodyId: string,
  step: Pick<StepState, "signerRole">,
  leadOrganizationId: string | null,
): boolean {
  if (!isSignerRole(step.signerRole)) return false;
  return memberships.some(
    (m) =>
      m.bodyId === bodyId &&
      m.role === step.signerRole &&
      (!DEPARTMENT_ROLES.includes(m.role) || m.organizationId === leadOrganizationId),
  );
}

/** Everything a signature vouches for: what the public and the committee will read, withheld text included. */
export interface SignableContent {
  documentKind: string | null;
  documentReference: string | null;
  title: string | null;
  issuedByLabel: string | null;
  caseOfficerLabel: string | null;
  preamble: unknown;
  flagged: boolean;
  parts: Array<{
    position: number;
    questionIds: readonly string[];
    jointNote: string | null;
    body: unknown;
    withholding: null | { reason: string; subject: string; publicJustification: string; withheldText: string | null };
    /** Withheld passages inside the part's text (their marks are in `body`, the full text). */
    passages?: ReadonlyArray<{
      key: string;
      reason: string;
      subject: string;
      publicJustification: string;
      withheldText: string | null;
    }>;
  }>;
  /** Anlagen of the version (ADR 0017): a file's SHA-256 binds its bytes, so adding or removing one is an edit. */
  attachments?: Array<{ position: number; title: string; sha256: string; public: boolean }>;
}

/** JSON with object keys sorted at every level, so equal content always gives the same string. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/**
 * The canonical text of an answer's content: parts in position order, each part's questions sorted, empty
 * strings and missing values the same (null), rich text as its Tiptap JSON. Versioned so that a later change
 * of this function can be told apart from a change of content: content without withheld passages serialises
 * exactly as `quaestio-answer-v1` (so every hash and signature made before passages existed still verifies);
 * content with passages is `quaestio-answer-v2`, which adds each part's passages (ADR 0011, addendum).
 */
export function canonicalAnswerContent(content: SignableContent): string {
  const withPassages = content.parts.some((part) => (part.passages?.length ?? 0) > 0);
  return withPassages ? canonicalAnswerContentV2(content) : canonicalAnswerContentV1(content);
}

const blank = (s: string | null | undefined) => (s && s.trim() !== "" ? s.trim() : null);

function canonicalFields(content: SignableContent, format: string, passages: boolean) {
  return {
    format,
    documentKind: blank(content.documentKind),
    documentReference: blank(content.documentReference),
    title: blank(content.title),
    issuedByLabel: blank(content.issuedByLabel),
    caseOfficerLabel: blank(content.caseOfficerLabel),
    preamble: content.preamble ?? null,
    flagged: content.flagged,
    parts: [...content.parts]
      .sort((a, b) => a.position - b.position)
      .map((part) => ({
        questionIds: [...part.questionIds].sort(),
        jointNote: blank(part.jointNote),
        body: part.body ?? null,
        withholding: part.withholding
          ? {
              reason: part.withholding.reason,
              subject: part.withholding.subject.trim(),
              publicJustification: part.withholding.publicJustification.trim(),
              withheldText: blank(part.withholding.withheldText),
            }
          : null,
        ...(passages
          ? {
              passages: [...(part.passages ?? [])]
                .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
                .map((p) => ({
                  key: p.key,
                  reason: p.reason,
                  subject: p.subject.trim(),
                  publicJustification: p.publicJustification.trim(),
                  withheldText: blank(p.withheldText),
                })),
            }
          : {}),
      })),
    // Only present when there are attachments, so that hashes of answers without any stay what they were.
    ...(content.attachments && content.attachments.length > 0
      ? {
          attachments: [...content.attachments]
            .sort((a, b) => a.position - b.position)
            .map((a) => ({ title: a.title.trim(), sha256: a.sha256, public: a.public })),
        }
      : {}),
  };
}

/** The serialisation before withheld passages: kept unchanged so that old hashes and signatures verify. */
export function canonicalAnswerContentV1(content: SignableContent): string {
  return canonicalJson(canonicalFields(content, "quaestio-answer-v1", false));
}

/** With withheld passages: every part lists its passages (key, reason, subject, justification, text). */
export function canonicalAnswerContentV2(content: SignableContent): string {
  return canonicalJson(canonicalFields(content, "quaestio-answer-v2", true));
}

export interface SignatureState {
  id: string;
  contentHash: string;
  invalidatedAt: unknown;
}

/**
 * The invalidation rule: a valid signature whose hash differs from the content's current hash no longer
 * vouches for anything and is invalidated (its step is pending again). A save that changes nothing keeps them.
 */
export function signaturesToInvalidate<T extends SignatureState>(signatures: readonly T[], currentHash: string): T[] {
  return signatures.filter((s) => !s.invalidatedAt && s.contentHash !== currentHash);
}
