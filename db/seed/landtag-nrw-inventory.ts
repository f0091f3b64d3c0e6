/**
 * The two tables of Drucksache 17/9511 as data: the answer to question 2 (tool, workplaces) and the
 * Ressort × tool matrix of the Anlage. Labels are exactly as printed; counts are the printed figures.
 *
 * The matrix cells were derived once from the tab positions of the source text (seed 003: each row has one
 * cell per column, "X" marks a use) and are hard-coded here: 13 rows, 16 columns, 25 "X".
 * Note that the matrix orders its columns differently from the table of question 2.
 */
import type { ToolSlug } from "./tools";

type Variant = "on_premise" | "public_cloud" | "hybrid" | "unknown";

export interface NrwInventoryRow {
  label: string;
  tool: ToolSlug;
  /** From the label: "(On-Premise)" / "(intern/On-Premise)" → on_premise, "(Public-Cloud)" → public_cloud. */
  variant: Variant;
  workplaceCount: number | null;
  footnoteMark?: string;
  footnote?: string;
}

export const nrwInventory: NrwInventoryRow[] = [
  { label: "Cisco-ViKo (On-Premise)", tool: "cisco-viko", variant: "on_premise", workplaceCount: 52413 },
  { label: "Cisco-WebEx (On-Premise)", tool: "cisco-webex", variant: "on_premise", workplaceCount: 47904 },
  { label: "Skype for business (On-Premise)", tool: "skype-for-business", variant: "on_premise", workplaceCount: 6968 },
  { label: "edudip (Webinar)", tool: "edudip", variant: "unknown", workplaceCount: 3500 },
  { label: "Avaya Cloud Conference", tool: "avaya-cloud-conference", variant: "unknown", workplaceCount: 800 },
  { label: "Jitsi Meet (intern/On-Premise)", tool: "jitsi-meet", variant: "on_premise", workplaceCount: 460 },
  { label: "Netucate YuLinc", tool: "netucate-yulinc", variant: "unknown", workplaceCount: 400 },
  { label: "Estos Procall (On-Premise)", tool: "estos-procall", variant: "on_premise", workplaceCount: 150 },
  { label: "Cisco-WebEx (Public-Cloud)", tool: "cisco-webex", variant: "public_cloud", workplaceCount: 102 },
  { label: "Polycom ViKo (On-Premise)", tool: "polycom-viko", variant: "on_premise", workplaceCount: 100 },
  { label: "BlueJeans Enterprise", tool: "bluejeans-enterprise", variant: "unknown", workplaceCount: 100 },
  { label: "Facetime (ohne Apple-ID)", tool: "facetime", variant: "unknown", workplaceCount: 98 },
  { label: "GoToMeeting", tool: "gotomeeting", variant: "unknown", workplaceCount: 80 },
  { label: "Fastviewer (On-Premise)", tool: "fastviewer", variant: "on_premise", workplaceCount: 50 },
  { label: "Nextcloud Talk (On-Premise)", tool: "nextcloud-talk", variant: "on_premise", workplaceCount: 22 },
  {
    // Printed "Zoom ¹⁾" with an empty count cell.
    label: "Zoom",
    tool: "zoom",
    variant: "unknown",
    workplaceCount: null,
    footnoteMark: "1)",
    footnote:
      "Der Einsatz von ZOOM im MKFFI erfolgt im Einzelfall. Eine generelle Nutzung an bestimmten Arbeitsplätzen ist nicht vorgesehen.",
  },
];

const C = {
  ciscoViko: "Cisco-ViKo (On-Premise)",
  webexOnPremise: "Cisco-WebEx (On-Premise)",
  skype: "Skype for business (On-Premise)",
  polycom: "Polycom ViKo (On-Premise)",
  jitsi: "Jitsi Meet (intern/On-Premise)",
  nextcloud: "Nextcloud Talk (On-Premise)",
  fastviewer: "Fastviewer (On-Premise)",
  estos: "Estos Procall (On-Premise)",
  webexCloud: "Cisco-WebEx (Public-Cloud)",
  yulinc: "Netucate YuLinc",
  facetime: "Facetime (ohne Apple-ID)",
  edudip: "edudip (Webinar)",
  gotomeeting: "GoToMeeting",
  avaya: "Avaya Cloud Conference",
  bluejeans: "BlueJeans Enterprise",
  zoom: "Zoom",
} as const;

