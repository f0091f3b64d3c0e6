/**
 * The rows of one generated inquiry — the inquiry, its originator, questions, events and, when answered, the
 * published answer with parts, some withheld parts and some tool inventories — added to the COPY buffers.
 * Rows respect the schema's NOT NULLs, foreign keys and CHECKs (numbering, decision only when decided, due
 * date after receipt).
 */
import { numberedReference } from "../../app/domain/numbering";
import { TableBuffer } from "./corpus-bulk";
import { inquiryText, pickStatus, type Random, richText, type CorpusStatus } from "./corpus-text";

export interface TypeContext {
  id: string;
  code: string;
  lifecycle: "inquiry" | "motion";
  numberingPeriod: "year" | "term";
  referenceFormat: string;
  dueRuleLabel: string;
  /** Days from receipt to due date; null when the type has no deadline. */
  dueDays: number | null;
  /** Share among the body's types. */
  weight: number;
  questions: [number, number];
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface BodyContext {
  slug: string;
  id: string;
  types: TypeContext[];
  /** Originators with weights (factions; for letters the supervisory authority). */
  originators: { org: OrgRef; weight: number; userId: string | null }[];
  departments: OrgRef[];
  documentKind: string | null;
  /** Last sequence per type and period (continues the demo data's numbering). */
  counters: Map<string, number>;
  firstDay: Date;
}

export interface ToolRef {
  id: string;
  name: string;
}

/** Fresh COPY buffers for every table the corpus writes, in foreign-key order. */
export function createTables() {
  return {
    inquiries: new TableBuffer("inquiries", [
      "id",
      "body_id",
      "type_id",
      "period",
      "sequence",
      "reference",
      "public_ref",
      "title",
      "preamble_json",
      "preamble_html",
      "preamble_text",
      "status",
      "visibility",
      "originator_organization_id",
      "lead_organization_id",
      "submitted_on",
      "received_on",
      "due_on",
      "due_rule_label",
      "withdrawn_on",
      "withdrawal_note",
      "motion_decision",
      "motion_decision_note",
      "created_by_user_id",
      "created_at",
      "updated_at",
      "version",
    ]),
    inquiry_originators: new TableBuffer("inquiry_originators", [
      "id",
      "inquiry_id",
      "organization_id",
      "label",
      "position",
    ]),
    questions: new TableBuffer("questions", [
      "id",
      "inquiry_id",
      "position",
      "number",
      "body_json",
      "body_html",
      "body_text",
    ]),
    answers: new TableBuffer("answers", [
      "id",
      "body_id",
      "inquiry_id",
      "status",
      "lead_organization_id",
      "created_at",
      "version",
    ]),
    answer_versions: new TableBuffer("answer_versions", [
      "id",
      "answer_id",
      "version_number",
      "document_kind",
      "document_reference",
      "document_date",
      "issued_by_label",
      "published_at",
      "created_at",
    ]),
    answer_parts: new TableBuffer("answer_parts", [
      "id",
      "version_id",
      "position",
      "joint_note",
      "body_json",
      "body_html",
      "body_text",
    ]),
    answer_part_questions: new TableBuffer("answer_part_questions", ["part_id", "question_id"]),
    withholdings: new TableBuffer("withholdings", [
      "id",
      "version_id",
      "part_id",
      "reason",
      "subject",
      "public_justification",
      "withheld_text",
      "created_at",
    ]),
    tool_inventories: new TableBuffer("tool_inventories", [
      "id",
      "version_id",
      "position",
      "title",
      "count_label",
      "question_number",
      "frozen_at",
      "created_at",
    ]),
    tool_inventory_rows: new TableBuffer("tool_inventory_rows", [
      "id",
      "inventory_id",
      "position",
      "tool_id",
      "variant",
      "label",
      "workplace_count",
    ]),
    events: new TableBuffer("events", [
      "body_id",
      "aggregate_type",
      "aggregate_id",
      "type",
      "actor_user_id",
      "occurred_at",
      "recorded_at",
      "public",
      "payload",
    ]),
  };
}

export type Tables = ReturnType<typeof createTables>;

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/** NRW legislative terms (Wahlperioden) by start date. */
const TERMS: [number, string][] = [
  [18, "2022-06-01"],
  [17, "2017-06-01"],
  [16, "2012-05-31"],
  [15, "2010-06-09"],
  [14, "2005-06-08"],
];

export function periodOf(kind: "year" | "term", date: Date): string {
  if (kind === "year") return String(date.getUTCFullYear());
  const iso = day(date);
  for (const [term, start] of TERMS) if (iso >= start) return String(term);
  return "14";
}

const WITHHOLDING_REASONS = ["it_security", "personal_data", "trade_secret", "ongoing_proceedings", "state_welfare"];
const VARIANTS = [
  ["on_premise", "On-Premise"],
  ["public_cloud", "Public-Cloud"],
  ["hybrid", "Hybrid"],
  ["unknown", null],
] as const;

export interface InquiryPlan {
  body: BodyContext;
  /** Receipt date (for drafts: creation date). */
  received: Date;
  open: boolean;
  now: Date;
}

/** Adds one inquiry with everything that belongs to it; returns its status. */
export function addInquiry(random: Random, plan: InquiryPlan, tables: Tables, tools: readonly ToolRef[]): CorpusStatus {
  const { body, received, open, now } = plan;
  const type = pickByWeight(random, body.types, (t) => t.weight);
  const status = pickStatus(random, type.lifecycle, open);
  const originator = pickByWeight(random, body.originators, (o) => o.weight);
  const year = received.getUTCFullYear();
  const text = inquiryText(random, year, random.int(type.questions[0], type.questions[1]));
  const id = random.uuid();
  const questionIds = text.questions.map(() => random.uuid());
  const draft = status === "draft";
  const receivedOn = day(received);
  const due = type.dueDays === null || draft ? null : addDays(received, type.dueDays + random.int(0, 6));

  let numbering: { period: string; sequence: number; reference: string; publicRef: string } | null = null;
  if (!draft) {
    const period = periodOf(type.numberingPeriod, received);
    const key = `${type.id}|${period}`;
    const n = (body.counters.get(key) ?? 0) + 1;
    body.counters.set(key, n);
    numbering = numberedReference({ referenceFormat: type.referenceFormat, typeCode: type.code, n, period });
  }
  const lead = ["assigned", "answering", "answered"].includes(status) ? random.pick(body.departments) : null;
  const internal = draft || (status === "submitted" && type.lifecycle === "inquiry");

  // Timeline: one public or internal event per step, dated after receipt.
  const events: { type: string; at: Date; public: boolean; payload: Record<string, unknown>; aggregate?: "answer" }[] =
    [];
  const created = addDays(received, -random.int(1, 5));
  events.push({ type: "draft_created", at: created, public: false, payload: { title: text.title, source: "corpus" } });
  let at = received;
  const step = (type: string, isPublic: boolean, payload: Record<string, unknown>, days: number) => {
    at = new Date(Math.min(addDays(at, days).getTime(), now.getTime() - 60_000));
    events.push({ type, at, public: isPublic, payload: { source: "corpus", ...payload } });
  };
  if (numbering) {
    step("submit", !internal, { from: "draft", to: "submitted", receivedOn, dueOn: due && day(due), ...numbering }, 0);
  }
  let withdrawnOn: string | null = null;
  let withdrawalNote: string | null = null;
  let decision: string | null = null;
  let decisionNote: string | null = null;
  let answeredAt: Date | null = null;

  if (type.lifecycle === "motion") {
    if (["on_agenda", "decided"].includes(status) || (status === "withdrawn" && random.chance(0.5))) {
      step(
        "put_on_agenda",
        true,
        { from: "submitted", to: "on_agenda", agendaItem: String(random.int(3, 14)) },
        random.int(3, 20),
      );
    }
    if (status === "decided") {
      decision = random.weighted({ adopted: 55, rejected: 30, referred: 15 });
      decisionNote =
        decision === "referred"
          ? "Der Antrag wird in den Fachausschuss verwiesen."
          : "Der Rat hat über den Antrag abgestimmt.";
      step("decide", true, { from: "on_agenda", to: "decided", decision, note: decisionNote }, random.int(1, 10));
    }
  } else if (!draft && status !== "submitted") {
    if (status === "inadmissible") {
      step(
        "declare_inadmissible",
        true,
        { from: "submitted", to: "inadmissible", reason: "Die Anfrage betrifft keine Angelegenheit der Körperschaft." },
        random.int(1, 5),
      );
    } else {
      step("accept", true, { from: "submitted", to: "accepted" }, random.int(0, 3));
      if (lead)
        step("assign", true, { from: "accepted", to: "assigned", leadOrganizationId: lead.id }, random.int(0, 3));
      if (status === "answering" || status === "answered")
        step("start_answering", false, { from: "assigned", to: "answering" }, random.int(0, 4));
    }
  }
  if (status === "withdrawn") {
    withdrawnOn = day(addDays(at, random.int(1, 10)));
    withdrawalNote = "Die Anfrage hat sich durch die Beratung im Ausschuss erledigt.";
    step("withdraw", true, { to: "withdrawn", publicNote: withdrawalNote }, random.int(1, 10));
  }

  let answerId: string | null = null;
  if (status === "answered" || (status === "answering" && random.chance(0.5))) {
    answerId = random.uuid();
    const published = status === "answered";
    if (published) {
      const span = type.dueDays ?? 30;
      answeredAt = new Date(
        Math.min(
          addDays(received, Math.round(span * (0.4 + random.next() * 0.9))).getTime(),
          now.getTime() - 3_600_000,
        ),
      );
    }
    addAnswer(
      random,
      { body, inquiryId: id, answerId, lead: lead!, text, questionIds, published: answeredAt, received, numbering },
      tables,
      tools,
    );
  }
  if (answeredAt && answerId) {
    at = answeredAt;
    for (const [t, isPublic] of [
      ["send_to_sign_off", false],
      ["approve", false],
      ["publish", true],
    ] as const) {
      events.push({
        type: t,
        at: answeredAt,
        public: isPublic,
        aggregate: "answer",
        payload: { source: "corpus", inquiryId: id, ...(t === "publish" ? { versionNumber: 1 } : {}) },
      });
    }
    events.push({
      type: "answer",
      at: answeredAt,
      public: true,
      payload: { source: "corpus", from: "answering", to: "answered", answerId },
    });
  }

  const preamble = text.preamble ? richText(text.preamble) : null;
  tables.inquiries.add([
    id,
    body.id,
    type.id,
    numbering?.period,
    numbering?.sequence,
    numbering?.reference,
    numbering?.publicRef,
    text.title,
    preamble?.json,
    preamble?.html,
    preamble?.text,
    status,
    internal ? "internal" : "public",
    originator.org.id,
    lead?.id,
    numbering ? receivedOn : null,
    numbering ? receivedOn : null,
    due && day(due),
    due ? type.dueRuleLabel : null,
    withdrawnOn,
    withdrawalNote,
    decision,
    decisionNote,
    originator.userId,
    created.toISOString(),
    (answeredAt ?? at).toISOString(),
    events.length,
  ]);
  tables.inquiry_originators.add([random.uuid(), id, originator.org.id, originator.org.name, 1]);
  text.questions.forEach((q, i) => {
    const rt = richText(q);
    tables.questions.add([questionIds[i], id, i + 1, String(i + 1), rt.json, rt.html, rt.text]);
  });
  for (const e of events) {
    tables.events.add([
      body.id,
      e.aggregate ?? "inquiry",
      e.aggregate ? answerId : id,
      e.type,
      e.type === "draft_created" ? originator.userId : null,
      e.at.toISOString(),
      e.at.toISOString(),
      e.public,
      JSON.stringify(e.payload),
    ]);
  }
  return status;
}

interface AnswerInput {
  body: BodyContext;
  inquiryId: string;
  answerId: string;
  lead: OrgRef;
  text: ReturnType<typeof inquiryText>;
  questionIds: string[];
  published: Date | null;
  received: Date;
  numbering: { period: string; sequence: number } | null;
}

function addAnswer(random: Random, a: AnswerInput, tables: Tables, tools: readonly ToolRef[]) {
  const versionId = random.uuid();
  const createdAt = addDays(a.received, 1).toISOString();
  tables.answers.add([
    a.answerId,
    a.body.id,
    a.inquiryId,
    a.published ? "published" : "drafting",
    a.lead.id,
    createdAt,
    a.published ? 4 : 1,
  ]);
  const documentReference =
    a.published && a.numbering && a.body.documentKind === "Drucksache"
      ? `${a.numbering.period}/${a.numbering.sequence + 10_000}`
      : a.published && a.body.documentKind === "Mitteilungsvorlage"
        ? `M ${String(a.published.getUTCFullYear()).slice(2)}/${String(a.numbering?.sequence ?? 1).padStart(4, "0")}`
        : null;
  tables.answer_versions.add([
    versionId,
    a.answerId,
    1,
    a.body.documentKind,
    documentReference,
    a.published && day(a.published),
    a.lead.name,
    a.published?.toISOString(),
    createdAt,
  ]);
  // One part per question; now and then two questions answered jointly.
  const partIds: string[] = [];
  let position = 0;
  const questionCount = a.questionIds.length;
  for (let q = 0; q < questionCount; q++) {
    const joint = q + 1 < questionCount && random.chance(0.08);
    const partId = random.uuid();
    partIds.push(partId);
    const rt = richText(a.text.answerFor(q));
    tables.answer_parts.add([
      partId,
      versionId,
      ++position,
      joint ? a.text.jointNote(String(q + 1), String(q + 2)) : null,
      rt.json,
      rt.html,
      rt.text,
    ]);
    tables.answer_part_questions.add([partId, a.questionIds[q]]);
    if (joint) tables.answer_part_questions.add([partId, a.questionIds[++q]]);
  }
  if (a.published && random.chance(0.03)) {
    tables.withholdings.add([
      random.uuid(),
      versionId,
      random.pick(partIds),
      random.pick(WITHHOLDING_REASONS),
      "Einzelheiten zu eingesetzten Systemen und Dienstleistern",
      "Die gewünschten Angaben können aus Gründen der IT-Sicherheit nicht veröffentlicht werden; sie würden Angriffe auf die Systeme erleichtern.",
      random.chance(0.5) ? "Nicht öffentlicher Teil der Antwort (Korpus)." : null,
      createdAt,
    ]);
  }
  if (a.published && random.chance(0.08)) {
    const inventoryId = random.uuid();
    tables.tool_inventories.add([
      inventoryId,
      versionId,
      1,
      "Eingesetzte Software",
      "Arbeitsplätze",
      "1",
      a.published.toISOString(),
      createdAt,
    ]);
    const count = random.int(2, 6);
    const start = random.int(0, tools.length - 1);
    for (let r = 0; r < count; r++) {
      const tool = tools[(start + r) % tools.length]!;
      const [variant, label] = random.pick(VARIANTS);
      tables.tool_inventory_rows.add([
        random.uuid(),
        inventoryId,
        r + 1,
        tool.id,
        variant,
        label ? `${tool.name} (${label})` : tool.name,
        random.chance(0.85) ? random.int(1, 5000) : null,
      ]);
    }
  }
}

function pickByWeight<T>(random: Random, items: readonly T[], weight: (item: T) => number): T {
  const total = items.reduce((sum, item) => sum + weight(item), 0);
  let r = random.next() * total;
  for (const item of items) {
    r -= weight(item);
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}
