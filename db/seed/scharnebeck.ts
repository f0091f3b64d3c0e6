/**
 * Samtgemeinde Scharnebeck: the Antrag „Sichere Video-/ Telefonkonferenzen nicht nur zu Coronazeiten" of the
 * Fraktion „Bündnis90/ Die GRÜNEN" (seed 004). The document carries no date, so it has no submission or
 * receipt date, no due date and no dated events; it is not yet on an agenda.
 *
 * In the document's order: the letter's intro (salutation and cover sentence) is the preamble, labelled
 * "Anschreiben", shown before the motion; the motion is question 1 with the lead-in "Antrag", its text followed by
 * the Begründung under its own heading (the schema has no column of its own for a motion's reasons).
 */
import {
  bodies,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  questions,
  referenceCounters,
  sources,
} from "../schema/index";
import {
  doc,
  first,
  heading,
  insertOrganizations,
  link,
  paragraph,
  richBulletList,
  richText,
  type BodyAnchor,
  type Tx,
} from "./support";

const TITLE = "Sichere Video-/ Telefonkonferenzen nicht nur zu Coronazeiten";
const DEADLINE_LABEL = "zur nächsten Sitzung des Samtgemeinderats";
const BUEHL = "https://www.buehl.de/digitalisierung/Palim-Palim";

const motionText =
  "Angelehnt an das kostenfreie Angebot „Palim! Palim!“ der Stadt Bühl bietet die Samtgemeinde Scharnebeck ihren Bürger*innen künftig eine sichere Video- / Telefonkonferenzplattform.";

const ADDRESSEE = "Herrn Samtgemeindebürgermeister Gerstenkorn";

const intro = doc(
  paragraph("Sehr geehrter Herr Samtgemeindebürgermeister Gerstenkorn,"),
  paragraph("zur nächsten Sitzung des Samtgemeinderats stellt die Fraktion „Bündnis90/ Die GRÜNEN“ folgenden Antrag:"),
);

const motion = doc(
  paragraph(motionText),
  heading(3, "Begründung"),
  heading(4, "Worum geht es?"),
  paragraph(
    "Mit „Palim! Palim!“ bietet die Stadt Bühl ihren Bürger*innen eine sichere Video- / Telefonkonferenzlösung an. Darüber können Familien, Freunde, Vereine, Gremien, Fraktionen über eine allen sicherheitstechnischen sowie datenschutzrechtlichen Anforderungen genügende Plattform miteinander in Kontakt bleiben. Dies bietet nicht nur in Zeiten von hygienisch notwendiger physischer Distanz während der Corona-Pandemie eine Möglichkeit zum virtuellen Austausch in gesicherter Umgebung.",
  ),
  paragraph(
    "Wie das funktioniert, zeigten die „tagesthemen“ am 14. Mai, vgl. ",
    link("https://gruenlink.de/1rsm"),
    " bzw.",
  ),
  paragraph(link("https://www.youtube.com/watch?v=oEFiEYIYfE&feature=youtu.be&t=1310")),
  paragraph("sowie die Website der Stadt Bühl:"),
  paragraph(link(BUEHL)),
  heading(4, "Was zeichnet dieses Angebot aus?"),
  paragraph(
    "Zoom, Skype, GoogleMeet und andere Anbieter von Videochatsoftware im kommerziellen Bereich bieten zwar einen begrenzt kostenlosen Zugang, bezahlt wird aber mit der Freigabe von persönlichen Daten. Dies gilt besonders bei der Nutzung auf Smartphone oder Tablet. V.a. Zoom ist hier stark in die Kritik geraten. „Bis Ende März schickte Zoom bei jedem Start ... der Software Daten an Facebook – auch wenn der Zoom-Nutzer gar kein Facebook-Konto hat. Zu den Angaben gehörten die Zeitzone und Aufenthaltsort des Endgeräts, das verwendete Mobilfunknetz sowie eine Tracking-ID, die Werbetreibende zum Verfolgen von Nutzern hernehmen. In den Zoom-AGB wurden diese Datentransfers nicht erwähnt.“ Vgl.: ",
    link("https://gruenlink.de/1rsj"),
    " bzw. ",
    link("https://www.heise.de/security/meldung/Videokonferenz-Software-Ist-Zoom-ein-Sicherheitsalptraum-4695000.html"),
    // Joined across the page break after "vor dem".
    " Dazu kommt der Betrieb der Software unter Nutzung chinesischer Server. Zoom hat in Teilen nachgebessert, bleibt aber problematisch. Völlig zurecht warnt der Bundesdatenschutzbeauftragte weiterhin vor dem Videokonferenzdienst. Vgl. ",
    link("https://gruenlink.de/1rsI"),
    " oder ",
    link(
      "https://www.heise.de/news/Videokonferenz-Plattform-Zoom-Bundesdatenschutzbeauftragter-raet-von-Nutzung-ab-4727781.html",
    ),
  ),
  paragraph(
    "Hinter „Palim! Palim!“ steckt dagegen die nicht-kommerzielle OpenSource Software Jitsi (",
    link("https://jitsi.org/"),
    "). Diese Plattformlösung genügt allen sicherheitstechnischen sowie datenschutzrechtlichen Anforderungen und wird auf einem europäischen Server betrieben. Es werden nicht mehr Daten erhoben als für die technische Realisierung zwingend notwendig. Persönliche Daten werden nicht abgerufen. Selbstverständlich haben nur die Teilnehmenden Einsicht in den Inhalt der Konferenz, was durch Passwortschutz zusätzlich sichergestellt werden kann. Referenzen finden sich hier:",
  ),
  richBulletList([
    [
      link(
        "https://www.stuttgarter-nachrichten.de/inhalt.statt-zoom-und-co-welche-vorteile-die-video-chat-app-jitsi-bietet.cd0ef940-836f-431c-a3b9-714913f081cb.html",
      ),
    ],
    [
      link(
        "https://www.futurezone.de/apps/article228884059/Zoom-war-gestern-Mit-nur-einem-Klick-landest-du-jetzt-sicher-im-Jitsi-Meeting.html",
      ),
    ],
  ]),
  heading(4, "Ist die Umsetzung teuer? Was bedeutet das technisch?"),
  paragraph(
    "Die Website der Stadt Bühl (",
    link(BUEHL),
    ") zeigt, dass der Aufwand überschaubar ist. Die Samtgemeinde braucht keine neue Hardware anzuschaffen, die Software lässt sich von einer erfahrenen IT-Expert*in innerhalb von 6 Arbeitsstunden implementieren. Eine geringe Serverbetriebsgebühr kommt noch hinzu.",
  ),
);

