/**
 * Freie und Hansestadt Hamburg: the Senatskanzlei's reply of 26 March 2021 (seed 002) to a letter of the
 * Hamburgische Beauftragte für Datenschutz und Informationsfreiheit of 5 March 2021. That letter itself is not
 * among the documents: the inquiry carries no preamble and one question that only says, in the reply's
 * words, what the letter raised. The reply is the answer, its text the letter's own.
 */
import {
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  bodies,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  people,
  questions,
  referenceCounters,
  sources,
} from "../schema/index";
import {
  berlinNoon,
  first,
  answeredEvents,
  insertEvents,
  insertOrganizations,
  paragraphs,
  richText,
  type BodyAnchor,
  type Tx,
} from "./support";

const SUBJECT = "Nutzung von Zoom und Microsoft 365 in der FHH";
const SUPERVISORY_AUTHORITY = "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit";
const DEADLINE_LABEL = "keine feste Frist";

const replyParagraphs = [
  "Ihr Schreiben vom 5. März 2021 habe ich aufmerksam zur Kenntnis genommen. Ich danke Ihnen, dass Sie mir Ihre aufsichtsbehördlichen Bedenken frühzeitig mitteilen. Ich bin aber zuversichtlich, dass diese im Ergebnis nicht greifen.",
  "Wie Sie richtig anmerken, hat sich der Senat in seiner IT-Politik zum Ziel gesetzt, ein Bekenntnis zur Entwicklung der FHH in Richtung auf mehr digitale Souveränität und Transparenz abzugeben. Dieses ist ein wichtiges Ziel, das auch weiterhin mit besonderem Augenmerk verfolgt wird. Aus diesem Grund beteiligt sich Hamburg an der Arbeitsgruppe 'Cloud und Digitale Souveränität' des IT-Planungsrats. Diese Arbeitsgruppe hat bereits Ziele, Lösungsansätze und Maßnahmen formuliert. Unter Anderem hat sie 'Digitale Souveränität' als ein wichtiges Ziel im Umgang mit digitaler Technologie, aber auch als wichtigen Maßstab zur Bewertung von IT-Lösungen definiert.",
  "Bei den Entscheidungen, an welchen Stellen in der IT-Infrastruktur der Hamburger Verwaltung welche Produkte zum Einsatz kommen, wägen wir ab, wie ein effizientes Verwaltungshandeln unter Beachtung wirtschaftlicher Vorgaben und dennoch ausgerichtet an technischen Standards erreicht werden kann. Vor diesem Hintergrund sind bereits ca. 40 % der eingesetzten IT-Systeme quelloffene Produkte.",
  "Vor dem Einsatz aller IT-Produkte wird darauf geachtet, dass datenschutzrechtliche Vorgaben, aber auch die Aspekte der Datensicherheit, der Gebrauchstauglichkeit, der Wirtschaftlichkeit, der Barrierefreiheit und der Nachhaltigkeit beachtet werden. Nur wenn sichergestellt werden kann, dass die hier bestehenden Vorgaben umgesetzt werden können, werden diese IT-Produkte in der IT-Infrastruktur implementiert. Diesen Implementierungsprozess haben wir in den IT-Richtlinien der FHH genau beschrieben.",
  "Im Zuge der Pandemie haben wir in der Verwaltung der FHH feststellen müssen, dass unsere Kommunikationssysteme verwaltungsintern gut funktionieren. Sie funktionieren aber nur bedingt in der Zusammenarbeit mit Bürgerinnen und Bürgern oder anderen Institutionen. Darum haben wir erkannt, dass in diesem Bereich weitere Systeme zum Einsatz kommen sollten, um gerade in diesen Zeiten eingeschränkter Präsenzveranstaltungen eine Kommunikation zu ermöglichen, die auf eine breite Akzeptanz jenseits der Verwaltung stößt. Wir haben deshalb entschieden, möglichst kurzfristig Zoom in der Verwaltung der FHH einzuführen. Aktuell wird die lizenzfreie kostenlose Version von Zoom verwendet, perspektivisch soll aber die lizenzbasierte Version von Zoom eingeführt werden, hierzu überprüfen wir die rechtliche Umsetzbarkeit.",
  "Bezogen auf den Datenschutz möchte ich Ihnen folgendes mitteilen:",
  "In Sachen Zoom wurde die Schutzbedarfsfeststellung, die Risikobetrachtung und die Schwellwertanalyse erarbeitet. Eine Datenschutzfolgenabschätzung für den Gebrauch des Videokonferenzsystems für nicht-vertrauliche Gespräche mit nicht besonders schutzbedürftigen Gesprächspartnern wurde erstellt. Sie liegt unserem behördlichen Datenschutzbeauftragten jetzt vor, so dass der reguläre Weg der Information beschritten werden kann.",
  'Zu Detailfragen sind wir zudem mit der Firma Zoom im Gespräch. Wie Sie wissen, hat sich die Berliner Aufsichtsbehörde zu Zoom geäußert. Dabei hat die Berliner Aufsichtsbehörde nicht das "System Zoom" überprüft, sondern Mängel in Form von Ungenauigkeiten und Widersprüchen in den DPA (Data Processing Addendum) gerügt. Zoom prüft die Anmerkungen der Berliner Aufsichtsbehörde sehr genau und nimmt Kritikpunkte der Aufsichtsbehörden sehr ernst. Nach Angaben von Zoom sind die Beanstandungen der Berliner Behörde nach Herstellung einer kundenspezifischen DPA nicht mehr gerechtfertigt.',
  "Laut Zoom werden alle Vorgaben eingehalten, was von uns überprüft wird, sobald uns diese Unterlagen nach der Abstimmung von Zoom und der Berliner Behörde zur Verfügung stehen. Bei unserer Befassung mit Zoom hat sich bereits jetzt herausgestellt, dass die Nutzung im Rahmen der bezahlten Lizenzversion als Kommunikationstool mit externen Dritten deutlich sicherer ist als eine unkontrollierte Nutzung der kostenlosen Version, die bereits jetzt stattfindet.",
  "In dem Zusammenhang haben wir vernommen, dass Zoom auch mit Ihnen bereits im Gespräch ist.",
  "Gerne können wir uns nach unserer Überprüfung der Vorgaben gemeinsam mit Zoom zusammenschalten und einzelne Punkte durchgehen.",
  // Joined across the page break after "aufgrund der schon jetzt erzielten".
  "Hinsichtlich des Einsatzes von IT-Systemen der Firma Microsoft scheint uns der Verweis auf die Zwischenkonferenz der DSK vom 22.09.2020 nicht mehr aktuell zu sein. Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit des Landes Baden-Württemberg hat sich im November letzten Jahres eingehend mit den Produkten von Microsoft befasst. Diese Aufsichtsbehörde kommt dabei zu dem Ergebnis, dass Microsoft sich als einer der größten, international agierenden Konzerne weltweit, mit einer erheblichen Marktmacht in Europa, nun in die richtige Richtung bewege und wesentliche Verbesserungen für die Rechte der Europäischen Bürgerinnen und Bürger in seine Vertragsklauseln aufnehmen. Dabei wird weiterhin betont, dass auch die DSK mit Microsoft im Gespräch sei. Es wird erwartet, dass aufgrund der schon jetzt erzielten Verbesserungen in den AGBs von Microsoft weitere Schritte folgen, um europäische Datenschutzstandards zu gewährleisten. Microsoft unternimmt große Anstrengungen, um eine Transparenz zu Art und Umfang aller erhobenen Daten zu bieten.",
  "Wir in Hamburg verfolgen im Rahmen des aktuellen proof of concept (POC) sehr genau die einzelnen Entwicklungsschritte von Microsoft hinsichtlich der Implementierung europäischer Datenschutzstandards und bewerten diese auch mit unserem IT-Dienstleister Dataport. In diesem Zusammenhang ist bereits mehr Transparenz von Microsoft eingefordert und auch gewährt worden. Sobald in diesem Zusammenhang vorzeigbare Erkenntnisse vorliegen, lassen wir Ihnen diese zukommen. Eine Entscheidung diesbezüglich ist aber nicht vor dem dritten Quartal dieses Jahres zu erwarten.",
];

