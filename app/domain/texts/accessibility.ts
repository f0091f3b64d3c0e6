/**
 * The accessibility statement (Erklärung zur Barrierefreiheit) as BITV 2.0 § 7 and the EU model statement
 * (Durchführungsbeschluss (EU) 2018/1523) ask for it, and the explanations in Leichte Sprache and the
 * placeholder for the DGS video (BITV 2.0 § 4). Kept here so that the wording can be reviewed in one place;
 * update `assessedOn` and the list of known barriers whenever the assessment is repeated.
 */
export const accessibilityStatement = {
  title: "Erklärung zur Barrierefreiheit",
  lead: "Quaestio soll für alle Menschen nutzbar sein – unabhängig davon, wie sie eine Website lesen oder bedienen. Diese Erklärung gilt für die Website Quaestio mit ihren öffentlichen Seiten und dem Arbeitsbereich.",
  otherFormats: [
    { to: "/barrierefreiheit/leichte-sprache", label: "Informationen in Leichter Sprache" },
    { to: "/barrierefreiheit/gebaerdensprache", label: "Informationen in Deutscher Gebärdensprache" },
  ],
  statusHeading: "Stand der Vereinbarkeit mit den Anforderungen",
  status:
    "Diese Website ist wegen der unten aufgeführten Unvereinbarkeiten teilweise mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) vereinbar. Maßstab sind die harmonisierte Europäische Norm EN 301 549 V3.2.1 und damit die Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA.",
  barriersHeading: "Nicht barrierefreie Inhalte",
  barriersIntro: "Die folgenden Inhalte sind nicht oder nicht vollständig barrierefrei:",
  barriers: [
    {
      what: "Erklärvideo in Deutscher Gebärdensprache",
      why: "Das Video wird noch produziert. Bis dahin steht auf der Seite zur Gebärdensprache ein kurzer Text, der den Inhalt des Videos beschreibt. Die Informationen gibt es auch in Leichter Sprache.",
    },
    {
      what: "Anlagen und Originaldokumente der Verwaltungen",
      why: "Anlagen, die Verwaltungen als Datei beifügen (zum Beispiel eingescannte Schreiben), erstellen nicht wir. Sie sind nicht immer barrierefrei. Den Text der Anfragen und Antworten zeigt Quaestio selbst als barrierefreie Webseite an. Auf Wunsch fragen wir bei der Verwaltung eine zugängliche Fassung an.",
    },
    {
      what: "Sehr breite Tabellen (zum Beispiel die Übersicht Ressort × Werkzeug des Landtags NRW)",
      why: "Auf schmalen Bildschirmen und bei starker Vergrößerung müssen diese Tabellen waagerecht gescrollt werden. Der Tabellenbereich ist mit der Tastatur erreichbar und nach seiner Überschrift benannt. Die Zahlen jeder Antwort stehen zusätzlich in einfachen Listen.",
    },
    {
      what: "Editor im Arbeitsbereich für Mitarbeitende",
      why: "Bei der Bedienung der Werkzeugleiste des Texteditors mit Tastatur und Screenreader sind Mängel bekannt, die wir beheben. Bis dahin kann der Arbeitsbereich ohne JavaScript mit einfachen Textfeldern genutzt werden.",
    },
  ],
  preparationHeading: "Erstellung dieser Erklärung",
  assessedOn: "2026-12-02",
  preparation: (date: string) =>
    `Diese Erklärung wurde am ${date} erstellt. Grundlage ist eine Selbstbewertung: Die öffentlichen Seiten werden bei jeder Änderung automatisch in einem Browser geprüft (axe-core in Chromium, auch bei 320 Pixel Breite), wichtige Abläufe zusätzlich mit der Tastatur. Eine Prüfung durch eine unabhängige Stelle (BITV-Test) steht noch aus.`,
  feedbackHeading: "Barrieren melden: Kontakt zu den Feedback-Verantwortlichen",
  feedback:
    "Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten aufgefallen, oder brauchen Sie einen Inhalt in einer anderen Form? Dann schreiben Sie uns. Wie das geht, steht auf der Seite",
  feedbackLink: "Feedback",
  feedbackAnswer: "Wir antworten innerhalb von zwei Wochen.",
  arbitrationHeading: "Schlichtungsverfahren",
  arbitration:
    "Wenn Sie auf Ihre Meldung keine zufriedenstellende Antwort erhalten haben, können Sie sich an die Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG) wenden. Die Schlichtungsstelle hat die Aufgabe, Streitigkeiten zwischen Menschen mit Behinderungen und öffentlichen Stellen des Bundes zur Barrierefreiheit außergerichtlich beizulegen. Das Verfahren ist kostenlos; Sie brauchen keinen Rechtsbeistand.",
  arbitrationAddress: [
    "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
    "bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen",
    "Mauerstraße 53",
    "10117 Berlin",
  ],
  arbitrationEmail: "info@schlichtungsstelle-bgg.de",
  arbitrationWebsite: "https://www.schlichtungsstelle-bgg.de",
  arbitrationStates:
    "Geht es um die Seiten einer Körperschaft eines Landes (zum Beispiel einer Stadt oder eines Landtags), ist die Schlichtungs- oder Durchsetzungsstelle nach dem Behindertengleichstellungsgesetz dieses Landes zuständig. Wir nennen Ihnen die Stelle gern.",
  legalHeading: "Rechtsgrundlagen",
  legal: [
    "Behindertengleichstellungsgesetz (BGG), §§ 12a bis 12d und § 16",
    "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0)",
    "Richtlinie (EU) 2016/2102 über den barrierefreien Zugang zu den Websites und mobilen Anwendungen öffentlicher Stellen",
    "Durchführungsbeschluss (EU) 2018/1523 (Mustererklärung zur Barrierefreiheit)",
    "EN 301 549 V3.2.1 und WCAG 2.1, Stufe AA",
  ],
  measuresHeading: "Was wir für die Barrierefreiheit tun",
  measures: [
    "Die Seiten bestehen aus semantischem HTML: Überschriften, Listen, Tabellen mit Kopfzeilen und Formulare mit beschrifteten Feldern.",
    "Alle öffentlichen Seiten werden auf dem Server erzeugt und funktionieren ohne JavaScript.",
    "Alles lässt sich mit der Tastatur bedienen; der Link „Zum Inhalt springen“ führt direkt zum Hauptinhalt.",
    "Diagramme haben einen Titel und eine Beschreibung; dieselben Zahlen stehen in einer Tabelle daneben.",
    "Wir binden keine Inhalte von Dritten ein – keine Schriften, Videos, Karten oder Werbung.",
  ],
};

