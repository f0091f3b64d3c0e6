/**
 * Stadt Norderstedt: the FWuD-Fraktion's Anfrage 2 on Zoom (Hauptausschuss, 04.05.2020, TOP 26.7; seed 001)
 * and the administration's answer, Mitteilungsvorlage M 20/0226 of 15.06.2020 (seed 000), which consists of
 * the statement of the Behördlicher Datenschutzbeauftragter. Texts are the documents' own, typos included.
 */
// Mitteilungsvorlage: the administration's written answer put before a committee.
import {
  agendaItems,
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  bodies,
  consultationRecommendations,
  consultations,
  inquiries,
  inquiryAgendaItems,
  inquiryOriginators,
  inquiryTypes,
  meetings,
  questions,
  signOffSteps,
  signOffTemplates,
  signOffTemplateSteps,
  sources,
} from "../schema/index";
import {
  answeredEvents,
  berlinNoon,
  bulletList,
  doc,
  first,
  insertEvents,
  insertOrganizations,
  paragraph,
  paragraphs,
  richText,
  type BodyAnchor,
  type Tx,
} from "./support";

export const NORDERSTEDT_ANFRAGE_DEADLINE_LABEL = "Beantwortung bis zur nächsten Sitzung des Ausschusses";

const inquiryPreamble = [
  "Videokonferenzinstanzen haben seit Beginn der Krise starken Zulauf. Nicht nur Unternehmen veranstalten Videokonferenzen, genauso Vereine oder Privatpersonen bis hin zu kommunalen Verwaltungen und sonstigen Institutionen der öffentlichen Hand.",
  "Da bei der Nutzung teils personenbezogene Daten fließen – wie Name Alter, der Geburtsort oder Geburtsdatum - ist entscheidend, welche Software eingesetzt wird.",
  'Zu Beginn der Woche hat sich deswegen nun auch der Datenschutzbeauftragte der Bundesregierung zu Wort gemeldet und explizit vor der von vielen Institutionen, auch von städtischen Institutionen eingesetzten Videokonferenz-Software "Zoom" gewarnt. Unter anderem geht es dabei um die fehlende Ende-zu-Ende-Verschlüsselung. Die Daten liegen unverschlüsselt auf den Servern, die im Übrigen in den USA stehen.',
  "Videokonferenzen sind eine wichtige Unterstützung für die Arbeit und für vieles darüberhinaus. Das darf aber nicht davon ablenken, dass Datenschutz und Datensicherheit gewährleistet sein müssen. Deswegen unabhängig von der Nutzung kommerzieller oder freier Software: Wer immer so ein Angebot macht, sollte Sorge dafür tragen, dass die Teilnehmer:innen sich nicht gezwungen sehen, ein unsicheres Programm mitnutzen.",
  'Der Runde Tisch Klima, alle anhängigen Gruppen oder auch der VHS-Kurs "Klimafit", finden derzeit unter städtischer Beteiligung statt. Auch diese Veranstaltungen so auch die Gruppenarbeit, finden seit Wochena aufgrund der Krise via Zoom statt.',
  "Unter dem Aspekt, dass selbst der Datenschutzbeauftragte der Bundesregierung Ulrich Kelber vor Zoom warnt, ist die Anwendung durchaus kritisch zu sehen.",
];

const inquiryQuestions = [
  {
    leadIn: "Meine Frage:",
    body: "Veranstalten die Verwaltung bzw. weitere städtische Träger oder Institutionen, die mit Projekten unter städtischer Beteiligung betraut sind Videokonferenzen und wenn ja, kommt bisherauch dafür Zoom zum Einsatz?",
  },
  {
    leadIn: "Ergänzend dazu die Frage,",
    body: "plant die Verwaltung nach der öffentlichen Warnung vor vor Zoom durch den Bundesdatenschutzbeauftragten, die zeitnahe Umstellung auf ein anderes Programm, welches die drei maßgebenden Kriterien, Garantie europäischer Werte, Achtung der Menschenwürde, Schutz persönlicher Daten gewährleistet?",
  },
];

const vorlageTitle =
  "Beantwortung der Anfrage 2 der FWuD-Fraktion aus der Sitzung des Hauptausschusses am 04.05.2020 TOP 26.7 zum Thema Zoom";

const sachverhalt =
  "Zu diesen Fragen ist eine Stellungnahme des Behördlichen Datenschutzbeauftragten eingeholt worden, der die Fragestellungen wie folgt beantwortet:";