export async function seedHamburg(tx: Tx) {
  const body = first(
    await tx
      .insert(bodies)
      .values({
        slug: "hamburg",
        name: "Freie und Hansestadt Hamburg",
        shortName: "Hamburg",
        kind: "city_state",
        state: "HH",
      })
      .returning({ id: bodies.id }),
  );
  const bodyId = body.id;

  const org = await insertOrganizations(tx, bodyId, {
    senat: { kind: "executive", name: "Senat der Freien und Hansestadt Hamburg" },
    senatskanzlei: { kind: "department", name: "Senatskanzlei", parent: "senat" },
    hmbbfdi: { kind: "supervisory_authority", name: SUPERVISORY_AUTHORITY, shortName: "HmbBfDI", external: true },
    // "… unserem behördlichen Datenschutzbeauftragten"
    dpo: { kind: "dpo_office", name: "Behördlicher Datenschutzbeauftragter" },
  });

  const [poerksen, caspar] = await tx
    .insert(people)
    .values([
      {
        bodyId,
        name: "Jan Pörksen",
        roleLabel: "Staatsrat, Chef der Senatskanzlei",
        organizationId: org.senatskanzlei,
      },
      { bodyId, name: "Prof. Dr. Johannes Caspar", roleLabel: SUPERVISORY_AUTHORITY, organizationId: org.hmbbfdi },
    ])
    .returning({ id: people.id });

  const type = first(
    await tx
      .insert(inquiryTypes)
      .values({
        bodyId,
        code: "schreiben-aufsicht",
        name: "Schreiben der Aufsichtsbehörde",
        numberingPeriod: "year",
        referenceFormat: "SA {n}/{period}",
        deadlineRule: { kind: "none" },
        deadlineRuleLabel: DEADLINE_LABEL,
      })
      .returning({ id: inquiryTypes.id }),
  );
  await tx.insert(referenceCounters).values({ bodyId, typeId: type.id, period: "2021", lastValue: 1 });

  const inquiry = first(
    await tx
      .insert(inquiries)
      .values({
        bodyId,
        typeId: type.id,
        period: "2021",
        sequence: 1,
        reference: "SA 1/2021",
        publicRef: "SA-1-2021",
        title: SUBJECT,
        status: "answered",
        visibility: "public",
        originatorOrganizationId: org.hmbbfdi,
        leadOrganizationId: org.senatskanzlei,
        submittedOn: "2021-03-05",
        receivedOn: "2021-03-05",
        dueOn: null,
        dueRuleLabel: DEADLINE_LABEL,
      })
      .returning({ id: inquiries.id }),
  );
  await tx.insert(inquiryOriginators).values([
    { inquiryId: inquiry.id, organizationId: org.hmbbfdi, label: SUPERVISORY_AUTHORITY, position: 1 },
    {
      inquiryId: inquiry.id,
      personId: caspar!.id,
      organizationId: org.hmbbfdi,
      label: "Prof. Dr. Johannes Caspar",
      position: 2,
    },
  ]);
  const question = first(
    await tx
      .insert(questions)
      .values({
        inquiryId: inquiry.id,
        position: 1,
        number: "1",
        ...richText(
          "body",
          paragraphs(
            "Aufsichtsbehördliche Bedenken zur Nutzung von Zoom und Microsoft 365 in der FHH (Schreiben vom 5. März 2021; der Wortlaut liegt nicht vor).",
          ),
        ),
      })
      .returning({ id: questions.id }),
  );

  const publishedAt = berlinNoon("2021-03-26");
  const answer = first(
    await tx
      .insert(answers)
      .values({ bodyId, inquiryId: inquiry.id, status: "published", leadOrganizationId: org.senatskanzlei })
      .returning({ id: answers.id }),
  );
  const version = first(
    await tx
      .insert(answerVersions)
      .values({
        answerId: answer.id,
        versionNumber: 1,
        documentKind: "Schreiben",
        documentReference: null,
        documentDate: "2021-03-26",
        title: SUBJECT,
        issuedByLabel: "Senat der Freien und Hansestadt Hamburg – Senatskanzlei",
        ...richText("intro", paragraphs("Sehr geehrter Herr Professor Caspar,")),
        ...richText("closing", paragraphs("Mit freundlichen Grüßen", "Jan Pörksen")),
        signatoryPersonId: poerksen!.id,
        publishedAt,
      })
      .returning({ id: answerVersions.id }),
  );
  const part = first(
    await tx
      .insert(answerParts)
      .values({ versionId: version.id, position: 1, ...richText("body", paragraphs(...replyParagraphs)) })
      .returning({ id: answerParts.id }),
  );
  await tx.insert(answerPartQuestions).values({ partId: part.id, questionId: question.id });

  const letter = first(
    await tx
      .insert(sources)
      .values({
        bodyId,
        kind: "letter",
        citation: `Senatskanzlei Hamburg, Schreiben vom 26. März 2021 an den HmbBfDI: ${SUBJECT}`,
        date: "2021-03-26",
        inquiryId: inquiry.id,
      })
      .returning({ id: sources.id }),
  );

  // The letter was not drafted in Quaestio: its receipt is recorded as such, not as a submission.
  await insertEvents(tx, [
    {
      bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiry.id,
      type: "letter_received",
      occurredOn: "2021-03-05",
      public: true,
    },
    ...answeredEvents({ bodyId, inquiryId: inquiry.id, answerId: answer.id, publishedAt }),
  ]);

  const anchor: BodyAnchor = {
    bodyId,
    slug: "hamburg",
    shortName: "Hamburg",
    factionId: null,
    answeringDepartmentId: org.senatskanzlei,
    dpoOfficeId: org.dpo,
    executiveId: org.senat,
  };
  return { anchor, letterSourceId: letter.id };
}
