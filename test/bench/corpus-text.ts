/**
 * Pure parts of the benchmark corpus: a seeded random source, German titles, questions and answers built from
 * word lists and sentence templates, and the choice of status in realistic proportions. No I/O: the same seed
 * gives the same text (test/unit/bench-corpus.test.ts).
 */

/** mulberry32: small, fast, good enough for test data; deterministic for a seed. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Picks a key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1]![0];
  }
  /** A random version-4 UUID from this source (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(n * 4294967296)
        .toString(16)
        .padStart(8, "0");
    const h = hex(this.next()) + hex(this.next()) + hex(this.next()) + hex(this.next());
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}

// ---- word lists ---------------------------------------------------------------------------------

/** Subjects with their grammatical form: nominative phrase, a genitive phrase, and a plural count noun. */
interface Topic {
  subject: string;
  genitive: string;
  countNoun: string;
}

const TOPICS: readonly Topic[] = [
  {
    subject: "Einsatz von Videokonferenzsystemen",
    genitive: "des Einsatzes von Videokonferenzsystemen",
    countNoun: "Videokonferenzlizenzen",
  },
  { subject: "Sanierung der Grundschulen", genitive: "der Sanierung der Grundschulen", countNoun: "Schulgebäude" },
  {
    subject: "Digitalisierung der Bauaufsicht",
    genitive: "der Digitalisierung der Bauaufsicht",
    countNoun: "Bauanträge",
  },
  { subject: "Ausbau der Radwege", genitive: "des Ausbaus der Radwege", countNoun: "Kilometer Radweg" },
  {
    subject: "Personalausstattung der Bürgerämter",
    genitive: "der Personalausstattung der Bürgerämter",
    countNoun: "Vollzeitstellen",
  },
  { subject: "Nutzung von Cloud-Diensten", genitive: "der Nutzung von Cloud-Diensten", countNoun: "Cloud-Dienste" },
  {
    subject: "Breitbandausbau im ländlichen Raum",
    genitive: "des Breitbandausbaus im ländlichen Raum",
    countNoun: "Haushalte",
  },
  {
    subject: "Kita-Plätze für unter Dreijährige",
    genitive: "der Kita-Plätze für unter Dreijährige",
    countNoun: "Betreuungsplätze",
  },
  {
    subject: "Lärmschutz an Bundesstraßen",
    genitive: "des Lärmschutzes an Bundesstraßen",
    countNoun: "Lärmschutzwände",
  },
  {
    subject: "IT-Sicherheit in der Verwaltung",
    genitive: "der IT-Sicherheit in der Verwaltung",
    countNoun: "Sicherheitsvorfälle",
  },
  {
    subject: "Unterbringung von Geflüchteten",
    genitive: "der Unterbringung von Geflüchteten",
    countNoun: "Unterkunftsplätze",
  },
  {
    subject: "Sanierung kommunaler Sportstätten",
    genitive: "der Sanierung kommunaler Sportstätten",
    countNoun: "Sporthallen",
  },
  {
    subject: "Förderung des sozialen Wohnungsbaus",
    genitive: "der Förderung des sozialen Wohnungsbaus",
    countNoun: "Sozialwohnungen",
  },
  {
    subject: "Open-Source-Software in den Ministerien",
    genitive: "der Open-Source-Software in den Ministerien",
    countNoun: "Fachverfahren",
  },
  {
    subject: "Barrierefreiheit öffentlicher Gebäude",
    genitive: "der Barrierefreiheit öffentlicher Gebäude",
    countNoun: "Gebäude",
  },
  {
    subject: "Wartezeiten bei der Kfz-Zulassung",
    genitive: "der Wartezeiten bei der Kfz-Zulassung",
    countNoun: "Termine",
  },
  {
    subject: "Ladeinfrastruktur für Elektrofahrzeuge",
    genitive: "der Ladeinfrastruktur für Elektrofahrzeuge",
    countNoun: "Ladepunkte",
  },
  {
    subject: "Hochwasserschutz an kleinen Gewässern",
    genitive: "des Hochwasserschutzes an kleinen Gewässern",
    countNoun: "Rückhaltebecken",
  },
  {
    subject: "Unterrichtsausfall an weiterführenden Schulen",
    genitive: "des Unterrichtsausfalls an weiterführenden Schulen",
    countNoun: "Unterrichtsstunden",
  },
  {
    subject: "Nutzung von Messenger-Diensten",
    genitive: "der Nutzung von Messenger-Diensten",
    countNoun: "Dienstgeräte",
  },
  { subject: "Baumfällungen im Stadtgebiet", genitive: "der Baumfällungen im Stadtgebiet", countNoun: "Bäume" },
  {
    subject: "Öffentlicher Personennahverkehr am Wochenende",
    genitive: "des öffentlichen Personennahverkehrs am Wochenende",
    countNoun: "Busverbindungen",
  },
  {
    subject: "Beschaffung von Dienstfahrzeugen",
    genitive: "der Beschaffung von Dienstfahrzeugen",
    countNoun: "Dienstfahrzeuge",
  },
  {
    subject: "Datenschutz bei der Videoüberwachung",
    genitive: "des Datenschutzes bei der Videoüberwachung",
    countNoun: "Kameras",
  },
  {
    subject: "Krankenstand in der Landesverwaltung",
    genitive: "des Krankenstands in der Landesverwaltung",
    countNoun: "Krankheitstage",
  },
  {
    subject: "Ganztagsbetreuung an Grundschulen",
    genitive: "der Ganztagsbetreuung an Grundschulen",
    countNoun: "Ganztagsplätze",
  },
];

