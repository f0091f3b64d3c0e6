/** German values the OParl API writes into its objects (OParl leaves these vocabularies to the system). */
import type { OrganizationKind } from "../labels";

/** OParl `organizationType`, in the words the OParl examples use. */
export const oparlOrganizationType: Record<OrganizationKind, string> = {
  council: "Gremium",
  committee: "Gremium",
  faction: "Fraktion",
  department: "Verwaltungsbereich",
  council_office: "Verwaltungsbereich",
  dpo_office: "Verwaltungsbereich",
  executive: "Verwaltungsbereich",
  supervisory_authority: "Institution",
  other: "Sonstiges",
};

export const oparlTexts = {
  systemName: "Quaestio – Anfragen und Antworten",
  answerPaperType: "Antwort",
  answerPaperName: (inquiryTitle: string) => `Antwort: ${inquiryTitle}`,
  htmlRenditionName: (paperName: string) => `${paperName} (HTML-Fassung)`,
  notFound: "Dieses Objekt gibt es in der OParl-Schnittstelle nicht.",
  badRequest: "Die Anfrage an die OParl-Schnittstelle ist ungültig.",
};
