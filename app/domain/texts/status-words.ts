/**
 * The words for the states of an inquiry (or motion) and of an answer, shared by the pages (labels.ts) and the
 * lifecycle engine's refusals (texts/lifecycle.ts). Its own module because labels.ts reaches the lifecycles
 * (through events.ts), which read texts/lifecycle.ts: that file cannot import labels.ts.
 */
export const inquiryStateWords = {
  draft: "Entwurf",
  submitted: "eingereicht",
  inadmissible: "unzulässig",
  accepted: "angenommen",
  // "zugewiesen" and "Antwort in Arbeit" (not "in Bearbeitung" / "in Beantwortung", which a reader could not
  // tell apart): assigned means someone is responsible, answering that the answer is being written.
  assigned: "zugewiesen",
  answering: "Antwort in Arbeit",
  answered: "beantwortet",
  withdrawn: "zurückgezogen",
  on_agenda: "auf der Tagesordnung",
  decided: "entschieden",
};

export const answerStateWords = {
  drafting: "in Bearbeitung",
  consultation: "in Beteiligung",
  sign_off: "in der Mitzeichnung",
  approved: "freigegeben",
  published: "veröffentlicht",
};
