import { describe, expect, it } from "vitest";
import {
  answerStatus,
  assessmentResult,
  bodyKind,
  consultationKind,
  consultationVerdict,
  deploymentVariant,
  inquiryLifecycle,
  inquiryStatus,
  motionDecision,
  organizationKind,
  recommendationKind,
  signOffStepStatus,
  sourceKind,
  toolFactKey,
  withholdingReason,
} from "../../db/schema/index";
import {
  publicEventNote,
  ANSWER_STATUSES,
  ASSESSMENT_RESULTS,
  BODY_KINDS,
  CONSULTATION_KINDS,
  CONSULTATION_VERDICTS,
  DEPLOYMENT_VARIANTS,
  INQUIRY_LIFECYCLES,
  INQUIRY_STATUSES,
  MOTION_DECISIONS,
  ORGANIZATION_KINDS,
  RECOMMENDATION_KINDS,
  SIGN_OFF_STEP_STATUSES,
  SOURCE_KINDS,
  TOOL_FACT_KEYS,
  WITHHOLDING_REASONS,
  answerStatusLabels,
  assessmentResultLabels,
  bodyKindCouncilGenitive,
  bodyKindLabels,
  consultationKindLabels,
  consultationVerdictLabels,
  deploymentVariantLabels,
  inquiryStatusLabel,
  inquiryStatusLabels,
  motionDecisionLabels,
  organizationKindLabels,
  publicEventLabel,
  recommendationKindLabels,
  signOffStepStatusLabels,
  sourceKindLabels,
  toolFactKeyLabels,
  withholdingReasonLabels,
  NON_LIFECYCLE_INQUIRY_EVENTS,
  RECORDED_EVENTS,
  PUBLIC_NON_LIFECYCLE_EVENTS,
  inquiryEventLabel,
  inquiryEventLabels,
  publicEventLabels,
} from "~/domain/labels";
import { lifecycles } from "~/domain/lifecycles";

// Every enum of the schema has a label for every value, and no label for a value that does not exist.
describe.each([
  ["inquiry_status", inquiryStatus.enumValues, INQUIRY_STATUSES, inquiryStatusLabels],
  ["motion_decision", motionDecision.enumValues, MOTION_DECISIONS, motionDecisionLabels],
  ["inquiry_lifecycle", inquiryLifecycle.enumValues, INQUIRY_LIFECYCLES, null],
  ["withholding_reason", withholdingReason.enumValues, WITHHOLDING_REASONS, withholdingReasonLabels],
  ["consultation_kind", consultationKind.enumValues, CONSULTATION_KINDS, consultationKindLabels],
  ["consultation_verdict", consultationVerdict.enumValues, CONSULTATION_VERDICTS, consultationVerdictLabels],
  ["recommendation_kind", recommendationKind.enumValues, RECOMMENDATION_KINDS, recommendationKindLabels],
  ["assessment_result", assessmentResult.enumValues, ASSESSMENT_RESULTS, assessmentResultLabels],
  ["tool_fact_key", toolFactKey.enumValues, TOOL_FACT_KEYS, toolFactKeyLabels],
  ["deployment_variant", deploymentVariant.enumValues, DEPLOYMENT_VARIANTS, deploymentVariantLabels],
  ["body_kind", bodyKind.enumValues, BODY_KINDS, bodyKindLabels],
  ["body_kind (council)", bodyKind.enumValues, BODY_KINDS, bodyKindCouncilGenitive],
  ["organization_kind", organizationKind.enumValues, ORGANIZATION_KINDS, organizationKindLabels],
  ["sign_off_step_status", signOffStepStatus.enumValues, SIGN_OFF_STEP_STATUSES, signOffStepStatusLabels],
  ["answer_status", answerStatus.enumValues, ANSWER_STATUSES, answerStatusLabels],
  ["source_kind", sourceKind.enumValues, SOURCE_KINDS, sourceKindLabels],
] as const)("%s", (_name, schemaValues, domainValues, labels) => {
  it("lists the same values as the schema", () => {
    expect([...domainValues]).toEqual([...schemaValues]);
  });
  if (labels) {
    it("has a non-empty German label for every value and nothing else", () => {
      expect(Object.keys(labels).sort()).toEqual([...schemaValues].sort());
      for (const value of schemaValues) expect((labels as Record<string, string>)[value]?.trim()).toBeTruthy();
    });
  }
});

describe("wording", () => {
  it.each([
    [withholdingReasonLabels.it_security, "IT-Sicherheit"],
    [withholdingReasonLabels.personal_data, "Schutz personenbezogener Daten"],
    [withholdingReasonLabels.trade_secret, "Betriebs- und Geschäftsgeheimnis"],
    [withholdingReasonLabels.ongoing_proceedings, "laufendes Verfahren"],
    [withholdingReasonLabels.state_welfare, "Wohl des Landes"],
    [withholdingReasonLabels.other, "sonstiger Grund"],
    [assessmentResultLabels.meets, "erfüllt"],
    [assessmentResultLabels.does_not_meet, "nicht erfüllt"],
    [assessmentResultLabels.not_assessed, "noch nicht bewertet"],
    [signOffStepStatusLabels.unrecorded, "im Original unterzeichnet, nicht erfasst"],
    [consultationKindLabels.dpo, "Stellungnahme des behördlichen Datenschutzbeauftragten"],
    [recommendationKindLabels.restriction, "Einschränkungen"],
    [recommendationKindLabels.recommendation, "Empfehlungen"],
    [inquiryStatusLabels.answered, "beantwortet"],
    [toolFactKeyLabels.dpa_status, "Auftragsverarbeitungsvertrag"],
    [toolFactKeyLabels.dpia, "Datenschutz-Folgenabschätzung"],
  ])("%j is %j", (label, expected) => {
    expect(label).toBe(expected);
  });
});