const PLACES = [
  "im Stadtgebiet",
  "in den Stadtteilen Garstedt und Friedrichsgabe",
  "im Regierungsbezirk Köln",
  "im Kreis Segeberg",
  "in der Samtgemeinde",
  "in den Bezirken",
  "in der Landesverwaltung",
  "an den Hochschulen des Landes",
  "im Hafengebiet",
  "seit dem Jahr 2020",
  "im laufenden Haushaltsjahr",
  "in den Jahren 2019 bis 2024",
];

const TITLE_TEMPLATES: readonly ((t: Topic, place: string, year: number) => string)[] = [
  (t, place) => `${t.subject} ${place}`,
  (t) => t.subject,
  (t, _place, year) => `Stand ${t.genitive} (${year})`,
  (t) => `Kosten ${t.genitive}`,
  (t, place) => `Nachfrage: ${t.subject} ${place}`,
  (t) => `Planungen der Verwaltung zur ${t.subject.startsWith("Ausbau") ? "Umsetzung" : "Verbesserung"} ${t.genitive}`,
];

const QUESTION_TEMPLATES: readonly ((t: Topic, place: string, year: number) => string)[] = [
  (t, place) => `Wie viele ${t.countNoun} gibt es derzeit ${place}?`,
  (t, _p, year) =>
    `Welche Kosten sind für ${t.subject.toLowerCase().startsWith("einsatz") ? "den" : "die"} ${t.subject} seit ${year} entstanden?`,
  (t) => `Welche Stellen der Verwaltung sind für die Umsetzung ${t.genitive} zuständig?`,
  (t, _p, year) =>
    `Wie hat sich die Zahl der ${t.countNoun} seit ${year} entwickelt (bitte nach Jahren aufschlüsseln)?`,
  (t) => `Welche datenschutzrechtlichen Bewertungen liegen zur Frage ${t.genitive} vor?`,
  (t) => `Welche Maßnahmen plant die Verwaltung, um die Situation ${t.genitive} zu verbessern?`,
  (t) => `Bis wann ist mit dem Abschluss ${t.genitive} zu rechnen?`,
  () => "Welche Fördermittel von Bund und Land wurden hierfür beantragt und bewilligt?",
  () => "Wurde der behördliche Datenschutzbeauftragte beteiligt, und mit welchem Ergebnis?",
  (t, place) => `In welchem Umfang werden ${t.countNoun} ${place} durch externe Dienstleister betreut?`,
];

const ANSWER_OPENERS = [
  "Nach Auskunft der zuständigen Fachabteilung",
  "Nach den der Verwaltung vorliegenden Erkenntnissen",
  "Nach Abfrage bei den beteiligten Stellen",
  "Aus Sicht der Landesregierung",
  "Nach einer Auswertung der vorhandenen Daten",
];

const ANSWER_SENTENCES: readonly ((t: Topic, n: number, year: number) => string)[] = [
  (t, n, year) => `Zum Stichtag 31. Dezember ${year} waren insgesamt ${n} ${t.countNoun} erfasst.`,
  (t, n) => `Die Kosten ${t.genitive} beliefen sich im Berichtszeitraum auf rund ${n * 1250} Euro.`,
  (t) =>
    `Die Zuständigkeit für Fragen ${t.genitive} liegt beim federführenden Fachbereich, der sich mit den beteiligten Ämtern abstimmt.`,
  (_t, _n, year) => `Eine abschließende Bewertung ist erst nach Vorliegen der Jahresstatistik ${year + 1} möglich.`,
  () => "Der behördliche Datenschutzbeauftragte wurde beteiligt; Einwände wurden nicht erhoben.",
  () =>
    "Eine Aufschlüsselung nach einzelnen Jahren ist mit vertretbarem Aufwand nicht möglich, da die Daten erst seit der Umstellung des Fachverfahrens elektronisch vorliegen.",
  (t, n) =>
    `Derzeit sind ${n} Vorhaben in Planung; weitere Maßnahmen ${t.genitive} werden im Rahmen der Haushaltsberatungen geprüft.`,
  () => "Fördermittel wurden aus dem Programm „Digitale Verwaltung“ beantragt; eine Bewilligung steht noch aus.",
  () =>
    "Externe Dienstleister werden nur für Wartung und Störungsbeseitigung eingesetzt; ein Zugriff auf personenbezogene Daten ist vertraglich ausgeschlossen.",
  (t) =>
    `Die Verwaltung beabsichtigt, dem zuständigen Ausschuss im kommenden Quartal über den Fortgang ${t.genitive} zu berichten.`,
];

