/**
 * The plural a body's dashboard speaks of ("Anfragen", "Anträge", "Anfragen und Anträge"), given once per body
 * by the workspace page and read by every section (domain/texts/dashboard.ts dashboardSectionTexts).
 */
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { dashboardSectionTexts } from "~/domain/texts/dashboard";

const NounContext = createContext("Anfragen");

export function SectionNoun({ noun, children }: { noun: string; children: ReactNode }) {
  return <NounContext.Provider value={noun}>{children}</NounContext.Provider>;
}

export function useSectionTexts() {
  const noun = useContext(NounContext);
  return useMemo(() => dashboardSectionTexts(noun), [noun]);
}

/** The plural itself, for wording outside the sections (e.g. the faction's "new draft" link). */
export function useSectionNoun() {
  return useContext(NounContext);
}