describe("inquiryStatusLabel", () => {
  it.each([
    ["answered", {}, "beantwortet"],
    ["answering", { lifecycle: "inquiry" }, "Antwort in Arbeit"],
    ["submitted", { lifecycle: "inquiry" }, "eingereicht"],
    [
      "submitted",
      { lifecycle: "motion", bodyKind: "joint_municipality" },
      "eingereicht – Entscheidung des Samtgemeinderats steht aus",
    ],
    ["submitted", { lifecycle: "motion" }, "eingereicht – Entscheidung steht aus"],
    [
      "on_agenda",
      { lifecycle: "motion", bodyKind: "municipality" },
      "auf der Tagesordnung – Entscheidung des Rates steht aus",
    ],
    ["decided", { lifecycle: "motion", decision: "adopted" }, "beschlossen"],
    ["decided", { lifecycle: "motion", decision: "rejected" }, "abgelehnt"],
    ["decided", { lifecycle: "motion", decision: "referred" }, "überwiesen"],
    ["withdrawn", { lifecycle: "motion" }, "zurückgezogen"],
  ] as const)("%s %j → %s", (status, options, expected) => {
    expect(inquiryStatusLabel(status, options)).toBe(expected);
  });
});

describe("publicEventLabel", () => {
  it.each([
    ["submit", "eingereicht"],
    ["publish", "Antwort veröffentlicht"],
    ["extend_deadline", "Frist verlängert"],
    ["correct", "Antwort berichtigt"],
    ["letter_received", "Schreiben eingegangen"],
    // Internal steps and names nobody writes get the neutral label, never their internal name.
    ["start_answering", "Bearbeitungsschritt"],
    ["extension_requested", "Bearbeitungsschritt"],
    ["answer_published", "Bearbeitungsschritt"],
    ["something_internal", "Bearbeitungsschritt"],
  ])("%s → %s", (type, expected) => {
    expect(publicEventLabel(type)).toBe(expected);
  });
});

describe("public timeline labels for lifecycle events", () => {
  it.each([
    ["submit", "eingereicht"],
    ["accept", "angenommen"],
    ["withdraw", "zurückgezogen"],
    ["extend_deadline", "Frist verlängert"],
    ["publish", "Antwort veröffentlicht"],
    ["decide", "entschieden"],
  ])("%s → %s", (type, label) => {
    expect(publicEventLabel(type)).toBe(label);
  });

  const publicEvents = new Set<string>();
  const internalEvents = new Set<string>();
  for (const lifecycle of Object.values(lifecycles)) {
    for (const row of lifecycle.transitions) (row.publicEvent ? publicEvents : internalEvents).add(row.event);
  }

  it("labels every event that a lifecycle table marks public", () => {
    expect(publicEvents.size).toBeGreaterThan(0);
    for (const event of publicEvents) expect(publicEventLabel(event), event).not.toBe("Bearbeitungsschritt");
  });

  it("has public labels only for events that can be public: no alias that nobody writes", () => {
    const writable = new Set<string>([...publicEvents, ...RECORDED_EVENTS, ...PUBLIC_NON_LIFECYCLE_EVENTS]);
    for (const type of Object.keys(publicEventLabels)) expect(writable.has(type), type).toBe(true);
  });
});

describe("staff audit labels for inquiry events", () => {
  const everyEvent = [
    ...Object.values(lifecycles).flatMap((l) => l.transitions.map((row) => row.event)),
    ...NON_LIFECYCLE_INQUIRY_EVENTS,
    ...RECORDED_EVENTS,
  ];

  it("labels every lifecycle event, public or internal, and every non-lifecycle event name", () => {
    for (const event of everyEvent) expect(inquiryEventLabel(event).trim(), event).not.toBe("Bearbeitungsschritt");
    for (const event of everyEvent) expect(inquiryEventLabels[event]?.trim(), event).toBeTruthy();
  });

  it("names nothing else", () => {
    expect(Object.keys(inquiryEventLabels).sort()).toEqual([...new Set(everyEvent)].sort());
  });

  it.each([
    ["draft_created", "Entwurf angelegt"],
    ["coauthors_changed", "Mitautorinnen und Mitautoren geändert"],
    ["extension_requested", "Fristverlängerung beantragt"],
    ["extension_refused", "Fristverlängerung abgelehnt"],
    ["visibility_changed", "Sichtbarkeit geändert"],
    ["agenda_linked", "mit Tagesordnungspunkt verknüpft"],
    ["contributors_changed", "beteiligte Stellen geändert"],
    ["start_answering", "Beantwortung begonnen"],
    ["submit", "eingereicht"],
    ["unknown_thing", "Bearbeitungsschritt"],
  ])("%s → %s", (type, label) => {
    expect(inquiryEventLabel(type)).toBe(label);
  });
});

describe("publicEventNote", () => {
  it.each<[string, Record<string, unknown> | null, string | null]>([
    ["declare_inadmissible", { reason: " Personalangelegenheit ", from: "submitted" }, "Personalangelegenheit"],
    ["extend_deadline", { reason: "Ressortabstimmung", newDueOn: "2026-12-01" }, "Ressortabstimmung"],
    ["withdraw", { publicNote: "Hat sich erledigt." }, "Hat sich erledigt."],
    ["withdraw", { reason: "not the public field" }, null],
    ["submit", { reason: "never shown", submissionKey: "x" }, null],
    ["declare_inadmissible", { reason: 42 }, null],
    ["declare_inadmissible", { reason: "  " }, null],
    ["declare_inadmissible", null, null],
  ])("%s %j → %j", (type, payload, expected) => {
    expect(publicEventNote(type, payload)).toBe(expected);
  });
});