const dpoQuestion =
  "Frage: Welche konkreten Maßnahmen zur Überprüfung der Nutzung dieser App sind in Punkto Datensicherheit von Ihnen veranlasst worden?";

const restrictions = [
  "keine Verwendung von sensiblen Inhalten in den Besprechungen verwenden, z.B.: Jugend- und Sozialdaten etc.,",
  "gleiches gilt auch für Besprechungen, die z.B.: Geschäfts- u. Steuergeheimnisse etc. enthalten würden,",
  "keine Nicht öffentlichen TOPs in Gremiensitzungen abhalten.",
];

const recommendations = [
  "Für Dienstbesprechungen etc. und ein Kontakthalten zwischen den Beschäftigten könnte auch Zoom durchaus weiter zum Einsatz kommen.",
  "Die Nutzungsbedingungen könnten dann auch durch eine Dienstanweisung geregelt werden.",
];

const dpoStatement = doc(
  paragraph(
    "Generell werden Anbieter, die gem. DSGVO aus einem unsichereren Drittland stammen (hier USA), als nicht vertrauenswürdig eingestuft. Der Grund dafür liegt in einem derzeit fehlenden Datenschutzabkommen zwischen Europa und den USA.",
  ),
  paragraph(
    "Schaut man sich nun die Anbieterlandschaft genauer an, stammen die leistungsfähigsten Anbieter von Videokonferenzsystemen, aus diesen unsicheren Drittländern (Stichwort: Global Player). Für die Bereitstellung dieser Dienstleistung wird eben enorme Rechenkapazität benötigt.",
  ),
  paragraph(
    "Die Presse meldet nun bereits seit mehreren Wochen ständig Sicherheitslücken in den entsprechenden Systemen, also auch für Zoom.",
  ),
  paragraph(
    "Allerdings sind die jeweils getroffenen Aussagen nur von kurzer Gültigkeit, weil entsprechende Updates, neue Versionen, etc. von den Anbietern zur Verfügung gestellt wurden, die diese Lücken schließen. Dabei können natürlich anschließend auch wieder neue Schwachstellen auftauchen.",
  ),
  paragraph(
    "In der momentanen vorherrschenden Krisensituation wurde für die Stadt Norderstedt ein leistungsfähiges Instrument benötigt, um ggfs. auch mit einer höheren Teilnehmerzahl entsprechende Videokonferenzen durchführen zu können. Dabei ist die Wahl auf Zoom gefallen. Bei der Bezahlversion von Zoom wäre auch ein Auftragsverarbeitungsvertrag umsetzbar. Das Amt 17 hat bereits vor dem ersten Einsatz von Zoom, die verfügbaren Informationen recherchiert, die jeweiligen sicherheitsrelevanten Einstellungen berücksichtigt und sofern noch möglich, auch eingestellt. Konkret stammen diese u.a. von der Webseite: heise.de/tipps-tricks/Zoom-Sicherheitstipps-fuer-Videokonferenzen. Weiterhin wurden die Vorichtsmaßnahmen für Einladende berücksichtigt.",
  ),
  paragraph(
    "Aus Datenschutzrechtlicher Hinsicht sollte bei einem vorübergehenden, weiteren Einsatz von Zoom auf nachstehende Einschränkungen geachtet werden:",
  ),
  bulletList(restrictions),
  ...recommendations.map((r) => paragraph(r)),
);

/** The signature row printed on the Mitteilungsvorlage form, in order. */
const signOffChain: Array<{ label: string; onlyWhenFlagged: string | null; signerRole: string }> = [
  { label: "Sachbearbeiter/in", onlyWhenFlagged: null, signerRole: "clerk" },
  { label: "Fachbereichsleiter/in", onlyWhenFlagged: null, signerRole: "department_head" },
  { label: "Amtsleiter/in", onlyWhenFlagged: null, signerRole: "department_head" },
  { label: "mitzeichnendes Amt", onlyWhenFlagged: "bei über-/ außerplanm. Ausgaben: Amt 11", signerRole: "co_signer" },
  { label: "Stadtrat/Stadträtin", onlyWhenFlagged: null, signerRole: "councillor" },
  { label: "Oberbürgermeisterin", onlyWhenFlagged: null, signerRole: "mayor" },
];

