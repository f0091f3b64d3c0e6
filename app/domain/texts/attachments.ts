/** German wording of attachments (Anlagen) to an answer, kept in one place for review. */
import { megabytes } from "../request-limits";

export const attachmentText = {
  pageTitle: (title: string) => `Anlagen: ${title} – Quaestio`,
  heading: "Anlagen zur Antwort",
  backToAnswer: "Zurück zur Antwort",
  sectionHeading: "Anlagen",
  manage: "Anlagen verwalten",
  none: "Noch keine Anlagen.",
  listLabel: "Anlagen dieser Fassung",
  nonPublic: "nicht öffentlich",
  public: "öffentlich",
  download: (name: string) => `${name} herunterladen`,
  uploadHeading: "Anlage hinzufügen",
  uploadHint: (maxBytes: number) =>
    `Erlaubt sind PDF, ODT, DOCX, XLSX, CSV, PNG und JPEG bis ${megabytes(maxBytes)} MB. Der Dateityp wird am Inhalt geprüft, nicht an der Endung.`,
  titleLabel: "Titel der Anlage",
  titleHint: "z. B. „Anlage 1: Übersicht der Werkzeuge nach Ressort“",
  fileLabel: "Datei",
  nonPublicLabel: "Nicht öffentlich (nur für die Verwaltung und die Beratung, nicht auf der öffentlichen Seite)",
  upload: "Anlage hochladen",
  uploaded: "Die Anlage wurde gespeichert.",
  removed: "Die Anlage wurde entfernt.",
  visibilityChanged: "Die Sichtbarkeit der Anlage wurde geändert.",
  remove: (title: string) => `„${title}“ entfernen`,
  makePublic: (title: string) => `„${title}“ öffentlich machen`,
  makeNonPublic: (title: string) => `„${title}“ als nicht öffentlich markieren`,
  locked:
    "Diese Fassung ist veröffentlicht oder freigegeben; ihre Anlagen können nicht mehr geändert werden. Für Änderungen beginnen Sie eine Berichtigung.",
  readOnly: "Anlagen hinzufügen oder entfernen kann nur die federführende Stelle.",
  signaturesLapsed:
    "Die Anlagen gehören zum gezeichneten Inhalt: bisherige Zeichnungen sind ungültig geworden, die Antwort ist zurück in der Bearbeitung.",
  errorSummary:
    "Bitte korrigieren Sie die markierten Angaben. Ihr Titel ist erhalten; die Datei wählen Sie bitte erneut.",
  // errors
  titleMissing: "Bitte geben Sie einen Titel für die Anlage an.",
  titleTooLong: "Der Titel darf höchstens 300 Zeichen lang sein.",
  fileMissing: "Bitte wählen Sie eine Datei aus.",
  fileEmpty: "Die Datei ist leer.",
  fileTooLarge: (maxBytes: number) => `Die Datei ist zu groß. Erlaubt sind höchstens ${megabytes(maxBytes)} MB.`,
  fileType:
    "Dieser Dateityp ist nicht erlaubt. Erlaubt sind PDF, ODT, DOCX, XLSX, CSV, PNG und JPEG – geprüft wird der Inhalt der Datei, nicht ihre Endung.",
  fileNameEmpty: "Die Datei hat keinen gültigen Namen.",
  fileNamePath: "Der Dateiname darf keine Pfadangaben (/ oder \\) enthalten. Bitte benennen Sie die Datei um.",
  fileNameTooLong: "Der Dateiname darf höchstens 200 Zeichen lang sein.",
  stale: "Die Antwort wurde inzwischen geändert. Bitte laden Sie die Seite neu und versuchen Sie es noch einmal.",
  malformed: "Die Eingabe konnte nicht gelesen werden. Bitte laden Sie die Seite neu.",
  publicDownload: (name: string, size: string) => `${name} (${size}) herunterladen`,
};
