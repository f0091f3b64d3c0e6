/**
 * FICTIONAL DEMO DATA — not from the source documents.
 *
 * A few inquiries in progress so that the staff and faction views of Norderstedt and the Landtag NRW are not
 * empty: per body one draft, one submitted and one being answered (answer in drafting, DPO consultation
 * requested). All internal, all marked as fictional in their preamble, all with internal events for their
 * state changes. Dates lie in November 2026, before the day the demo was built.
 */
import { and, eq } from "drizzle-orm";
import { numberedReference } from "../../app/domain/numbering";
import {
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  consultations,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  organizations,
  questions,
  referenceCounters,
} from "../schema/index";
import type { DemoAccounts } from "./accounts";
import { first, insertEvents, paragraphs, richText, type BodyAnchor, type SeedEvent, type Tx } from "./support";

const FICTIONAL_NOTE = "Fiktiver Demo-Vorgang – nicht aus den Quelldokumenten.";

interface DemoInquiry {
  title: string;
  questions: string[];
}

interface DemoBodyWork {
  anchor: BodyAnchor;
  accounts: DemoAccounts;
  typeId: string;
  /** Reference and publicRef follow the type's referenceFormat by the rule of app/domain/numbering.ts. */
  period: string;
  /** The due date by the type's rule, or null where it cannot be computed (next meeting not scheduled). */
  dueOn(receivedOn: string): string | null;
  dueRuleLabel: string;
  draft: DemoInquiry;
  submitted: DemoInquiry;
  answering: DemoInquiry & { draftAnswer: string; questionsPut: string };
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function norderstedtWork(
  anchor: BodyAnchor,
  accounts: DemoAccounts,
  typeId: string,
  dueRuleLabel: string,
): DemoBodyWork {
  return {
    anchor,
    accounts,
    typeId,
    period: "2026",
    // "bis zur nächsten Sitzung des Ausschusses": no future meeting of the Hauptausschuss is in the demo data.
    dueOn: () => null,
    dueRuleLabel,
    draft: {
      title: "Nutzung von Messenger-Diensten in der Verwaltung",
      questions: [
        "Welche Messenger-Dienste nutzen Beschäftigte der Verwaltung dienstlich?",
        "Gibt es eine Dienstanweisung, die die dienstliche Nutzung von Messenger-Diensten regelt?",
      ],
    },
    submitted: {
      title: "Barrierefreiheit der Videokonferenzsysteme",
      questions: [
        "Welche Videokonferenzsysteme setzt die Verwaltung für Veranstaltungen mit Bürgerbeteiligung ein?",
        "Erfüllen diese Systeme die Anforderungen an barrierefreie Informationstechnik, etwa Untertitel und Bedienbarkeit per Tastatur?",
      ],
    },
    answering: {
      title: "Aufzeichnungen von Videokonferenzen",
      questions: [
        "Werden Besprechungen oder Sitzungen, die per Videokonferenz stattfinden, aufgezeichnet?",
        "Wo und wie lange werden solche Aufzeichnungen gespeichert?",
        "Wer hat Zugriff auf die Aufzeichnungen?",
      ],
      draftAnswer: "Entwurf: Die Verwaltung stellt die Angaben derzeit bei den Ämtern zusammen.",
      questionsPut: "Bestehen gegen die Speicherung von Aufzeichnungen aus Videokonferenzen datenschutzrechtliche Bedenken?",
    },
  };
}

export function landtagNrwWork(
  anchor: BodyAnchor,
  accounts: DemoAccounts,
  typeId: string,
  dueRuleLabel: string,
): DemoBodyWork {
  return {
    anchor,
    accounts,
    typeId,
    period: "18",
    dueOn: (receivedOn) => addDays(receivedOn, 28), // 4 weeks after receipt
    dueRuleLabel,
    draft: {
      title: "Einsatz von Cloud-Diensten in den Landesbehörden",
      questions: [
        "Welche Cloud-Dienste externer Anbieter werden in den Ministerien und im nachgeordneten Bereich genutzt?",
        "In welchen Fällen wurde vor der Einführung eine Datenschutz-Folgenabschätzung durchgeführt?",
        "Wo werden die in diesen Diensten verarbeiteten Daten gespeichert?",
      ],
    },
    submitted: {
      title: "Barrierefreiheit der Videokonferenzsysteme in der Landesverwaltung",
      questions: [
        "Welche der in der Landesverwaltung eingesetzten Videokonferenzsysteme sind barrierefrei nutzbar?",
        "Welche Maßnahmen plant die Landesregierung, um die Barrierefreiheit dieser Systeme zu verbessern?",
      ],
    },
    answering: {
      title: "Nutzung von Messenger-Diensten in der Landesverwaltung",
      questions: [
        "Welche Messenger-Dienste sind in der Landesverwaltung für die dienstliche Kommunikation zugelassen?",
        "Wie viele Beschäftigte nutzen diese Dienste?",
        "Welche Regelungen gelten für die Nutzung privater Endgeräte?",
      ],
      draftAnswer: "Entwurf: Die Angaben der Ressorts liegen noch nicht vollständig vor.",
      questionsPut: "Bestehen gegen die zugelassenen Messenger-Dienste datenschutzrechtliche Bedenken?",
    },
  };
}

/** Inserts one body's demo work and its counter (two numbered inquiries in the period). */
export async function seedDemoWork(tx: Tx, w: DemoBodyWork) {
  const { bodyId, answeringDepartmentId } = w.anchor;
  const factionId = w.accounts.organizations.faction;
  if (!answeringDepartmentId) throw new Error(`demo work for ${w.anchor.slug} needs a faction and a department`);
  // Numbered as a submission would number them today, so that seeded and new references look alike.
  const type = first(
    await tx
      .select({ code: inquiryTypes.code, referenceFormat: inquiryTypes.referenceFormat })
      .from(inquiryTypes)
      .where(and(eq(inquiryTypes.id, w.typeId), eq(inquiryTypes.bodyId, bodyId))),
  );
  const numbered = (n: number) => numberedReference({ referenceFormat: type.referenceFormat, typeCode: type.code, n, period: w.period });
  const faction = first(await tx.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, factionId)));
  const factionName = faction.name;
  const u = w.accounts.users;
  const dpoOffice = w.accounts.organizations.dpo;
  const events: SeedEvent[] = [];
  const inquiryEvent = (aggregateId: string, type: SeedEvent["type"], occurredOn: string, actorUserId: string, payload?: Record<string, unknown>) =>
    events.push({ bodyId, aggregateType: "inquiry", aggregateId, type, occurredOn, public: false, actorUserId, payload });

  const insertInquiry = async (
    spec: DemoInquiry,
    status: "draft" | "submitted" | "answering",
    numbering: { n: number; receivedOn: string } | null,
  ) => {
    const inquiry = first(
      await tx
        .insert(inquiries)
        .values({
          bodyId,
          typeId: w.typeId,
          period: numbering ? w.period : null,
          sequence: numbering?.n ?? null,
          reference: numbering ? numbered(numbering.n).reference : null,
          publicRef: numbering ? numbered(numbering.n).publicRef : null,
          title: spec.title,
          ...richText("preamble", paragraphs(FICTIONAL_NOTE)),
          status,
          visibility: "internal",
          originatorOrganizationId: factionId,
          leadOrganizationId: status === "answering" ? answeringDepartmentId : null,
          submittedOn: numbering?.receivedOn ?? null,
          receivedOn: numbering?.receivedOn ?? null,
          dueOn: numbering ? w.dueOn(numbering.receivedOn) : null,
          dueRuleLabel: numbering ? w.dueRuleLabel : null,
          createdByUserId: u.faction,
        })
        .returning({ id: inquiries.id }),
    );
    await tx.insert(inquiryOriginators).values({ inquiryId: inquiry.id, organizationId: factionId, label: factionName });
    const questionRows = await tx
      .insert(questions)
      .values(
        spec.questions.map((body, i) => ({
          inquiryId: inquiry.id,
          position: i + 1,
          number: String(i + 1),
          ...richText("body", paragraphs(body)),
        })),
      )
      .returning({ id: questions.id });
    return { id: inquiry.id, questionIds: questionRows.map((q) => q.id) };
  };

  // Being answered: submitted first, so it holds number 1.
  const answeringReceived = "2026-11-02";
  const answering = await insertInquiry(w.answering, "answering", { n: 1, receivedOn: answeringReceived });
  inquiryEvent(answering.id, "created", "2026-10-29", u.faction);
  inquiryEvent(answering.id, "submitted", answeringReceived, u.faction);
  inquiryEvent(answering.id, "received", answeringReceived, u.councilOffice, { reference: numbered(1).reference });
  inquiryEvent(answering.id, "assigned", "2026-11-03", u.councilOffice, { leadOrganizationId: answeringDepartmentId });
  inquiryEvent(answering.id, "answering", "2026-11-05", u.clerk);

  const answer = first(
    await tx
      .insert(answers)
      .values({ bodyId, inquiryId: answering.id, status: "drafting", leadOrganizationId: answeringDepartmentId })
      .returning({ id: answers.id }),
  );
  const version = first(
    await tx
      .insert(answerVersions)
      .values({ answerId: answer.id, versionNumber: 1, createdByUserId: u.clerk })
      .returning({ id: answerVersions.id }),
  );
  const part = first(
    await tx
      .insert(answerParts)
      .values({ versionId: version.id, position: 1, ...richText("body", paragraphs(w.answering.draftAnswer)) })
      .returning({ id: answerParts.id }),
  );
  await tx.insert(answerPartQuestions).values({ partId: part.id, questionId: answering.questionIds[0]! });
  const consultation = first(
    await tx
      .insert(consultations)
      .values({
        bodyId,
        answerId: answer.id,
        kind: "dpo",
        addresseeOrganizationId: dpoOffice,
        questionsPut: w.answering.questionsPut,
        status: "requested",
        requestedOn: "2026-11-12",
      })
      .returning({ id: consultations.id }),
  );
  events.push({
    bodyId,
    aggregateType: "consultation",
    aggregateId: consultation.id,
    type: "consultation_requested",
    occurredOn: "2026-11-12",
    public: false,
    actorUserId: u.clerk,
    payload: { answerId: answer.id, inquiryId: answering.id },
  });

  const submittedReceived = "2026-11-16";
  const submitted = await insertInquiry(w.submitted, "submitted", { n: 2, receivedOn: submittedReceived });
  inquiryEvent(submitted.id, "created", "2026-11-13", u.faction);
  inquiryEvent(submitted.id, "submitted", submittedReceived, u.faction);
  inquiryEvent(submitted.id, "received", submittedReceived, u.councilOffice, { reference: numbered(2).reference });

  await tx.insert(referenceCounters).values({ bodyId, typeId: w.typeId, period: w.period, lastValue: 2 });

  const draft = await insertInquiry(w.draft, "draft", null);
  inquiryEvent(draft.id, "created", "2026-11-19", u.faction);

  await insertEvents(tx, events);
}
