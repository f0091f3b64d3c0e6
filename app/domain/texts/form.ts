/** Texts shared by every form (the error summary). */
export const formText = {
  summaryTitle: "Bitte korrigieren Sie Folgendes:",
} as const;