export async function seedNorderstedt(tx: Tx) {
  const body = first(
    await tx
      .insert(bodies)
      .values({
        slug: "norderstedt",
        name: "Stadt Norderstedt",
        shortName: "Norderstedt",
        kind: "municipality",
        state: "SH",
      })
      .returning({ id: bodies.id }),
  );
  const bodyId = body.id;

  const org = await insertOrganizations(tx, bodyId, {
    hauptausschuss: { kind: "committee", name: "Hauptausschuss" },
    fwud: { kind: "faction", name: "FWuD-Fraktion" },
    hauptamt: { kind: "department", name: "13 - Hauptamt", shortName: "Amt 13" },
    amt17: { kind: "department", name: "Amt 17" },
    dpo: { kind: "dpo_office", name: "Behördlicher Datenschutzbeauftragter" },
    executive: { kind: "executive", name: "Oberbürgermeisterin" },
  });

  const template = first(
    await tx
      .insert(signOffTemplates)
      .values({ bodyId, name: "Mitteilungsvorlage" })
      .returning({ id: signOffTemplates.id }),
  );
  await tx
    .insert(signOffTemplateSteps)
    .values(signOffChain.map((step, i) => ({ templateId: template.id, position: i + 1, ...step })));

  const anfrageType = first(
    await tx
      .insert(inquiryTypes)
      .values({
        bodyId,
        code: "anfrage",
        name: "Anfrage",
        numberingPeriod: "year",
        referenceFormat: "Anfrage {n}/{period}",
        deadlineRule: { kind: "next_meeting", organizationId: org.hauptausschuss },
        deadlineRuleLabel: NORDERSTEDT_ANFRAGE_DEADLINE_LABEL,
        signOffTemplateId: template.id,
      })
      .returning({ id: inquiryTypes.id }),
  );

  // Beratungsfolge: raised in the meeting of 04.05.2020 (TOP 26.7), answered before the meeting of 15.06.2020.
  const [raisedMeeting, answerMeeting] = await tx
    .insert(meetings)
    .values([
      { bodyId, organizationId: org.hauptausschuss, name: "Sitzung des Hauptausschusses", date: "2020-05-04" },
      { bodyId, organizationId: org.hauptausschuss, name: "Sitzung des Hauptausschusses", date: "2020-06-15" },
    ])
    .returning({ id: meetings.id });
  const [raisedItem, answerItem] = await tx
    .insert(agendaItems)
    .values([
      {
        meetingId: raisedMeeting!.id,
        number: "26.7",
        title: "Anfrage 2 der FWuD-Fraktion zum Thema Zoom",
        position: 1,
      },
      // The Vorlage gives the meeting (Beratungsfolge: Hauptausschuss, 15.06.2020, Anhörung) but not its TOP
      // number: unknown stays unknown (the Vorlage number is no TOP).
      { meetingId: answerMeeting!.id, number: null, title: vorlageTitle, position: 1, public: true },
    ])
    .returning({ id: agendaItems.id });

  const inquiry = first(
    await tx
      .insert(inquiries)
      .values({
        bodyId,
        typeId: anfrageType.id,
        // Numbered by the council outside Quaestio ("Anfrage 2" of that meeting): no sequence.
        period: "2020",
        sequence: null,
        reference: "Anfrage 2",
        publicRef: "M-20-0226",
        title: 'Videokonferenztool: "Zoom"',
        ...richText("preamble", paragraphs(...inquiryPreamble)),
        status: "answered",
        visibility: "public",
        originatorOrganizationId: org.fwud,
        leadOrganizationId: org.hauptamt,
        receivedOn: "2020-05-04",
        dueOn: "2020-06-15",
        dueRuleLabel: NORDERSTEDT_ANFRAGE_DEADLINE_LABEL,
      })
      .returning({ id: inquiries.id }),
  );
  await tx
    .insert(inquiryOriginators)
    .values({ inquiryId: inquiry.id, organizationId: org.fwud, label: "FWuD-Fraktion" });
  // The inquiry does not number its two questions; 1 and 2 are their order.
  const questionRows = await tx
    .insert(questions)
    .values(
      inquiryQuestions.map((q, i) => ({
        inquiryId: inquiry.id,
        position: i + 1,
        number: String(i + 1),
        leadIn: q.leadIn,
        ...richText("body", paragraphs(q.body)),
      })),
    )
    .returning({ id: questions.id });
  await tx.insert(inquiryAgendaItems).values([
    { inquiryId: inquiry.id, agendaItemId: raisedItem!.id, purpose: "raised" },
    { inquiryId: inquiry.id, agendaItemId: answerItem!.id, purpose: "answer", roleLabel: "Anhörung" },
  ]);

  const publishedAt = berlinNoon("2020-06-15");
  const answer = first(
    await tx
      .insert(answers)
      .values({ bodyId, inquiryId: inquiry.id, status: "published", leadOrganizationId: org.hauptamt })
      .returning({ id: answers.id }),
  );
  const version = first(
    await tx
      .insert(answerVersions)
      .values({
        answerId: answer.id,
        versionNumber: 1,
        documentKind: "Mitteilungsvorlage",
        documentReference: "M 20/0226",
        documentDate: "2020-06-15",
        title: vorlageTitle,
        issuedByLabel: "13 - Hauptamt",
        // Printed as "Bearb." on the published Vorlage.
        caseOfficerLabel: "Borchardt, Hauke",
        publishedAt,
      })
      .returning({ id: answerVersions.id }),
  );
  // The Vorlage answers both questions at once with the DPO's statement; the part holds its cover sentence.
  const part = first(
    await tx
      .insert(answerParts)
      .values({ versionId: version.id, position: 1, ...richText("body", paragraphs(sachverhalt)) })
      .returning({ id: answerParts.id }),
  );
  await tx.insert(answerPartQuestions).values(questionRows.map((q) => ({ partId: part.id, questionId: q.id })));

  const consultation = first(
    await tx
      .insert(consultations)
      .values({
        bodyId,
        answerId: answer.id,
        kind: "dpo",
        addresseeOrganizationId: org.dpo,
        questionsPut: dpoQuestion,
        status: "answered",
        statementTitle: "Kurzbetrachtung Zoom Videokonferenz-System",
        ...richText("statement", dpoStatement),
        verdict: "conditions",
        publishedWithAnswer: true,
      })
      .returning({ id: consultations.id }),
  );
  await tx
    .insert(consultationRecommendations)
    .values(
      [
        ...restrictions.map((text) => ({ kind: "restriction" as const, text })),
        ...recommendations.map((text) => ({ kind: "recommendation" as const, text })),
      ].map((r, i) => ({ consultationId: consultation.id, position: i + 1, ...r })),
    );

  // The form shows the signature row, not who signed: every step is "unrecorded".
  await tx.insert(signOffSteps).values(
    signOffChain.map((step, i) => ({
      answerId: answer.id,
      position: i + 1,
      label: step.label,
      condition: step.onlyWhenFlagged,
      organizationId: step.label === "Oberbürgermeisterin" ? org.executive : null,
      status: "unrecorded" as const,
    })),
  );

  const [vorlageSource, anfrageSource] = await tx
    .insert(sources)
    .values([
      {
        bodyId,
        kind: "answer",
        citation: "Stadt Norderstedt, Mitteilungsvorlage M 20/0226 vom 15.06.2020",
        date: "2020-06-15",
        inquiryId: inquiry.id,
      },
      {
        bodyId,
        kind: "other",
        citation: "Stadt Norderstedt, Anfrage 2 der FWuD-Fraktion (Hauptausschuss 04.05.2020, TOP 26.7)",
        date: "2020-05-04",
        inquiryId: inquiry.id,
      },
    ])
    .returning({ id: sources.id });

  // Raised in the meeting (its submission), answered by the Vorlage put before the next meeting.
  await insertEvents(tx, [
    {
      bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiry.id,
      type: "submit",
      occurredOn: "2020-05-04",
      public: true,
      payload: { to: "submitted", meeting: "Hauptausschuss", meetingDate: "2020-05-04", agendaItem: "26.7" },
    },
    ...answeredEvents({
      bodyId,
      inquiryId: inquiry.id,
      answerId: answer.id,
      publishedAt,
      documentReference: "M 20/0226",
    }),
  ]);

  const anchor: BodyAnchor = {
    bodyId,
    slug: "norderstedt",
    shortName: "Norderstedt",
    factionId: org.fwud,
    answeringDepartmentId: org.hauptamt,
    dpoOfficeId: org.dpo,
    executiveId: org.executive,
  };
  return {
    anchor,
    inquiryTypeId: anfrageType.id,
    vorlageSourceId: vorlageSource!.id,
    anfrageSourceId: anfrageSource!.id,
  };
}
