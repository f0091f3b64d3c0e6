/**
 * German wording of the workflow on the staff view of one inquiry (intake, assignment, agenda, visibility,
 * extensions, withdrawal, motions), kept in one place for review.
 */
export const workflowText = {
  actionsHeading: "Nächste Schritte",
  noActions: "Für Sie steht bei diesem Vorgang gerade kein Arbeitsschritt an.",
  editDraft: "Entwurf bearbeiten",
  done: {
    accept: "Die Anfrage wurde angenommen.",
    declare_inadmissible: "Die Anfrage wurde für unzulässig erklärt.",
    assign: "Die Federführung wurde zugewiesen.",
    change_contributors: "Die beteiligten Organisationseinheiten wurden geändert.",
    start_answering: "Die Beantwortung hat begonnen.",
    link_agenda: "Der Vorgang wurde mit dem Tagesordnungspunkt verknüpft.",
    put_on_agenda: "Der Antrag wurde auf die Tagesordnung gesetzt.",
    decide: "Der Beschluss wurde erfasst.",
    change_visibility: "Die Sichtbarkeit wurde geändert.",
    hide_question_text: "Der Fragetext wird öffentlich nicht mehr gezeigt.",
    show_question_text: "Der Fragetext wird öffentlich wieder gezeigt.",
    request_extension: "Die Fristverlängerung wurde beantragt.",
    grant_extension: "Die Fristverlängerung wurde gewährt.",
    refuse_extension: "Die Fristverlängerung wurde abgelehnt.",
    extend_deadline: "Die Frist wurde verlängert.",
    withdraw: "Die Anfrage wurde zurückgezogen.",
  } as Record<string, string>,

  // facts shown on the page
  workflowHeading: "Bearbeitung",
  contributors: "Beteiligte Organisationseinheiten",
  noContributors: "keine",
  visibilityReason: "Begründung der Sichtbarkeit",
  extensionsHeading: "Fristverlängerungen",
  noExtensions: "Die Frist wurde bisher nicht verlängert.",
  extensionLine: (from: string, to: string, reason: string) => `von ${from} auf ${to} – ${reason}`,
  pendingHeading: "Offene Anträge auf Fristverlängerung",
  pendingLine: (org: string, date: string, reason: string) => `${org} beantragt eine Frist bis ${date}: ${reason}`,
  agendaHeading: "Beratungsfolge (Sitzungen und Tagesordnungspunkte)",
  noAgenda: "Noch mit keiner Sitzung verknüpft.",
  agendaLine: (meeting: string, date: string, item: string | null, title: string) =>
    item ? `${meeting} am ${date}, TOP ${item}: ${title}` : `${meeting} am ${date}: ${title}`,
  withdrawal: "Zurückgezogen",
  motionDecision: "Beschluss",

  // forms
  version: "Bearbeitungsstand",
  accept: "Anfrage annehmen",
  acceptHeading: "Eingang prüfen",
  acceptIntro: "Ist die Anfrage zulässig, nehmen Sie sie an; danach weisen Sie die Federführung zu.",
  inadmissibleHeading: "Für unzulässig erklären",
  inadmissibleReason: "Begründung der Unzulässigkeit (bei einer öffentlichen Anfrage öffentlich sichtbar)",
  inadmissibleSubmit: "Für unzulässig erklären",
  hideQuestionText: "Fragetext öffentlich nicht zeigen",
  hideQuestionTextHeading: "Fragetext öffentlich nicht zeigen",
  hideQuestionTextSubmit: "Fragetext verbergen",
  questionTextHiddenFact: "Fragetext öffentlich verborgen",
  questionTextAlreadyHidden: "Der Fragetext wird bereits nicht veröffentlicht.",
  hideQuestionTextHint:
    "Etwa bei Unzulässigkeit aus Personalgründen: Öffentlich erscheinen dann nur Titel, Status und der Hinweis unten, nicht die Vorbemerkung und die Fragen. Die Verwaltung sieht den Text weiterhin.",
  questionTextHiddenReason: "Öffentlicher Hinweis, warum der Fragetext nicht gezeigt wird",
  showQuestionTextHeading: "Fragetext öffentlich wieder zeigen",
  showQuestionTextHint:
    "Die öffentliche Seite zeigt dann wieder die Vorbemerkung und die Fragen statt des Hinweises; Suche, Feeds und OParl enthalten den Text wieder.",
  showQuestionTextReason: "Begründung (nur für die Verwaltung sichtbar, im Protokoll)",
  showQuestionTextSubmit: "Fragetext wieder zeigen",
  questionTextNotHidden: "Der Fragetext wird bereits öffentlich gezeigt.",
  questionTextHiddenReasonRequired:
    "Bitte geben Sie den öffentlichen Hinweis an, warum der Fragetext nicht gezeigt wird.",
  assignHeading: "Federführung und Beteiligung",
  lead: "Federführende Organisationseinheit",
  contributorsLegend: "Beteiligte Organisationseinheiten (optional)",
  contributorsHint:
    "Beteiligte Stellen können den Vorgang öffnen und schreiben Beiträge zur Antwort; die federführende Stelle fasst die Antwort zusammen.",
  assignSubmit: "Federführung zuweisen",
  contributorsSubmit: "Beteiligung speichern",
  startAnsweringHeading: "Beantwortung",
  startAnsweringSubmit: "Beantwortung beginnen",
  agendaFormHeading: "Mit Sitzung und Tagesordnungspunkt verknüpfen",
  putOnAgendaHeading: "Antrag auf die Tagesordnung setzen",
  meeting: "Sitzung",
  agendaItem: "Vorhandener Tagesordnungspunkt",
  newItem: "neuen Tagesordnungspunkt anlegen",
  showMeetingItems: "Tagesordnungspunkte dieser Sitzung anzeigen",
  chooseMeetingFirst: "Die Liste zeigt die Tagesordnungspunkte der oben gewählten Sitzung.",
  newItemNumber: "Nummer des neuen TOP",
  newItemTitle: "Titel des neuen TOP",
  newItemHint: "Nur ausfüllen, wenn oben „neuen Tagesordnungspunkt anlegen“ gewählt ist.",
  purpose: "Anlass",
  roleLabel: "Zuständigkeit in der Beratungsfolge",
  roleLabels: ["Anhörung", "Kenntnisnahme", "Entscheidung"] as const,
  newMeeting: "neue Sitzung anlegen",
  newMeetingOrganizationId: "Gremium der neuen Sitzung",
  newMeetingDate: "Datum der neuen Sitzung",
  newMeetingHint: "Nur ausfüllen, wenn oben „neue Sitzung anlegen“ gewählt ist.",
  meetingName: (organ: string) => `Sitzung: ${organ}`,
  unknownOrgan: "Bitte wählen Sie den Rat oder einen Ausschuss dieser Körperschaft.",
  agendaSubmit: "Verknüpfen",
  putOnAgendaSubmit: "Auf die Tagesordnung setzen",
  decideHeading: "Beschluss erfassen",
  decision: "Ergebnis",
  decisionMeeting: "Sitzung, in der beschlossen wurde",
  decisionMeetingUpcoming: (meetings: string) =>
    `Sitzungen, die noch nicht stattgefunden haben, stehen nicht zur Wahl (${meetings}).`,
  decideNotYet: (meetings: string) =>
    meetings
      ? `Der Beschluss kann ab dem Tag der Sitzung erfasst werden: ${meetings}.`
      : "Der Antrag steht auf keiner Tagesordnung zur Entscheidung; setzen Sie ihn zuerst auf die Tagesordnung einer Sitzung.",
  decisionNote: "Hinweis zum Beschluss (öffentlich)",
  decideSubmit: "Beschluss erfassen",
  visibilityHeading: "Sichtbarkeit",
  visibilityExplanation:
    "„Öffentlich“ heißt: Die Anfrage mit ihren Fragen, Fristen, Fristverlängerungen und – sobald veröffentlicht – der Antwort ist für alle ohne Anmeldung unter ihrer Nummer abrufbar, durchsuchbar und in den Feeds und Exporten enthalten. Entwürfe der Antwort, zurückgehaltene Texte und nicht veröffentlichte Stellungnahmen bleiben intern.",
  visibilityChoice: "Neue Sichtbarkeit",
  visibilityPublic: "öffentlich",
  visibilityInternal: "nicht öffentlich",
  visibilityReasonField: "Begründung der Änderung",
  visibilitySubmit: "Sichtbarkeit ändern",
  requestExtensionHeading: "Fristverlängerung beantragen",
  newDueOn: "Neue Frist",
  extensionReason: "Begründung (wird bei Gewährung öffentlich angezeigt)",
  requestExtensionSubmit: "Fristverlängerung beantragen",
  decideExtensionHeading: "Antrag auf Fristverlängerung entscheiden",
  grantSubmit: "Fristverlängerung gewähren",
  refusalNote: "Begründung der Ablehnung",
  refuseSubmit: "Fristverlängerung ablehnen",
  extendHeading: "Frist direkt verlängern",
  extendSubmit: "Frist verlängern",
  withdrawHeading: "Anfrage zurückziehen",
  withdrawNote: "Hinweis zur Rücknahme (öffentlich)",
  withdrawSubmit: "Zurückziehen",
  currentDue: (date: string) => `Aktuelle Frist: ${date}`,

  // messages
  stale:
    "Der Vorgang wurde inzwischen von jemand anderem geändert. Die Seite zeigt jetzt den aktuellen Stand; Ihre Eingaben sind erhalten. Bitte prüfen Sie sie und senden Sie das Formular erneut ab.",
  required: "Bitte füllen Sie dieses Feld aus.",
  tooLong: (max: number) => `Bitte kürzen Sie den Text auf höchstens ${max} Zeichen.`,
  invalidDate: "Bitte geben Sie ein gültiges Datum an.",
  dueNotAfterCurrent: "Die neue Frist muss nach der aktuellen Frist liegen.",
  chooseLead: "Bitte wählen Sie die federführende Organisationseinheit aus.",
  unknownOrganization:
    "Diese Organisationseinheit gehört nicht zu dieser Körperschaft oder kann nicht beteiligt werden.",
  chooseMeeting: "Bitte wählen Sie eine Sitzung aus.",
  unknownMeeting: "Diese Sitzung gibt es in dieser Körperschaft nicht.",
  chooseAgendaItem: "Bitte wählen Sie einen Tagesordnungspunkt oder legen Sie einen neuen an.",
  unknownAgendaItem: "Dieser Tagesordnungspunkt gehört nicht zur gewählten Sitzung.",
  agendaNumberTaken:
    "Diese Nummer ist in der Sitzung schon vergeben; wählen Sie den vorhandenen Punkt oder eine andere Nummer.",
  alreadyLinked: "Der Vorgang ist mit diesem Tagesordnungspunkt für diesen Anlass schon verknüpft.",
  choosePurpose: "Bitte wählen Sie den Anlass.",
  chooseDecision: "Bitte wählen Sie das Ergebnis.",
  chooseDecisionMeeting: "Bitte wählen Sie die Sitzung, in der beschlossen wurde.",
  chooseVisibility: "Bitte wählen Sie die Sichtbarkeit.",
  sameVisibility: "Der Vorgang hat diese Sichtbarkeit bereits.",
  noPendingRequest: "Dieser Antrag auf Fristverlängerung ist nicht mehr offen.",
  pendingExists: "Für diesen Vorgang liegt bereits ein offener Antrag auf Fristverlängerung vor.",
  notAllowed: "Dieser Arbeitsschritt steht Ihnen bei diesem Vorgang gerade nicht zu.",
  unknownIntent: "Unbekannter Arbeitsschritt.",
  invalidVersion: "Das Formular ist unvollständig. Bitte laden Sie die Seite neu.",
} as const;

export type WorkflowField =
  | "reason"
  | "leadOrganizationId"
  | "contributorIds"
  | "meetingId"
  | "newMeetingOrganizationId"
  | "newMeetingDate"
  | "agendaItemId"
  | "newItemNumber"
  | "newItemTitle"
  | "purpose"
  | "roleLabel"
  | "decision"
  | "note"
  | "visibility"
  | "newDueOn"
  | "publicNote"
  | "hideQuestionText"
  | "questionTextHiddenReason"
  | "form";
