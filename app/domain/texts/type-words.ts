/**
 * The words for one type of Vorgang, staff and public: an Anfrage (also Kleine/Große Anfrage) has questions and
 * an answer; an Antrag (motion) has a text to be decided on (Antragstext, in the seed documents "Antrag" /
 * Beschlussvorschlag) and a decision; a Schreiben der Aufsichtsbehörde (supervisory letter) has the letter's
 * text and the administration's reply. Every heading, list title and agenda purpose that names the kind of
 * Vorgang takes its words from here, so that a motion is never shown in inquiry wording.
 */
import { joinGerman } from "../format";
import type { AgendaPurpose } from "../labels";

export type TypeKind = "inquiry" | "motion" | "supervisory_letter";

export interface TypeFacts {
  lifecycle: "inquiry" | "motion";
  /** The inquiry type's code (e.g. "schreiben-aufsicht") or name, when known. */
  code?: string | null;
  name?: string | null;
}

export function typeKind(type: TypeFacts): TypeKind {
  if (type.lifecycle === "motion") return "motion";
  if (type.code === "schreiben-aufsicht" || /^Schreiben\b/.test(type.name ?? "")) return "supervisory_letter";
  return "inquiry";
}

export interface TypeWords {
  singular: string;
  plural: string;
  /** Heading over the text that an inquiry has as its questions. */
  textHeading: string;
  /** The label of one numbered part of the text ("Frage 1"; a motion has one Beschlussvorschlag). */
  partLabel: (n: string) => string;
  /** The label of the editor of one numbered part in the draft form. */
  partEditorLabel: (n: string) => string;
  /** The drafting form's heading over the numbered parts and its button that adds one. */
  partsHeading: string;
  addPart: string;
  /** A numbered part one level down ("Unterfrage"), and moving a part down or up a level, with the article. */
  subPart: string;
  toSubPart: string;
  toMainPart: string;
  /** Why a Vorgang is on a meeting's agenda (Anlass). */
  agendaPurposes: Record<AgendaPurpose, string>;
  /** The public page's text-and-answer grid: its heading, its first column, and the label over an answer part. */
  partsAndAnswers: string;
  partColumn: string;
  answerTo: (numbers: readonly string[]) => string;
}

/** "Antwort zu Frage 1" / "Antwort zu Fragen 1 und 2" with the kind's noun for one numbered part and several. */
const answerTo =
  (one: string, several: string) =>
  (numbers: readonly string[]): string =>
    numbers.length === 0 ? "" : `Antwort zu ${numbers.length === 1 ? one : several} ${joinGerman(numbers)}`;

const WORDS: Record<TypeKind, TypeWords> = {
  inquiry: {
    singular: "Anfrage",
    plural: "Anfragen",
    textHeading: "Fragen",
    partLabel: (n) => `Frage ${n}`,
    partEditorLabel: (n) => `Text der Frage ${n}`,
    partsHeading: "Fragen",
    addPart: "Frage hinzufügen",
    subPart: "Unterfrage",
    toSubPart: "zur Unterfrage",
    toMainPart: "zur Hauptfrage",
    agendaPurposes: {
      raised: "Anfrage gestellt",
      answer: "Antwort auf der Tagesordnung",
      decision: "Entscheidung",
    },
    partsAndAnswers: "Fragen und Antworten",
    partColumn: "Frage",
    answerTo: answerTo("Frage", "Fragen"),
  },
  motion: {
    singular: "Antrag",
    plural: "Anträge",
    textHeading: "Antragstext",
    partLabel: (n) => (n === "1" ? "Beschlussvorschlag" : `Beschlussvorschlag ${n}`),
    partEditorLabel: (n) => (n === "1" ? "Text des Beschlussvorschlags" : `Text des Beschlussvorschlags ${n}`),
    partsHeading: "Antragstext (Beschlussvorschlag)",
    addPart: "Weiteren Beschlusspunkt hinzufügen",
    subPart: "Unterpunkt",
    toSubPart: "zum Unterpunkt",
    toMainPart: "zum Hauptpunkt",
    agendaPurposes: {
      raised: "Antrag eingebracht",
      answer: "Stellungnahme der Verwaltung auf der Tagesordnung",
      decision: "Beratung und Beschluss",
    },
    partsAndAnswers: "Antrag und Stellungnahme der Verwaltung",
    partColumn: "Antrag",
    answerTo: answerTo("Beschlusspunkt", "Beschlusspunkte"),
  },
  supervisory_letter: {
    singular: "Schreiben der Aufsichtsbehörde",
    plural: "Schreiben der Aufsichtsbehörde",
    textHeading: "Inhalt des Schreibens",
    partLabel: (n) => `Punkt ${n}`,
    partEditorLabel: (n) => `Text von Punkt ${n}`,
    partsHeading: "Inhalt des Schreibens",
    addPart: "Punkt hinzufügen",
    subPart: "Unterpunkt",
    toSubPart: "zum Unterpunkt",
    toMainPart: "zum Hauptpunkt",
    agendaPurposes: {
      raised: "Schreiben eingegangen",
      answer: "Antwort auf der Tagesordnung",
      decision: "Entscheidung",
    },
    partsAndAnswers: "Schreiben und Antwort",
    partColumn: "Schreiben",
    answerTo: answerTo("Punkt", "Punkte"),
  },
};

export function typeWords(type: TypeFacts | TypeKind): TypeWords {
  return WORDS[typeof type === "string" ? type : typeKind(type)];
}

/**
 * The plural for a list that holds Vorgänge of these kinds: "Anfragen", "Anträge", "Anfragen und Anträge";
 * "Anfragen" when the list is empty (the usual case in a new body). Supervisory letters count as inquiries
 * addressed to the administration (they are answered).
 */
export function listNoun(kinds: readonly TypeKind[]): string {
  const inquiries = kinds.some((k) => k !== "motion");
  const motions = kinds.includes("motion");
  if (motions && inquiries) return "Anfragen und Anträge";
  if (motions) return "Anträge";
  return "Anfragen";
}
