/** Wording of a body's public list (/{body}/anfragen): its heading follows what the list holds (type-words). */
import { listNoun, typeWords, type TypeKind } from "./type-words";

export function publicListText(kinds: readonly TypeKind[]) {
  const noun = listNoun(kinds);
  const onlyKind = kinds.length === 1 ? typeWords(kinds[0]!) : null;
  return {
    heading: noun,
    /** The first column: the one kind's name, or a neutral "Vorgang" for a mixed list. */
    itemColumn: onlyKind ? onlyKind.singular : kinds.length === 0 ? "Anfrage" : "Vorgang",
    lead: (count: string, n: number) =>
      `${count} ${n === 1 ? oneOf(kinds) : `öffentliche ${noun}`}, die neuesten zuerst.`,
    empty: (bodyName: string) => `Für ${bodyName} sind noch keine ${noun} veröffentlicht.`,
    description: (bodyName: string, count: string) => `Öffentliche ${noun}: ${bodyName} (${count} Einträge).`,
  };
}

/** "1 öffentliche Anfrage", "1 öffentlicher Antrag" — the adjective follows the noun's gender. */
function oneOf(kinds: readonly TypeKind[]): string {
  if (kinds.length !== 1 || kinds[0] === "inquiry") return "öffentliche Anfrage";
  return kinds[0] === "motion" ? "öffentlicher Antrag" : "öffentliches Schreiben der Aufsichtsbehörde";
}
