/**
 * German labels for every enum value that a page shows, kept in one place so the wording can be reviewed.
 * The value lists mirror the pgEnums in db/schema (test/unit/labels.test.ts checks that they stay equal);
 * they are repeated here because app/domain imports nothing from the database layer.
 */
import { ANSWER_STATES } from "./answer-lifecycle";
import { INQUIRY_STATES } from "./inquiry-lifecycle";
import { answerStateWords, inquiryStateWords } from "./texts/status-words";

/** The inquiry lifecycle's states, then the motion's own (a motion shares draft, submitted and withdrawn). */
export const INQUIRY_STATUSES = [...INQUIRY_STATES, "on_agenda", "decided"] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const MOTION_DECISIONS = ["adopted", "rejected", "referred"] as const;
export type MotionDecision = (typeof MOTION_DECISIONS)[number];

export const INQUIRY_LIFECYCLES = ["inquiry", "motion"] as const;
export type InquiryLifecycle = (typeof INQUIRY_LIFECYCLES)[number];

export const WITHHOLDING_REASONS = [
  "it_security",
  "personal_data",
  "trade_secret",
  "ongoing_proceedings",
  "state_welfare",
  "other",
] as const;
export type WithholdingReason = (typeof WITHHOLDING_REASONS)[number];

export const CONSULTATION_KINDS = ["dpo", "supervisory_authority", "department"] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const CONSULTATION_VERDICTS = ["no_objection", "conditions", "objection"] as const;
export type ConsultationVerdict = (typeof CONSULTATION_VERDICTS)[number];

export const RECOMMENDATION_KINDS = ["restriction", "recommendation"] as const;
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number];

export const ASSESSMENT_RESULTS = ["meets", "does_not_meet", "not_assessed"] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export const TOOL_FACT_KEYS = [
  "vendor",
  "vendor_country",
  "deployment",
  "open_source",
  "end_to_end_encryption",
  "data_location",
  "third_country_transfer",
  "dpa_status",
  "threshold_analysis",
  "protection_needs",
  "risk_assessment",
  "dpia",
  "license",
  "pilot_status",
  "lawful_basis",
  "usage_status",
] as const;
export type ToolFactKey = (typeof TOOL_FACT_KEYS)[number];

export const DEPLOYMENT_VARIANTS = ["on_premise", "public_cloud", "hybrid", "unknown"] as const;
export type DeploymentVariant = (typeof DEPLOYMENT_VARIANTS)[number];