export const nrwMatrix = {
  /** Answer 1: "Die Videokonferenz-Tools, die … eingesetzt werden, … sind der Anlage zu entnehmen." */
  title: "Anlage zur Antwort auf Frage 1",
  rowHeading: "Ressort und nachgeordneter Bereich",
  columnHeading: "Videokonferenz-Tool",
  footnoteMark: "*",
  footnote:
    "Die Landwirtschaftskammer NRW ist nur bezüglich der Direktorin/des Direktors der LWK als Landesbeauftragte/Landesbeauftragter und bezüglich der Geschäftsführerinnen oder Geschäftsführer der Kreisstellen der LWK als Landesbeauftragte im Kreise Landesbehörde nach LOG NRW. Für diese Bereiche wie auch die Bereiche der Selbstverwaltung betreibt die LWK eine gemeinsame Informations- und Kommunikationstechnik. Da nicht zwischen Landesbeauftragten- und Selbstverwaltungsarbeitsplätzen differenziert werden kann, sind in den Antwortbeitrag des MULNV alle Arbeitsplätze der LWK eingeflossen.",
  /** Column order of the matrix, by the inventory label each column points to. */
  columns: [
    C.ciscoViko,
    C.webexOnPremise,
    C.skype,
    C.polycom,
    C.jitsi,
    C.nextcloud,
    C.fastviewer,
    C.estos,
    C.webexCloud,
    C.yulinc,
    C.facetime,
    C.edudip,
    C.gotomeeting,
    C.avaya,
    C.bluejeans,
    C.zoom,
  ] as string[],
  rows: [
    {
      label: "Ministerium für Heimat, Kommunales, Bau und Gleichstellung",
      organization: "Ministerium für Heimat, Kommunales, Bau und Gleichstellung",
      uses: [C.ciscoViko, C.facetime],
    },
    { label: "Ministerium der Justiz", organization: "Ministerium der Justiz", uses: [C.ciscoViko, C.skype] },
    {
      label: "Zentral- und Ansprechstelle Cybercrime",
      organization: "Zentral- und Ansprechstelle Cybercrime",
      uses: [C.jitsi, C.nextcloud],
    },
    { label: "Oberlandesgerichtsbezirke", organization: "Oberlandesgerichtsbezirke", uses: [C.edudip] },
    { label: "Fachhochschule für Rechtspflege", organization: "Fachhochschule für Rechtspflege", uses: [C.webexCloud] },
    {
      label: "Ministerium für Verkehr",
      organization: "Ministerium für Verkehr",
      uses: [C.ciscoViko, C.webexOnPremise, C.jitsi],
    },
    {
      label: "Landesbetrieb Straßenbau",
      organization: "Landesbetrieb Straßenbau",
      uses: [C.ciscoViko, C.webexOnPremise],
    },
    {
      label: "Ministerium für Umwelt, Landwirtschaft, Natur- und Verbraucherschutz",
      organization: "Ministerium für Umwelt, Landwirtschaft, Natur- und Verbraucherschutz",
      uses: [C.ciscoViko, C.webexOnPremise, C.gotomeeting],
    },
    {
      label: "Landesamt für Natur Umwelt und Verbraucherschutz",
      organization: "Landesamt für Natur Umwelt und Verbraucherschutz",
      uses: [C.ciscoViko, C.skype],
    },
    { label: "Landesbetrieb Wald und Holz", organization: "Landesbetrieb Wald und Holz", uses: [C.polycom, C.avaya] },
    { label: "Landwirtschaftskammer *", organization: "Landwirtschaftskammer", uses: [C.skype, C.bluejeans] },
    { label: "Landgestüt", organization: "Landgestüt", uses: [C.skype] },
    {
      label: "Ministerium für Kultur und Wissenschaft",
      organization: "Ministerium für Kultur und Wissenschaft",
      uses: [C.ciscoViko, C.webexOnPremise],
    },
  ] as Array<{ label: string; organization: string; uses: string[] }>,
};
