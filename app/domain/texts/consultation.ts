/** German texts of consultations (DPO statement, contributions, supervisory authority letters), kept in one place. */
import { formatDate } from "../format";
import type {
  ConsultationKind,
  DueDateProblem,
  ItemProblem,
  LetterDateProblem,
  RecommendationKind,
  Verdict,
} from "../consultation";

export const consultationText = {
  listTitle: (inquiryTitle: string) => `Beteiligungen – ${inquiryTitle}`,
  listHeading: "Beteiligungen und Zulieferungen",
  requestHeading: "Beteiligung anfragen",
  linkFromInquiry: "Beteiligungen und Zulieferungen bearbeiten",
  linkFromDashboard: (title: string) => `Stellungnahme zu „${title}“ öffnen`,
  pageTitle: (label: string) => `${label} – Quaestio`,
  backToInquiry: "Zurück zum Vorgang",
  backToWorkspace: "Zurück zum Arbeitsbereich",
  noAnswer:
    "Für diesen Vorgang ist noch keine Antwort angelegt. Beteiligungen sind erst möglich, wenn die Beantwortung begonnen hat.",
  none: "Noch keine Beteiligung angefragt.",
  open: "Öffnen",
  kindHeading: {
    dpo: "Stellungnahme der/des Datenschutzbeauftragten",
    department: "Zulieferung eines beteiligten Amtes",
    supervisory_authority: "Schreiben der Aufsichtsbehörde",
  } satisfies Record<ConsultationKind, string>,
  kindShort: {
    dpo: "Datenschutzbeauftragte/r",
    department: "Zulieferung",
    supervisory_authority: "Aufsichtsbehörde",
  } satisfies Record<ConsultationKind, string>,
  status: { requested: "angefragt", answered: "beantwortet", withdrawn: "zurückgezogen" } as Record<string, string>,
  verdict: { no_objection: "keine Einwände", conditions: "mit Auflagen", objection: "Einwände" } satisfies Record<
    Verdict,
    string
  >,
  itemKind: { restriction: "Einschränkung", recommendation: "Empfehlung" } satisfies Record<RecommendationKind, string>,
  itemKindPlural: { restriction: "Einschränkungen", recommendation: "Empfehlungen" } satisfies Record<
    RecommendationKind,
    string
  >,

  required: {
    heading: "Stellungnahme der/des Datenschutzbeauftragten erforderlich",
    byType: (typeName: string) => `Der Anfragetyp „${typeName}“ verlangt eine Stellungnahme.`,
    byTool: (toolName: string) =>
      `Das Werkzeug „${toolName}“ im Werkzeugverzeichnis der Antwort verlangt eine Stellungnahme.`,
    satisfied: "Die erforderliche Stellungnahme liegt vor.",
    open: "Die Freigabe kann erst beginnen, wenn die Stellungnahme vorliegt.",
  },

  request: {
    dpoHeading: "Datenschutzbeauftragte/n beteiligen",
    departmentHeading: "Zulieferung anfordern",
    externalHeading: "Schreiben einer Aufsichtsbehörde erfassen",
    addressee: "Adressat",
    department: "Beteiligtes Amt",
    authority: "Aufsichtsbehörde (Absender)",
    questions: "Gestellte Fragen",
    question: "Frage an das Amt",
    dueOn: "Antwort erbeten bis",
    letterOn: "Datum des Schreibens",
    letterTitle: "Betreff des Schreibens",
    letter: "Inhalt des Schreibens",
    submitDpo: "Stellungnahme anfordern",
    submitDepartment: "Zulieferung anfordern",
    submitExternal: "Schreiben erfassen",
    noDpoOffice: "Diese Körperschaft hat kein Amt der/des Datenschutzbeauftragten.",
    noDepartments:
      "Dem Vorgang sind keine beteiligten Ämter zugewiesen; das Ratsbüro kann sie bei der Zuweisung benennen.",
    noAuthorities: "Diese Körperschaft hat keine Aufsichtsbehörde angelegt.",
    done: "Die Anfrage ist gespeichert; die Beteiligten sind benachrichtigt.",
  },

  statement: {
    heading: "Stellungnahme",
    contributionHeading: "Zulieferung",
    letterHeading: "Schreiben der Aufsichtsbehörde",
    title: "Überschrift der Stellungnahme",
    body: "Text der Stellungnahme",
    contributionBody: "Text der Zulieferung",
    items: "Einschränkungen und Empfehlungen",
    itemsHint: "Jeder Punkt steht für sich; leere Zeilen werden nicht gespeichert.",
    itemKind: (n: number) => `Art von Punkt ${n}`,
    itemText: (n: number) => `Text von Punkt ${n}`,
    addItem: "Punkt hinzufügen",
    removeItem: (n: number) => `Punkt ${n} entfernen`,
    moveUp: (n: number) => `Punkt ${n} nach oben`,
    moveDown: (n: number) => `Punkt ${n} nach unten`,
    verdict: "Ergebnis",
    verdictNone: "noch offen",
    save: "Entwurf speichern",
    submit: "Stellungnahme abgeben",
    submitContribution: "Zulieferung abgeben",
    saved: "Gespeichert.",
    submitted: "Abgegeben; das federführende Amt ist benachrichtigt.",
    readOnly: "Sie können diese Beteiligung lesen, aber nicht bearbeiten.",
    notYet: "Noch keine Stellungnahme abgegeben.",
  },

  reply: {
    heading: "Antwortschreiben an die Aufsichtsbehörde",
    body: "Text des Antwortschreibens",
    repliedOn: "Datum des Antwortschreibens",
    submit: "Antwortschreiben erfassen",
    done: "Das Antwortschreiben ist erfasst.",
  },

  attachments: {
    heading: { request: "Anlagen zur Anfrage", reply: "Anlagen zum Antwortschreiben" },
    letterHeading: "Anlagen zum Schreiben der Aufsichtsbehörde",
    none: "Keine Anlagen.",
    pageTitle: (title: string) => `Anlagen der Beteiligung: ${title} – Quaestio`,
    pageHeading: "Anlagen der Beteiligung",
    back: "Zurück zur Beteiligung",
    uploadHeading: { request: "Anlage zur Anfrage hinzufügen", reply: "Anlage zum Antwortschreiben hinzufügen" },
    letterUploadHeading: "Anlage zum Schreiben der Aufsichtsbehörde hinzufügen",
    uploadHint:
      "Die Anlagen sehen nur das Ratsbüro, die federführende Stelle und die beteiligte Stelle; sie werden nie veröffentlicht.",
    remove: (title: string) => `„${title}“ entfernen`,
    uploaded: "Die Anlage wurde gespeichert.",
    removed: "Die Anlage wurde entfernt.",
    refused:
      "Anlagen kann nur die federführende Stelle hinzufügen oder entfernen – zur Anfrage nur, solange sie nicht beantwortet ist, und nicht mehr nach Veröffentlichung der Antwort.",
    notReadable:
      "Die Anlagen dieser Beteiligung sehen nur das Ratsbüro, die federführende Stelle und die beteiligte Stelle.",
  },

  quote: {
    heading: "In der Antwort",
    label: "Stellungnahme mit der Antwort veröffentlichen",
    hint: "Wird die Antwort veröffentlicht, erscheint die Stellungnahme mit ihren Einschränkungen und Empfehlungen auf der öffentlichen Seite.",
    save: "Entscheidung speichern",
    quoted: "Wird mit der Antwort veröffentlicht.",
    notQuoted: "Wird nicht veröffentlicht.",
    copy: "In die Antwort übernehmen",
    copyHint: "Den Text kopieren und in einen Teil der Antwort einfügen.",
  },

  meta: {
    kind: "Art",
    addressee: "Beteiligt",
    sender: "Absender",
    status: "Stand",
    requestedOn: "Angefragt am",
    letterOn: "Schreiben vom",
    dueOn: "Antwort erbeten bis",
    answeredOn: "Beantwortet am",
    repliedOn: "Antwort vom",
    verdict: "Ergebnis",
    inquiry: "Vorgang",
  },

  errors: {
    stale:
      "Die Beteiligung wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand; Ihre Eingaben sind erhalten.",
    answerStale:
      "Die Antwort wurde inzwischen geändert. Bitte prüfen Sie den aktuellen Stand; Ihre Eingaben sind erhalten.",
    questionsEmpty: "Bitte formulieren Sie die Fragen.",
    letterEmpty: "Bitte geben Sie den Inhalt des Schreibens ein.",
    statementEmpty: "Bitte schreiben Sie die Stellungnahme, bevor Sie sie abgeben.",
    replyEmpty: "Bitte geben Sie den Text des Antwortschreibens ein.",
    titleTooLong: `Die Überschrift darf höchstens 300 Zeichen lang sein.`,
    verdictMissing: "Bitte wählen Sie ein Ergebnis.",
    verdictUnknown: "Bitte wählen Sie eines der angebotenen Ergebnisse.",
    addresseeUnknown: "Bitte wählen Sie einen der angebotenen Adressaten.",
    tooManyItems: (max: number) => `Höchstens ${max} Punkte sind möglich.`,
    item: {
      unknown_kind: "Bitte wählen Sie Einschränkung oder Empfehlung.",
      too_long: "Ein Punkt darf höchstens 2.000 Zeichen lang sein.",
    } satisfies Record<ItemProblem, string>,
    due: {
      missing: "Bitte geben Sie an, bis wann die Antwort erbeten ist.",
      invalid: "Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).",
      past: "Das Datum liegt in der Vergangenheit.",
      too_far: "Das Datum liegt mehr als ein Jahr in der Zukunft.",
    } satisfies Record<DueDateProblem, string>,
    letterDate: {
      missing: "Bitte geben Sie das Datum des Schreibens an.",
      invalid: "Bitte geben Sie ein gültiges Datum an (TT.MM.JJJJ).",
      future: "Das Datum liegt in der Zukunft.",
    } satisfies Record<LetterDateProblem, string>,
    replyBeforeLetter: "Das Antwortschreiben kann nicht vor dem Schreiben der Aufsichtsbehörde liegen.",
    alreadyAnswered: "Diese Beteiligung ist bereits beantwortet.",
    notAnswered: "Die Stellungnahme liegt noch nicht vor.",
    answerNotDrafting: "Die Antwort ist nicht im Entwurf; eine Beteiligung ist jetzt nicht möglich.",
    forbidden: "Dazu sind Sie bei dieser Beteiligung nicht berechtigt.",
  },

  notification: {
    requested: (kind: ConsultationKind, dueOn: string | null) =>
      `${kind === "department" ? "Zulieferung" : "Stellungnahme"} erbeten${dueOn ? ` bis ${formatDate(dueOn)}` : ""}`,
  },
};