export const BODY_KINDS = ["municipality", "joint_municipality", "state_parliament", "city_state"] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const ORGANIZATION_KINDS = [
  "council",
  "committee",
  "faction",
  "department",
  "council_office",
  "dpo_office",
  "executive",
  "supervisory_authority",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SIGN_OFF_STEP_STATUSES = ["pending", "signed", "returned", "not_required", "unrecorded"] as const;
export type SignOffStepStatus = (typeof SIGN_OFF_STEP_STATUSES)[number];

export const ANSWER_STATUSES = ANSWER_STATES;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const SOURCE_KINDS = ["answer", "letter", "motion", "guideline", "website", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const AGENDA_PURPOSES = ["raised", "answer", "decision"] as const;
export type AgendaPurpose = (typeof AGENDA_PURPOSES)[number];

// ---- the labels ---------------------------------------------------------------------------------------

export const inquiryStatusLabels: Record<InquiryStatus, string> = inquiryStateWords;

/** One line per status that says what it means, shown beside the status on an inquiry's page. */
export const inquiryStatusExplanations: Record<InquiryStatus, string> = {
  draft: "Die Anfrage wird noch geschrieben und ist nicht eingereicht.",
  submitted: "Die Anfrage ist eingegangen und wird auf ihre Zulässigkeit geprüft.",
  inadmissible: "Die Anfrage wurde für unzulässig erklärt und wird nicht beantwortet.",
  accepted: "Die Anfrage ist zulässig; als Nächstes wird bestimmt, wer sie beantwortet.",
  assigned: "Eine Stelle der Verwaltung ist für die Antwort zuständig; die Arbeit daran hat noch nicht begonnen.",
  answering: "Die zuständige Stelle schreibt die Antwort.",
  answered: "Die Antwort liegt vor.",
  withdrawn: "Die Anfrage wurde von den Fragestellenden zurückgezogen.",
  on_agenda: "Der Antrag steht auf der Tagesordnung einer Sitzung.",
  decided: "Über den Antrag wurde entschieden.",
};

export const motionDecisionLabels: Record<MotionDecision, string> = {
  adopted: "beschlossen",
  rejected: "abgelehnt",
  referred: "überwiesen",
};

export const withholdingReasonLabels: Record<WithholdingReason, string> = {
  it_security: "IT-Sicherheit",
  personal_data: "Schutz personenbezogener Daten",
  trade_secret: "Betriebs- und Geschäftsgeheimnis",
  ongoing_proceedings: "laufendes Verfahren",
  state_welfare: "Wohl des Landes",
  other: "sonstiger Grund",
};

/** Section heading of a published statement, by who was consulted. */
export const consultationKindLabels: Record<ConsultationKind, string> = {
  dpo: "Stellungnahme des behördlichen Datenschutzbeauftragten",
  supervisory_authority: "Stellungnahme der Datenschutzaufsichtsbehörde",
  department: "Stellungnahme eines beteiligten Fachbereichs",
};

export const consultationVerdictLabels: Record<ConsultationVerdict, string> = {
  no_objection: "keine Bedenken",
  conditions: "Einsatz nur unter Einschränkungen",
  objection: "Bedenken",
};

/** Headings of the two lists a statement's recommendations are split into. */
export const recommendationKindLabels: Record<RecommendationKind, string> = {
  restriction: "Einschränkungen",
  recommendation: "Empfehlungen",
};

export const assessmentResultLabels: Record<AssessmentResult, string> = {
  meets: "erfüllt",
  does_not_meet: "nicht erfüllt",
  not_assessed: "noch nicht bewertet",
};

export const toolFactKeyLabels: Record<ToolFactKey, string> = {
  vendor: "Hersteller",
  vendor_country: "Sitz des Herstellers",
  deployment: "Betriebsform",
  open_source: "Open Source",
  end_to_end_encryption: "Ende-zu-Ende-Verschlüsselung",
  data_location: "Speicherort der Daten",
  third_country_transfer: "Übermittlung in Drittländer",
  dpa_status: "Auftragsverarbeitungsvertrag",
  threshold_analysis: "Schwellwertanalyse",
  protection_needs: "Schutzbedarfsfeststellung",
  risk_assessment: "Risikobetrachtung",
  dpia: "Datenschutz-Folgenabschätzung",
  license: "Lizenz",
  pilot_status: "Erprobungsstand",
  lawful_basis: "Rechtsgrundlage",
  usage_status: "Einsatzstatus",
};

export const deploymentVariantLabels: Record<DeploymentVariant, string> = {
  on_premise: "On-Premise (eigener Betrieb)",
  public_cloud: "Public Cloud",
  hybrid: "Hybrid",
  unknown: "unbekannt",
};

export const bodyKindLabels: Record<BodyKind, string> = {
  municipality: "Stadt / Gemeinde",
  joint_municipality: "Samtgemeinde",
  state_parliament: "Landesparlament",
  city_state: "Stadtstaat",
};

/** The deciding assembly of a body in the genitive, for "Entscheidung des Samtgemeinderats steht aus". */
export const bodyKindCouncilGenitive: Record<BodyKind, string> = {
  municipality: "des Rates",
  joint_municipality: "des Samtgemeinderats",
  state_parliament: "des Landtags",
  city_state: "der Bürgerschaft",
};

export const organizationKindLabels: Record<OrganizationKind, string> = {
  council: "Rat / Parlament",
  committee: "Ausschuss",
  faction: "Fraktion",
  department: "Verwaltungseinheit",
  council_office: "Ratsbüro / Parlamentsverwaltung",
  dpo_office: "Behördliche/r Datenschutzbeauftragte/r",
  executive: "Verwaltungsspitze / Regierung",
  supervisory_authority: "Aufsichtsbehörde",
  other: "sonstige Stelle",
};

export const signOffStepStatusLabels: Record<SignOffStepStatus, string> = {
  pending: "ausstehend",
  signed: "gezeichnet",
  returned: "zur Überarbeitung zurückgegeben",
  not_required: "nicht erforderlich",
  unrecorded: "im Original unterzeichnet, nicht erfasst",
};

export const answerStatusLabels: Record<AnswerStatus, string> = answerStateWords;

export const sourceKindLabels: Record<SourceKind, string> = {
  answer: "Antwort",
  letter: "Schreiben",
  motion: "Antrag",
  guideline: "Leitfaden",
  website: "Website",
  other: "sonstige Quelle",
};

/** How an agenda item relates to the inquiry (Beratungsfolge), shown after "Hauptausschuss, 04.05.2020, TOP 26.7". */
export const agendaPurposeLabels: Record<AgendaPurpose, string> = {
  raised: "Anfrage gestellt",
  answer: "Antwort auf der Tagesordnung",
  decision: "Entscheidung",
};

// ---- event labels -------------------------------------------------------------------------------------
//
// Lifecycle transitions are logged under the engine's event names (app/domain/*-lifecycle.ts). Everything else
// recorded about an inquiry uses one of the names below; nothing else is written to an inquiry's log.

// The lists of event names live in ./events (one list for every event row); re-exported for the label tables.
export {
  NON_LIFECYCLE_INQUIRY_EVENTS,
  RECORDED_EVENTS,
  type NonLifecycleInquiryEvent,
  type RecordedEvent,
} from "./events";

/** Public timeline entries: the public lifecycle events and the receipt of a letter. */
export const publicEventLabels: Record<string, string> = {
  // inquiry lifecycle
  submit: "eingereicht",
  accept: "angenommen",
  declare_inadmissible: "als unzulässig zurückgewiesen",
  assign: "zur Beantwortung zugewiesen",
  answer: "beantwortet",
  withdraw: "zurückgezogen",
  extend_deadline: "Frist verlängert",
  // motion lifecycle
  put_on_agenda: "auf die Tagesordnung gesetzt",
  decide: "entschieden",
  // answer lifecycle
  publish: "Antwort veröffentlicht",
  correct: "Antwort berichtigt",
  // from the documents
  letter_received: "Schreiben eingegangen",
  // the answer workflow, outside the lifecycle
  holding_answer: "Zwischennachricht",
};

/** Non-lifecycle events that are public on a public inquiry. */
export const PUBLIC_NON_LIFECYCLE_EVENTS = ["holding_answer"] as const;

/**
 * The part of a public event's payload that the public timeline shows beside its label: what the council
 * office gave as the reason for declaring an inquiry inadmissible or for an extension, and the faction's public
 * note on a withdrawal. Nothing else of a payload is ever shown publicly.
 */
const PUBLIC_EVENT_NOTE_FIELD: Record<string, string> = {
  declare_inadmissible: "reason",
  extend_deadline: "reason",
  withdraw: "publicNote",
  holding_answer: "note",
};

export function publicEventNote(type: string, payload: Record<string, unknown> | null | undefined): string | null {
  const field = PUBLIC_EVENT_NOTE_FIELD[type];
  const value = field ? payload?.[field] : undefined;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** Every event of an inquiry, its answer or its consultations, as the staff audit views name it. */
export const inquiryEventLabels: Record<string, string> = {
  ...publicEventLabels,
  start_answering: "Beantwortung begonnen",
  request_consultation: "Stellungnahme angefordert",
  consultation_answered: "Stellungnahme abgegeben",
  send_to_sign_off: "zur Mitzeichnung gegeben",
  return_for_revision: "zur Überarbeitung zurückgegeben",
  approve: "Antwort freigegeben",
  revise: "nach einer Zeichnung geändert, Zeichnungen ungültig",
  sign_off_signed: "gezeichnet",
  correction_started: "Berichtigung begonnen",
  attachment_added: "Anlage hinzugefügt",
  attachment_removed: "Anlage entfernt",
  attachment_visibility_changed: "Sichtbarkeit einer Anlage geändert",
  consultation_attachment_added: "Anlage zur Beteiligung hinzugefügt",
  consultation_attachment_removed: "Anlage zur Beteiligung entfernt",
  correction_signed: "Berichtigung gezeichnet",
  consultation_requested: "Stellungnahme angefordert",
  draft_created: "Entwurf angelegt",
  draft_saved: "Entwurf gespeichert",
  coauthors_changed: "Mitautorinnen und Mitautoren geändert",
  extension_requested: "Fristverlängerung beantragt",
  extension_refused: "Fristverlängerung abgelehnt",
  visibility_changed: "Sichtbarkeit geändert",
  question_text_hidden: "Fragetext öffentlich verborgen",
  question_text_shown: "Fragetext öffentlich wieder gezeigt",
  agenda_linked: "mit Tagesordnungspunkt verknüpft",
  contributors_changed: "beteiligte Stellen geändert",
  draft_deleted: "Entwurf gelöscht",
  contribution_requested: "Zulieferung angefordert",
  contribution_delivered: "Zulieferung abgegeben",
  authority_letter_received: "Schreiben der Aufsichtsbehörde erfasst",
  authority_reply_sent: "Antwortschreiben an die Aufsichtsbehörde erfasst",
  consultation_quote_changed: "Veröffentlichung der Stellungnahme geändert",
  tool_inventory_changed: "Werkzeugverzeichnis geändert",
};

/** The public timeline's label; an unknown type gets a neutral label rather than its internal name. */
export function publicEventLabel(type: string): string {
  return publicEventLabels[type] ?? "Bearbeitungsschritt";
}

/** The staff audit label of an inquiry's event; an unknown type gets the same neutral label. */
export function inquiryEventLabel(type: string): string {
  return inquiryEventLabels[type] ?? "Bearbeitungsschritt";
}

/**
 * The status as the public reads it. Motions (Anträge) name what is still missing:
 * "eingereicht – Entscheidung des Samtgemeinderats steht aus".
 */
export function inquiryStatusLabel(
  status: InquiryStatus,
  options: { lifecycle?: InquiryLifecycle; decision?: MotionDecision | null; bodyKind?: BodyKind } = {},
): string {
  if (options.lifecycle === "motion") {
    const council = options.bodyKind ? ` ${bodyKindCouncilGenitive[options.bodyKind]}` : "";
    if (status === "submitted" || status === "accepted" || status === "assigned") {
      return `eingereicht – Entscheidung${council} steht aus`;
    }
    if (status === "on_agenda") return `auf der Tagesordnung – Entscheidung${council} steht aus`;
    if (status === "decided" && options.decision) return motionDecisionLabels[options.decision];
  }
  return inquiryStatusLabels[status];
}
