/** German wording of the Atom feeds (issue 14). */
import { formatDate } from "../format";

export const feedText = {
  author: "Quaestio",
  notFound: "Diesen Feed gibt es nicht.",
  subscribeLink: "Feed abonnieren",
  linkTitle: (what: string) => `Atom-Feed: ${what}`,
  all: {
    title: "Quaestio – alle veröffentlichten Antworten",
    subtitle: "Neue und berichtigte Antworten aller Körperschaften.",
  },
  body: (name: string) => ({
    title: `${name} – veröffentlichte Antworten`,
    subtitle: `Neue und berichtigte Antworten: ${name}.`,
  }),
  faction: (faction: string, body: string) => ({
    title: `${faction} (${body}) – veröffentlichte Antworten`,
    subtitle: `Antworten auf Anfragen von ${faction}.`,
  }),
  tool: (name: string) => ({
    title: `${name} – Antworten, die das Werkzeug nennen`,
    subtitle: `Antworten, deren Werkzeugübersicht ${name} nennt.`,
  }),
  inquiry: (reference: string, title: string) => ({
    title: `${reference}: ${title}`,
    subtitle: "Verlauf der Anfrage.",
  }),
  entry: {
    answerTitle: (reference: string, title: string, corrected: boolean) =>
      `${corrected ? "Berichtigte Antwort" : "Antwort"}: ${reference} – ${title}`,
    answerSummary: (input: {
      bodyName: string;
      reference: string;
      document: string | null;
      date: string;
      correctionNote: string | null;
      withheld: string[];
    }) =>
      [
        `${input.bodyName}, ${input.reference}.`,
        `${input.document ? `${input.document} vom` : "Veröffentlicht am"} ${formatDate(input.date)}.`,
        input.correctionNote ? `Berichtigung: ${input.correctionNote}` : null,
        input.withheld.length
          ? `Teile der Antwort sind nicht öffentlich. Begründung: ${input.withheld.join(" ")}`
          : null,
      ]
        .filter(Boolean)
        .join(" "),
    eventTitle: (label: string, reference: string) => `${reference}: ${label}`,
    eventSummary: (label: string, date: string, note: string | null) =>
      `${label} am ${formatDate(date)}${note ? `: ${note}` : "."}`,
  },
} as const;
