/** German wording of a body's statistics page (/{body}/statistik) and its CSV. */

/** The groupings of the statistics, in the order the page shows them. */
export const STATISTICS_DIMENSIONS = ["department", "faction", "type", "year"] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];
export const statisticsTexts = {
  title: "Statistik",
  linkLabel: "Statistik",
  metaDescription: (body: string) =>
    `${body}: Wie schnell und wie fristgerecht die Verwaltung Anfragen beantwortet – nach Fachbereich, Fraktion, Art und Jahr.`,
  lead: "Wie lange die Beantwortung öffentlicher Anfragen dauert, wie viele fristgerecht beantwortet wurden, wie oft Fristen verlängert und wie viele Antwortteile zurückgehalten wurden.",
  empty: (body: string) =>
    `Für ${body} gibt es noch keine öffentlichen Anfragen, über die sich etwas zählen ließe. Sobald Anfragen veröffentlicht sind, steht hier, wie schnell sie beantwortet werden.`,
  definitionsHeading: "So wird gezählt",
  definitions: [
    "Gezählt werden nur öffentliche Anfragen (keine Anträge).",
    "Dauer: Tage vom Eingang der Anfrage bis zum Datum der ersten veröffentlichten Antwort.",
    "Median: die Hälfte der Anfragen wurde schneller beantwortet. 90-%-Wert: neun von zehn Anfragen wurden schneller beantwortet.",
    "Fristgerecht: beantwortet bis zur geltenden Frist (verlängerte Fristen eingeschlossen). Die Quote bezieht sich auf Anfragen, deren Frist sich beurteilen lässt: beantwortete mit Frist und offene, deren Frist abgelaufen ist.",
    "Zurückgehaltene Teile: Teile der jeweils neuesten veröffentlichten Antwort, die ganz oder teilweise nicht veröffentlicht wurden.",
  ],
  overallHeading: "Insgesamt",
  dimensionHeadings: {
    department: "Nach Fachbereich",
    faction: "Nach Fraktion",
    type: "Nach Art der Anfrage",
    year: "Nach Jahr des Eingangs",
  },
  /** The heading inside a sentence ("Median …, nach Fachbereich"). */
  dimensionPhrase: {
    department: "nach Fachbereich",
    faction: "nach Fraktion",
    type: "nach Art der Anfrage",
    year: "nach Jahr des Eingangs",
  },
  dimensionColumn: {
    department: "Fachbereich",
    faction: "Fraktion",
    type: "Art",
    year: "Jahr",
  },
  noGroupLabel: "ohne Angabe",
  chartTitle: (dimension: string) => `Median der Beantwortungsdauer in Tagen, ${dimension}`,
  chartDescription: (dimension: string, parts: string[]) =>
    parts.length
      ? `Balkendiagramm, ${dimension}: ${parts.join("; ")}. Dieselben Zahlen stehen in der Tabelle darunter.`
      : `Balkendiagramm, ${dimension}: noch keine beantworteten Anfragen.`,
  chartPart: (label: string, median: string) => `${label} ${median} Tage`,
  tableCaption: (dimension: string) => `Beantwortung ${dimension}`,
  columns: {
    inquiries: "Anfragen",
    answered: "beantwortet",
    median: "Median (Tage)",
    p90: "90-%-Wert (Tage)",
    onTime: "fristgerecht",
    onTimeRate: "Quote fristgerecht",
    extensions: "Fristverlängerungen",
    withheld: "zurückgehaltene Teile",
  },
  onTimeOf: (onTime: string, judged: string) => `${onTime} von ${judged}`,
  noValue: "–",
  summary: {
    inquiries: "Öffentliche Anfragen",
    answered: "davon beantwortet",
    median: "Median der Dauer",
    p90: "90-%-Wert der Dauer",
    onTimeRate: "Fristgerecht beantwortet",
    extensions: "Fristverlängerungen",
    withheld: "Zurückgehaltene Antwortteile",
    days: (value: string) => `${value} Tage`,
  },
  csv: {
    dimension: "Gliederung",
    group: "Gruppe",
    total: "insgesamt",
    deadlineJudged: "Frist beurteilbar",
    onTimeRatePercent: "Quote fristgerecht (%)",
  },
  overdueLink: "Überfällige Anfragen dieser Körperschaft",
};