export const easyLanguage = {
  title: "Quaestio in Leichter Sprache",
  sections: [
    {
      heading: "Was ist Quaestio?",
      paragraphs: [
        "Quaestio ist eine Internet-Seite.",
        "Auf der Seite stehen Fragen an die Verwaltung.",
        "Und die Antworten von der Verwaltung.",
        "Die Fragen stellen zum Beispiel Politiker im Rat von einer Stadt. Oder Politiker im Landtag.",
        "Die Fragen heißen: Anfragen.",
      ],
    },
    {
      heading: "Was können Sie hier machen?",
      paragraphs: [
        "Sie können alle Anfragen lesen.",
        "Sie können alle Antworten lesen.",
        "Sie sehen: Bis wann muss die Verwaltung antworten?",
        "Manche Antworten sagen: Diese Computer-Programme benutzt die Verwaltung.",
        "Die Programme finden Sie auf der Seite: Werkzeuge.",
      ],
    },
    {
      heading: "Wie finden Sie sich zurecht?",
      paragraphs: [
        "Oben auf jeder Seite steht: Quaestio. Damit kommen Sie zur Start-Seite.",
        "Auf der Start-Seite stehen die Städte und Landtage.",
        "Klicken Sie auf einen Namen. Dann sehen Sie die Anfragen.",
        "Ganz unten auf jeder Seite sind Links. Zum Beispiel zu dieser Seite.",
      ],
    },
    {
      heading: "Was ist nicht barriere-frei?",
      paragraphs: [
        "Wir wollen: Alle Menschen können Quaestio gut benutzen.",
        "Manches klappt noch nicht gut.",
        "Ein Video in Gebärden-Sprache fehlt noch.",
        "Manche Dateien von den Verwaltungen sind schwer zu lesen.",
        "Sehr breite Tabellen muss man auf dem Handy zur Seite schieben.",
      ],
    },
    {
      heading: "Sie haben ein Problem?",
      paragraphs: ["Dann schreiben Sie uns.", "Wie das geht, steht auf der Seite: Feedback.", "Wir antworten Ihnen."],
    },
  ],
  statementLink: "Zur Erklärung zur Barrierefreiheit in Alltags-Sprache",
};

export const signLanguage = {
  title: "Quaestio in Deutscher Gebärdensprache",
  placeholderHeading: "Das Video folgt",
  placeholder:
    "Hier wird ein Video in Deutscher Gebärdensprache (DGS) stehen. Es wird noch produziert. Das Video erklärt:",
  videoTopics: [
    "was Quaestio ist: eine Website mit Anfragen aus Räten und Parlamenten und den Antworten der Verwaltungen,",
    "was man hier tun kann: Anfragen und Antworten lesen, Fristen sehen und nachsehen, welche IT-Werkzeuge eine Verwaltung nennt,",
    "wie man sich auf der Website zurechtfindet: Startseite, Liste einer Körperschaft, Seite einer Anfrage, Werkzeuge,",
    "welche Inhalte noch nicht barrierefrei sind und wie man uns Barrieren meldet.",
  ],
  meanwhile:
    "Bis das Video da ist, finden Sie dieselben Informationen in Leichter Sprache und in der Erklärung zur Barrierefreiheit.",
};
