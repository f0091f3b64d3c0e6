/** German wording of the public search (/suche), including the hints shown for unusable input. */
export const searchTexts = {
  title: "Suche",
  metaDescription: "Anfragen und Antworten aller Körperschaften durchsuchen.",
  lead: "Durchsucht Titel, Fragen und veröffentlichte Antworten aller Körperschaften.",
  label: "Suchbegriffe",
  hint: 'Mehrere Wörter müssen alle vorkommen. "in Anführungszeichen" sucht eine Wortfolge, -wort schließt ein Wort aus, or findet eines von zwei Wörtern.',
  submit: "Suchen",
  resultsHeading: (total: number, capped: boolean) =>
    total === 0
      ? "Keine Treffer"
      : `${capped ? "Mindestens " : ""}${total.toLocaleString("de-DE")} ${total === 1 ? "Treffer" : "Treffer"}`,
  pageOf: (page: number, count: number) => `Seite ${page} von ${count}`,
  facetsHeading: "Treffer eingrenzen",
  facetsCapped: (limit: string) =>
    `Die Zahlen zählen nur die ersten ${limit} gefundenen Treffer und sind Mindestwerte; ein Filter sucht in allen Treffern.`,
  facetBody: "Körperschaft",
  facetType: "Art",
  facetStatus: "Stand",
  facetYear: "Jahr",
  facetFaction: "Fraktion",
  facetDepartment: "Federführung",
  facetTool: "Werkzeug",
  sortLabel: "Sortierung:",
  sortRelevance: "nach Relevanz",
  sortDate: "nach Datum (neueste zuerst)",
  headerLabel: "Suche in Anfragen und Antworten",
  headerSubmit: "Suche starten",
  headerFormLabel: "Schnellsuche",
  facetAll: "alle",
  removeFilter: (label: string) => `Filter „${label}“ entfernen`,
  apply: "Eingrenzen",
  noResultsHelp: [
    "Prüfen Sie die Schreibweise.",
    "Verwenden Sie weniger oder allgemeinere Wörter.",
    "Entfernen Sie gewählte Filter.",
    "Teile zusammengesetzter Wörter werden in Titeln gefunden (zum Beispiel „Videokonferenz“).",
  ],
  previous: "Vorige Seite",
  next: "Nächste Seite",
  hints: {
    empty: "Bitte geben Sie einen Suchbegriff ein.",
    tooLong: (max: number) => `Ihre Suche war länger als ${max} Zeichen; gesucht wurde mit den ersten ${max} Zeichen.`,
    noWords:
      "Ihre Suche enthält keine suchbaren Wörter (nur Zeichen, Operatoren oder sehr häufige Wörter). Bitte geben Sie ein Wort ein.",
    badPage: "Diese Seitenzahl gibt es nicht; gezeigt wird die erste Seite.",
    badFilter: "Ein Filter in der Adresse war ungültig und wurde nicht angewendet.",
    rateLimited: (seconds: number) =>
      `Von Ihrem Anschluss kamen gerade sehr viele Suchanfragen. Bitte versuchen Sie es in ${seconds} Sekunden noch einmal.`,
    badSort: "Diese Sortierung gibt es nicht; sortiert wird nach Relevanz.",
    pageClamped: "Diese Seite gibt es nicht; gezeigt wird die letzte Seite.",
  },
};
