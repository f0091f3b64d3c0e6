/** German wording of drafting and submitting an inquiry (faction side), kept in one place for review. */
import { FIELD_TEXT_MAX_LENGTH, QUESTIONS_MAX, TITLE_MAX_LENGTH } from "../draft";

const thousands = (n: number) => n.toLocaleString("de-DE");

/** Who saved the version a save met, and when: "Gespeichert von Anna Beispiel um 14:32 Uhr." */
export function conflictSavedBy(name: string | null | undefined, time: string): string {
  return name ? `Gespeichert von ${name} um ${time} Uhr.` : `Die andere Fassung wurde um ${time} Uhr gespeichert.`;
}

export const draftText = {
  newPageTitle: "Neuen Entwurf anlegen – Quaestio",
  newHeading: "Neuen Entwurf anlegen",
  newIntro:
    "Wählen Sie die Art (Anfrage oder, wo der Rat es vorsieht, Antrag) und geben Sie einen Titel ein. Fragen oder Antragstext schreiben Sie im nächsten Schritt.",
  body: "Körperschaft",
  bodyHint: "Sie sind Mitglied in Fraktionen mehrerer Körperschaften.",
  type: "Art der Anfrage",
  typeRule: (rule: string) => `Frist: ${rule}`,
  noTypes: "Für diese Körperschaft sind keine Anfragearten eingerichtet.",
  title: "Titel",
  titleHint: `Höchstens ${thousands(TITLE_MAX_LENGTH)} Zeichen.`,
  create: "Entwurf anlegen",
  backToWorkspace: "Zurück zum Arbeitsbereich",

  editPageTitle: (title: string) => `Entwurf: ${title} – Quaestio`,
  editHeading: "Entwurf bearbeiten",
  /** A co-author who may not edit (or a draft that can no longer be edited) reads it only. */
  viewHeading: "Entwurf ansehen",
  viewPageTitle: (title: string) => `Entwurf ansehen: ${title} – Quaestio`,
  readOnlyNotice:
    "Sie können diesen Entwurf Ihrer Fraktion lesen. Bearbeiten und einreichen können ihn nur die Verfasserin oder der Verfasser und die Mitautorinnen und Mitautoren.",
  metaType: "Art",
  metaBody: "Körperschaft",
  metaFaction: "Fraktion",
  metaRule: "Frist nach Eingang",
  preamble: "Vorbemerkung (optional)",
  questions: "Fragen",
  question: (number: string) => `Frage ${number}`,
  addQuestion: "Frage hinzufügen",
  // The numbered parts' buttons, worded per type (`part` is "Frage 2" or "Beschlussvorschlag 2", type-words).
  addSubQuestion: (part: string, sub = "Unterfrage") => `${sub} zu ${part} hinzufügen`,
  removeQuestion: (part: string) => `${part} löschen`,
  moveUp: (part: string) => `${part} nach oben`,
  moveDown: (part: string) => `${part} nach unten`,
  indent: (part: string, toSub = "zur Unterfrage") => `${part} ${toSub} machen`,
  outdent: (part: string, toMain = "zur Hauptfrage") => `${part} ${toMain} machen`,
  questionAdded: (number: string) => `Frage ${number} hinzugefügt.`,
  questionRemoved: "Frage gelöscht; die folgenden Fragen sind neu nummeriert.",
  questionNowNumber: (number: string) => `Die Frage hat jetzt die Nummer ${number}.`,
  questionsLimit: `Höchstens ${QUESTIONS_MAX} Fragen; Unterfragen (a, b …) gehen eine Ebene tief.`,
  plainTextHint: "Ohne JavaScript: Absätze durch eine Leerzeile trennen, Aufzählungen mit „- “ beginnen.",

  save: "Entwurf speichern",
  saving: "Wird gespeichert …",
  savedAt: (time: string) => `Entwurf gespeichert um ${time} Uhr.`,
  saveFailed: "Nicht übernommen: Bitte prüfen Sie die markierten Felder. Ihr Text ist nicht verloren.",
  saveFailedNetwork:
    "Speichern fehlgeschlagen: Der Server ist nicht erreichbar. Ihr Text bleibt im Editor; wir versuchen es beim nächsten Tippen erneut.",
  saveFailedServer: "Speichern fehlgeschlagen (Serverfehler). Ihr Text ist nicht verloren; wir versuchen es erneut.",
  saveFailedConnection:
    "Speichern fehlgeschlagen: Die Verbindung zum Server ist abgebrochen. Ihr Text ist nicht verloren; wir versuchen es erneut.",
  serverErrorReference: (id: string) => `Fehlernummer für Rückfragen: ${id}.`,
  unsaved: "Ungespeicherte Änderungen.",
  backupHeading: "Ungespeicherte Änderungen gefunden",
  backupIntro:
    "In diesem Browser liegt eine Fassung dieses Entwurfs, die nicht gespeichert wurde (zum Beispiel weil das Speichern fehlgeschlagen ist). Sie unterscheidet sich von der gespeicherten Fassung.",
  backupRestore: "Ungespeicherte Änderungen wiederherstellen",
  backupDiscard: "Verwerfen",
  backupRestored: "Ungespeicherte Änderungen wiederhergestellt; sie werden jetzt gespeichert.",
  backupDiscarded: "Die ungespeicherte Fassung wurde verworfen.",
  conflict:
    "Jemand anderes hat diesen Entwurf inzwischen gespeichert. Ihre Fassung wurde NICHT gespeichert, sie steht unverändert im Editor.",
  conflictSavedBy,
  conflictShowOther: "Die gespeicherte Fassung in einem neuen Tab ansehen",
  conflictOverwrite: "Meine Fassung trotzdem speichern",
  autosaveOff: "Automatisches Speichern ist angehalten, bis Sie über den Konflikt entschieden haben.",

  submitHeading: "Einreichen",
  submitIntro:
    "Mit dem Einreichen erhält die Anfrage ihre Nummer und ihre Frist; danach kann sie nicht mehr bearbeitet werden.",
  submitConfirm: "Ich habe die Anfrage geprüft und möchte sie jetzt einreichen.",
  submitConfirmMissing: "Bitte bestätigen Sie, dass Sie die Anfrage jetzt einreichen möchten.",
  submit: "Anfrage einreichen",

  coauthorsHeading: "Mitautorinnen und Mitautoren",
  coauthorsHint: "Mitglieder Ihrer Fraktion, die den Entwurf bearbeiten und einreichen dürfen.",
  coauthorsNone: "Keine weiteren Mitglieder in Ihrer Fraktion.",
  coauthorsList: (names: string) =>
    names ? `Mitautorinnen und Mitautoren: ${names}` : "Noch keine Mitautorinnen und Mitautoren.",
  coauthorsSave: "Mitautorinnen und Mitautoren speichern",
  coauthorsSaved: "Mitautorinnen und Mitautoren gespeichert.",
  coauthorsInvalid: "Mitautorinnen und Mitautoren müssen aktive Mitglieder Ihrer Fraktion sein.",

  deleteHeading: "Entwurf löschen",
  deleteConfirm: "Ja, diesen Entwurf endgültig löschen.",
  deleteConfirmMissing: "Bitte bestätigen Sie das Löschen.",
  delete: "Entwurf löschen",

  errorSummary: "Bitte korrigieren Sie die markierten Angaben. Ihre Eingaben sind erhalten.",
  titleEmpty: "Bitte geben Sie einen Titel ein.",
  titleTooLong: `Der Titel darf höchstens ${thousands(TITLE_MAX_LENGTH)} Zeichen lang sein.`,
  typeMissing: "Bitte wählen Sie eine Art der Anfrage.",
  bodyMissing: "Bitte wählen Sie eine Körperschaft.",
  tooManyQuestions: (count: number) =>
    `Eine Anfrage darf höchstens ${QUESTIONS_MAX} Fragen haben (hier: ${thousands(count)}). Bitte fassen Sie Fragen zusammen.`,
  noQuestions: "Eine Anfrage braucht mindestens eine Frage.",
  questionEmpty: (number: string) => `Frage ${number} ist leer.`,
  fieldTooLong: (label: string) =>
    `${label}: höchstens ${thousands(FIELD_TEXT_MAX_LENGTH)} Zeichen Text. Bitte kürzen Sie den Text.`,
  fieldTooLarge: (label: string) => `${label}: Der formatierte Text ist zu umfangreich. Bitte kürzen Sie ihn.`,
  fieldInvalid: (label: string, detail: string) => `${label}: ${detail}`,
  fieldNotJson: (label: string) => `${label}: Der formatierte Text ist ungültig (kein gültiges JSON).`,
  contentTooDeep: "Der formatierte Text ist ungültig: Er ist zu tief verschachtelt.",
  preambleLabel: "Vorbemerkung",
  malformed: "Das Formular ist unvollständig. Bitte laden Sie die Seite neu; Ihre Eingaben sind unten noch zu sehen.",

  toolbar: (field: string) => `Formatierung: ${field}`,
  editorKeys:
    "Tastatur: Escape springt zur Werkzeugleiste. In einer Tabelle springt Tab zur nächsten Zelle und verlässt nach der letzten Zelle das Eingabefeld (Umschalt+Tab nach der ersten rückwärts).",
  bold: "Fett",
  italic: "Kursiv",
  heading3: "Überschrift 3",
  heading4: "Überschrift 4",
  bulletList: "Aufzählung",
  orderedList: "Nummerierte Liste",
  link: "Link",
  linkAddress: "Linkadresse (https://, http:// oder mailto:)",
  linkApply: "Link setzen",
  linkRemove: "Link entfernen",
  linkInvalid: "Nur Adressen mit https://, http:// oder mailto: sind erlaubt.",
  insertTable: "Tabelle einfügen",
  addRow: "Zeile hinzufügen",
  addColumn: "Spalte hinzufügen",
  deleteTable: "Tabelle löschen",
  undo: "Rückgängig",
  redo: "Wiederholen",
};
