/** The words per type of Vorgang (issue 11): a motion or a supervisory letter is never shown in inquiry wording. */
import { describe, expect, it } from "vitest";
import { dashboardSectionTexts, dashboardText } from "~/domain/texts/dashboard";
import { draftText } from "~/domain/texts/draft";
import { listNoun, typeKind, typeWords } from "~/domain/texts/type-words";

describe("typeKind", () => {
  it.each([
    [{ lifecycle: "motion" as const, code: "antrag", name: "Antrag" }, "motion"],
    [{ lifecycle: "inquiry" as const, code: "schreiben-aufsicht", name: "Schreiben" }, "supervisory_letter"],
    [{ lifecycle: "inquiry" as const, code: "x", name: "Schreiben der Aufsichtsbehörde" }, "supervisory_letter"],
    [{ lifecycle: "inquiry" as const, code: "kleine-anfrage", name: "Kleine Anfrage" }, "inquiry"],
    [{ lifecycle: "inquiry" as const }, "inquiry"],
  ])("%o is a %s", (facts, kind) => {
    expect(typeKind(facts)).toBe(kind);
  });
});

describe("typeWords", () => {
  it("numbers an inquiry's questions and a motion's Beschlussvorschläge, each with its editor label", () => {
    const inquiry = typeWords("inquiry");
    expect([inquiry.partLabel("2"), inquiry.partEditorLabel("2"), inquiry.partsHeading, inquiry.addPart]).toEqual([
      "Frage 2",
      "Text der Frage 2",
      "Fragen",
      "Frage hinzufügen",
    ]);
    const motion = typeWords("motion");
    expect([motion.partLabel("1"), motion.partEditorLabel("1"), motion.partLabel("2")]).toEqual([
      "Beschlussvorschlag",
      "Text des Beschlussvorschlags",
      "Beschlussvorschlag 2",
    ]);
    for (const kind of ["motion", "supervisory_letter"] as const) {
      const words = typeWords(kind);
      const all = [words.partLabel("1"), words.partEditorLabel("1"), words.partsHeading, words.addPart, words.subPart];
      for (const text of all) expect(text, kind).not.toMatch(/Frage/);
    }
  });

  it("words the draft form's buttons with the type's part label", () => {
    const motion = typeWords("motion");
    expect(draftText.moveUp(motion.partLabel("2"))).toBe("Beschlussvorschlag 2 nach oben");
    expect(draftText.indent(motion.partLabel("2"), motion.toSubPart)).toBe(
      "Beschlussvorschlag 2 zum Unterpunkt machen",
    );
    expect(draftText.addSubQuestion("Frage 2")).toBe("Unterfrage zu Frage 2 hinzufügen");
    expect(draftText.outdent("Frage 2")).toBe("Frage 2 zur Hauptfrage machen");
  });
});

describe("the public page's text-and-answer grid", () => {
  it.each([
    ["inquiry", ["1"], "Frage", "Frage 1", "Antwort zu Frage 1", "Fragen und Antworten"],
    ["inquiry", ["1", "2"], "Frage", "Frage 2", "Antwort zu Fragen 1 und 2", "Fragen und Antworten"],
    ["supervisory_letter", ["1"], "Schreiben", "Punkt 1", "Antwort zu Punkt 1", "Schreiben und Antwort"],
    ["supervisory_letter", ["1", "2"], "Schreiben", "Punkt 2", "Antwort zu Punkte 1 und 2", "Schreiben und Antwort"],
    [
      "motion",
      ["1"],
      "Antrag",
      "Beschlussvorschlag",
      "Antwort zu Beschlusspunkt 1",
      "Antrag und Stellungnahme der Verwaltung",
    ],
  ] as const)("words a %s's grid for parts %j", (kind, numbers, column, label, answerTo, heading) => {
    const words = typeWords(kind);
    expect(words.partColumn).toBe(column);
    expect(words.partLabel(numbers[numbers.length - 1]!)).toBe(label);
    expect(words.answerTo(numbers)).toBe(answerTo);
    expect(words.partsAndAnswers).toBe(heading);
    expect(words.answerTo([])).toBe("");
  });
});

describe("list and dashboard wording", () => {
  it("names a list by what it holds", () => {
    expect(listNoun([])).toBe("Anfragen");
    expect(listNoun(["inquiry", "supervisory_letter"])).toBe("Anfragen");
    expect(listNoun(["motion"])).toBe("Anträge");
    expect(listNoun(["motion", "inquiry"])).toBe("Anfragen und Anträge");
  });

  it("offers a faction of a motion-only council a new Antrag and lists its decided motions", () => {
    expect(dashboardText.newDraft("Anträge")).toBe("Neuen Antrag entwerfen");
    expect(dashboardText.newDraft("Anfragen")).toBe("Neue Anfrage entwerfen");
    expect(dashboardText.newDraft("Anfragen und Anträge")).toBe("Neue Anfrage oder neuen Antrag entwerfen");
    expect(dashboardSectionTexts("Anträge").faction_answered.heading).toBe("Entschieden");
    expect(dashboardSectionTexts("Anfragen").faction_answered.heading).toBe("Beantwortet");
    for (const section of Object.values(dashboardSectionTexts("Anträge")))
      expect(`${section.heading} ${section.empty} ${section.caption}`).not.toMatch(/Anfrage/);
  });
});