const PREAMBLES: readonly ((t: Topic, place: string) => string)[] = [
  (t, place) =>
    `Presseberichten zufolge gibt es ${place} anhaltende Probleme im Zusammenhang mit dem Thema ${t.subject}.`,
  (t) => `Bürgerinnen und Bürger haben sich wiederholt mit Fragen ${t.genitive} an die Fraktion gewandt.`,
  (t) => `In der letzten Sitzung des Fachausschusses blieben Fragen ${t.genitive} offen.`,
];

const JOINT_NOTE = (a: string, b: string) =>
  `Die Fragen ${a} und ${b} werden wegen des Sachzusammenhangs gemeinsam beantwortet.`;

export interface InquiryText {
  title: string;
  preamble: string | null;
  questions: string[];
  /** One text per answer part (several paragraphs, separated by blank lines). */
  answerFor(questionIndex: number): string;
  jointNote: typeof JOINT_NOTE;
  topicIndex: number;
}

/** Title, preamble and questions of one inquiry; answers are built on demand from the same topic. */
export function inquiryText(random: Random, year: number, questionCount: number): InquiryText {
  const topicIndex = Math.floor(random.next() * TOPICS.length);
  const topic = TOPICS[topicIndex]!;
  const place = random.pick(PLACES);
  const title = random.pick(TITLE_TEMPLATES)(topic, place, year).slice(0, 500);
  const preamble = random.chance(0.6) ? random.pick(PREAMBLES)(topic, place) : null;
  const questions: string[] = [];
  const start = random.int(0, QUESTION_TEMPLATES.length - 1);
  for (let q = 0; q < questionCount; q++) {
    questions.push(
      QUESTION_TEMPLATES[(start + q) % QUESTION_TEMPLATES.length]!(topic, random.pick(PLACES), year - random.int(1, 6)),
    );
  }
  return {
    title,
    preamble,
    questions,
    topicIndex,
    jointNote: JOINT_NOTE,
    answerFor(questionIndex: number) {
      const paragraphs: string[] = [];
      const count = random.int(1, 3);
      for (let p = 0; p < count; p++) {
        const sentences = [p === 0 ? `${random.pick(ANSWER_OPENERS)} gilt Folgendes:` : ""];
        const n = random.int(1, 3);
        for (let s = 0; s < n; s++) {
          sentences.push(random.pick(ANSWER_SENTENCES)(topic, random.int(2, 400) + questionIndex, year - 1));
        }
        paragraphs.push(sentences.filter(Boolean).join(" "));
      }
      return paragraphs.join("\n\n");
    },
  };
}

// ---- statuses -------------------------------------------------------------------------------------

export type CorpusStatus =
  | "draft"
  | "submitted"
  | "inadmissible"
  | "accepted"
  | "assigned"
  | "answering"
  | "answered"
  | "withdrawn"
  | "on_agenda"
  | "decided";

/**
 * Proportions for closed (older) inquiries and open (recent) ones. An archive is mostly answered; open work
 * is the most recent few per cent, some of it already overdue.
 */
export const CLOSED_INQUIRY_WEIGHTS = { answered: 95.5, withdrawn: 3, inadmissible: 1.5 } as const;
export const OPEN_INQUIRY_WEIGHTS = { draft: 12, submitted: 14, accepted: 10, assigned: 16, answering: 48 } as const;
export const CLOSED_MOTION_WEIGHTS = { decided: 94, withdrawn: 6 } as const;
export const OPEN_MOTION_WEIGHTS = { draft: 15, submitted: 45, on_agenda: 40 } as const;
/** Share of a body's inquiries (the most recent ones) that are still open. */
export const OPEN_SHARE = 0.04;

export function pickStatus(random: Random, lifecycle: "inquiry" | "motion", open: boolean): CorpusStatus {
  if (lifecycle === "motion") {
    return open ? random.weighted(OPEN_MOTION_WEIGHTS) : random.weighted(CLOSED_MOTION_WEIGHTS);
  }
  return open ? random.weighted(OPEN_INQUIRY_WEIGHTS) : random.weighted(CLOSED_INQUIRY_WEIGHTS);
}

/** Splits n by shares into whole numbers that add up to n. */
export function splitCount(n: number, shares: number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const counts = shares.map((s) => Math.floor((n * s) / total));
  counts[0]! += n - counts.reduce((a, b) => a + b, 0);
  return counts;
}

// ---- rich text ------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain paragraphs (blank-line separated) as the three stored forms: Tiptap JSON, HTML, text. */
export function richText(text: string): { json: string; html: string; text: string } {
  const paragraphs = text.split("\n\n");
  const json = JSON.stringify({
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  });
  return { json, html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(""), text: paragraphs.join("\n\n") };
}
