/**
 * The texts of the Landtag NRW seed (seed 003), as printed: the Kleine Anfrage 3761, the answer in
 * Drucksache 17/9511 and the LDI "Leitplanken" it refers to. Sentences broken by a page break are joined.
 */
import { doc, link, paragraph } from "./support";

export const NRW_KLEINE_ANFRAGE_DEADLINE_LABEL = "4 Wochen nach Eingang";

export const LDI_URL =
  "https://www.lidi.nrw.de/mainmenu_Aktuelles/Inhalt/Schule_-Videokonferenzsysteme-und-Messenger-Dienste-waehrend-der-Corona-Pandemie/LDI-NRW--Videokonferenzsysteme-18_05_2020.pdf";

export const LDI_TITLE =
  "Leitplanken für die Auswahl von Videokonferenzsystemen während der Kontaktbeschränkungen aufgrund der Corona-Pandemie";

// The document's footnote ¹ has no node of its own: the mark stays in the text, the note is the last paragraph.
export const inquiryPreamble = doc(
  paragraph(
    `Am 18. Mai hat die Landesbeauftragte für Datenschutz und Informationsfreiheit (LDI) „${LDI_TITLE}“¹ veröffentlicht. Gerade vor dem Hintergrund der Corona-Pandemie hat die Bedeutung von Videokonferenzen und der entsprechenden Tools deutlich zugenommen und mit ihnen die Relevanz des Datenschutzes.`,
  ),
  paragraph("¹ ", link(LDI_URL)),
);

export const questionTexts = [
  "Welche Videokonferenz-Tools werden durch die Landesregierung eingesetzt? (bitte aufschlüsseln je Ministerium und nachgeordnetem Bereich)",
  "An wie vielen Arbeitsplätzen werden diese Tools jeweils eingesetzt?",
  "Welche dieser Tools entsprechen den in der Vorbemerkung zitierten „Leitplanken“ der LDI?",
  "Wie geht die Landesregierung mit solchen Tools um, die nicht den „Leitplanken“ entsprechen?",
];

export const answerIntro =
  "Der Minister für Wirtschaft, Innovation, Digitalisierung und Energie hat die Kleine Anfrage 3761 mit Schreiben vom 7. Juli 2020 namens der Landesregierung im Einvernehmen mit dem Ministerpräsidenten sowie allen übrigen Mitgliedern der Landesregierung beantwortet.";

export const answerPreamble =
  "Mit dem Begriff „Videokonferenz-Tools“ werden die Videokonferenzsysteme verstanden, die von den Mitarbeiterinnen und Mitarbeitern in der Landesverwaltung genutzt werden können, um selber Videokonferenzen zu initiieren.";

export const itSecurityJustification =
  "Die gewünschten detaillierten Angaben zu eingesetzten Technologien und Herstellern können aus Gründen der IT-Sicherheit nicht bekannt gegeben werden. Bereits die Herstellerangabe birgt die Gefahr, potentiellen Angreifern zielgerichtete Angriffe zu ermöglichen und lassen Rückschlüsse auf die Kommunikations- und Einsatzfähigkeit der Polizei NRW zu, die zu Cyberangriffen (z.B. DDos-Attacken) missbraucht werden könnten.";

export const part1 = [
  "Die Videokonferenz-Tools, die in der Landesverwaltung von den Mitarbeiterinnen und Mitarbeitern eingesetzt werden, um selber Videokonferenzen zu initiieren, sind der Anlage zu entnehmen.",
  "Zudem gibt es dedizierte eigene Telefon- und Videokonferenzanlagen in der Hoheit und betrieblichen Verantwortung der Polizei NRW.",
];

export const part2 = ["Die gewünschten Angaben sind der nachfolgenden Übersicht zu entnehmen:"];

export const jointNote = "Die Fragen 3 und 4 werden wegen des bestehenden Sachzusammenhangs gemeinsam beantwortet.";

export const ldiStatusNote =
  "Ein Abgleich der Nutzung der Systeme mit den LDI-Leitplanken „Videokonferenzsystemen“ vom 18.05.2020 konnte aufgrund der Kürze der Zeit noch nicht abschließend durchgeführt werden.";

export const part3 = [
  "Die Leitplanken der Landesbeauftragten für Datenschutz und Informationsfreiheit empfehlen bevorzugt die Nutzung eigener Dienste mit öffentlich verfügbarer oder kommerziell erhältlicher Software. Hierbei ist sicherzustellen, dass die eingesetzte Software keine Daten über ihre Beschäftigten oder deren Kommunikationspartner/-innen an den Hersteller für dessen Zwecke übermittelt. Die von den Rechenzentren der Landesverwaltung bereitgestellten Videokonferenzlösungen erfüllen diese Vorgaben.",
  `Neben umfangreichen technischen Maßnahmen wird die Datensicherheit bei der Arbeit auch durch organisatorische Regelungen sichergestellt. Übergreifende Regelungen in der Landesverwaltung wurden zwischen den Ressorts abgestimmt. Die Auswahl weiterer eingesetzter Videokonferenzsysteme basiert im Rahmen der Eigenverantwortung der nutzenden Behörden auf diesen Regelungen. ${ldiStatusNote}`,
];

/** Only what the answer says the Leitplanken say (the guideline itself is not among the documents). */
export const ldiCriteria = [
  "Bevorzugt Nutzung eigener Dienste mit öffentlich verfügbarer oder kommerziell erhältlicher Software",
  "Die eingesetzte Software übermittelt keine Daten über Beschäftigte oder deren Kommunikationspartner/-innen an den Hersteller für dessen Zwecke",
];