export async function seedScharnebeck(tx: Tx) {
  const body = first(
    await tx
      .insert(bodies)
      .values({
        slug: "scharnebeck",
        name: "Samtgemeinde Scharnebeck",
        shortName: "Scharnebeck",
        kind: "joint_municipality",
        state: "NI",
      })
      .returning({ id: bodies.id }),
  );
  const bodyId = body.id;

  const org = await insertOrganizations(tx, bodyId, {
    rat: { kind: "council", name: "Samtgemeinderat" },
    gruene: { kind: "faction", name: "Bündnis90/ Die GRÜNEN" },
    executive: { kind: "executive", name: "Samtgemeindebürgermeister" },
  });

  const type = first(
    await tx
      .insert(inquiryTypes)
      .values({
        bodyId,
        code: "antrag",
        name: "Antrag",
        lifecycle: "motion",
        numberingPeriod: "year",
        referenceFormat: "Antrag {n}/{period}",
        deadlineRule: { kind: "next_meeting", organizationId: org.rat },
        deadlineRuleLabel: DEADLINE_LABEL,
      })
      .returning({ id: inquiryTypes.id }),
  );
  await tx.insert(referenceCounters).values({ bodyId, typeId: type.id, period: "2020", lastValue: 1 });

  const inquiry = first(
    await tx
      .insert(inquiries)
      .values({
        bodyId,
        typeId: type.id,
        period: "2020",
        sequence: 1,
        reference: "Antrag 1/2020",
        publicRef: "Antrag-1-2020",
        title: TITLE,
        preambleLabel: "Anschreiben",
        ...richText("preamble", intro),
        status: "submitted",
        visibility: "public",
        originatorOrganizationId: org.gruene,
        addressee: ADDRESSEE,
        submittedOn: null,
        receivedOn: null,
        dueOn: null,
        dueRuleLabel: DEADLINE_LABEL,
      })
      .returning({ id: inquiries.id }),
  );
  await tx
    .insert(inquiryOriginators)
    .values({ inquiryId: inquiry.id, organizationId: org.gruene, label: "Fraktion „Bündnis90/ Die GRÜNEN“" });
  await tx.insert(questions).values({
    inquiryId: inquiry.id,
    position: 1,
    number: "1",
    leadIn: "Antrag",
    ...richText("body", motion),
  });

  const antrag = first(
    await tx
      .insert(sources)
      .values({
        bodyId,
        kind: "motion",
        citation: `Samtgemeinde Scharnebeck, Antrag der Fraktion Bündnis90/ Die GRÜNEN „${TITLE}“`,
        date: null,
        inquiryId: inquiry.id,
      })
      .returning({ id: sources.id }),
  );

  const anchor: BodyAnchor = {
    bodyId,
    slug: "scharnebeck",
    shortName: "Scharnebeck",
    factionId: org.gruene,
    answeringDepartmentId: null,
    dpoOfficeId: null,
    executiveId: org.executive,
  };
  return { anchor, antragSourceId: antrag.id };
}
