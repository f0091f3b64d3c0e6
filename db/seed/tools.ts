/**
 * The tool catalogue and the facts the five documents state about tools. One tool per product named in an
 * inventory or a letter; products only mentioned in passing (Skype, Google Meet in the Scharnebeck motion) are
 * not used by any body and get no entry. Every fact cites the document it comes from; where no document says
 * something (vendors, most countries, encryption of the other tools …) there is no row, and pages show
 * "unbekannt".
 */
import { inArray } from "drizzle-orm";
import { formatNumber } from "../../app/domain/format";
import { toolFacts, tools } from "../schema/index";
import { nrwInventory } from "./landtag-nrw-inventory";
import type { Tx } from "./support";

const VIDEO = "Videokonferenz";

export const toolCatalogue = [
  { slug: "cisco-viko", name: "Cisco-ViKo", category: VIDEO },
  { slug: "cisco-webex", name: "Cisco WebEx", category: VIDEO },
  { slug: "skype-for-business", name: "Skype for Business", category: VIDEO },
  { slug: "edudip", name: "edudip", category: VIDEO },
  { slug: "avaya-cloud-conference", name: "Avaya Cloud Conference", category: VIDEO },
  { slug: "jitsi-meet", name: "Jitsi Meet", category: VIDEO },
  { slug: "netucate-yulinc", name: "Netucate YuLinc", category: VIDEO },
  { slug: "estos-procall", name: "Estos ProCall", category: VIDEO },
  { slug: "polycom-viko", name: "Polycom ViKo", category: VIDEO },
  { slug: "bluejeans-enterprise", name: "BlueJeans Enterprise", category: VIDEO },
  { slug: "facetime", name: "FaceTime", category: VIDEO },
  { slug: "gotomeeting", name: "GoToMeeting", category: VIDEO },
  { slug: "fastviewer", name: "Fastviewer", category: VIDEO },
  { slug: "nextcloud-talk", name: "Nextcloud Talk", category: VIDEO },
  { slug: "zoom", name: "Zoom", category: VIDEO },
  { slug: "microsoft-365", name: "Microsoft 365", category: "Bürosoftware / Cloud" },
] as const;

export type ToolSlug = (typeof toolCatalogue)[number]["slug"];
export type ToolIds = Record<ToolSlug, string>;

/** Inserts the catalogue (tools that already exist by slug are kept) and returns the ids by slug. */
export async function seedToolCatalogue(tx: Tx): Promise<ToolIds> {
  await tx
    .insert(tools)
    .values(toolCatalogue.map((t) => ({ slug: t.slug, name: t.name, category: t.category })))
    .onConflictDoNothing({ target: tools.slug });
  const rows = await tx
    .select({ id: tools.id, slug: tools.slug })
    .from(tools)
    .where(
      inArray(
        tools.slug,
        toolCatalogue.map((t) => t.slug),
      ),
    );
  const ids = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as ToolIds;
  for (const t of toolCatalogue) if (!ids[t.slug]) throw new Error(`tool ${t.slug} missing after insert`);
  return ids;
}

export interface FactSources {
  norderstedt: { bodyId: string; vorlageSourceId: string; anfrageSourceId: string };
  landtagNrw: { bodyId: string; drucksacheSourceId: string };
  hamburg: { bodyId: string; letterSourceId: string };
  scharnebeck: { bodyId: string; antragSourceId: string };
}

type FactKey = (typeof toolFacts.$inferInsert)["key"];

interface FactSpec {
  tool: ToolSlug;
  /** Null: the fact is about the tool in general; else about one body's use of it. */
  bodyId: string | null;
  key: FactKey;
  value: string;
  quote: string;
  sourceId: string;
  asOf: string | null;
}

export async function seedToolFacts(tx: Tx, toolIds: ToolIds, s: FactSources) {
  const norderstedtDpo = { sourceId: s.norderstedt.vorlageSourceId, asOf: "2020-06-15" };
  const fwudInquiry = { sourceId: s.norderstedt.anfrageSourceId, asOf: "2020-05-04" };
  const nrwAnswer = { sourceId: s.landtagNrw.drucksacheSourceId, asOf: "2020-07-07", bodyId: s.landtagNrw.bodyId };
  const hamburgLetter = { sourceId: s.hamburg.letterSourceId, asOf: "2021-03-26", bodyId: s.hamburg.bodyId };
  // The motion carries no date.
  const scharnebeckMotion = { sourceId: s.scharnebeck.antragSourceId, asOf: null };

  const hamburgAssessments =
    "In Sachen Zoom wurde die Schutzbedarfsfeststellung, die Risikobetrachtung und die Schwellwertanalyse erarbeitet.";

  const facts: FactSpec[] = [
    // Stadt Norderstedt, Mitteilungsvorlage M 20/0226 (statement of the DPO)
    {
      tool: "zoom",
      bodyId: null,
      key: "vendor_country",
      value: "USA",
      quote:
        "Generell werden Anbieter, die gem. DSGVO aus einem unsichereren Drittland stammen (hier USA), als nicht vertrauenswürdig eingestuft.",
      ...norderstedtDpo,
    },
    {
      tool: "zoom",
      bodyId: s.norderstedt.bodyId,
      key: "dpa_status",
      value: "Bei der Bezahlversion von Zoom wäre auch ein Auftragsverarbeitungsvertrag umsetzbar.",
      quote: "Bei der Bezahlversion von Zoom wäre auch ein Auftragsverarbeitungsvertrag umsetzbar.",
      ...norderstedtDpo,
    },
    // Stadt Norderstedt, Anfrage 2 der FWuD-Fraktion: claims of the inquiry, worded as such
    {
      tool: "zoom",
      bodyId: null,
      key: "end_to_end_encryption",
      value: "fehlt (laut Anfrage der FWuD-Fraktion unter Berufung auf den Bundesdatenschutzbeauftragten)",
      quote: "Unter anderem geht es dabei um die fehlende Ende-zu-Ende-Verschlüsselung.",
      ...fwudInquiry,
    },
    {
      tool: "zoom",
      bodyId: null,
      key: "data_location",
      value: "Server in den USA (laut Anfrage der FWuD-Fraktion)",
      quote: "Die Daten liegen unverschlüsselt auf den Servern, die im Übrigen in den USA stehen.",
      ...fwudInquiry,
    },
    // Samtgemeinde Scharnebeck, Antrag of Bündnis90/ Die GRÜNEN
    {
      tool: "zoom",
      bodyId: null,
      key: "data_location",
      value: "Betrieb der Software unter Nutzung chinesischer Server (laut Antrag)",
      quote: "Dazu kommt der Betrieb der Software unter Nutzung chinesischer Server.",
      ...scharnebeckMotion,
    },
    {
      // The motion names "Jitsi" (https://jitsi.org/); Jitsi Meet is the catalogue entry for it.
      tool: "jitsi-meet",
      bodyId: null,
      key: "open_source",
      value: "ja – nicht-kommerzielle OpenSource Software",
      quote:
        "Hinter „Palim! Palim!“ steckt dagegen die nicht-kommerzielle OpenSource Software Jitsi (https://jitsi.org/).",
      ...scharnebeckMotion,
    },
    // Landtag NRW, Drucksache 17/9511: deployment as written in the table of question 2
    ...(
      [
        ["cisco-viko", "On-Premise", "Cisco-ViKo (On-Premise)"],
        ["cisco-webex", "On-Premise und Public-Cloud", "Cisco-WebEx (On-Premise)\nCisco-WebEx (Public-Cloud)"],
        ["skype-for-business", "On-Premise", "Skype for business (On-Premise)"],
        ["jitsi-meet", "intern/On-Premise", "Jitsi Meet (intern/On-Premise)"],
        ["estos-procall", "On-Premise", "Estos Procall (On-Premise)"],
        ["polycom-viko", "On-Premise", "Polycom ViKo (On-Premise)"],
        ["fastviewer", "On-Premise", "Fastviewer (On-Premise)"],
        ["nextcloud-talk", "On-Premise", "Nextcloud Talk (On-Premise)"],
      ] as const
    ).map(([tool, value, quote]): FactSpec => ({ tool, key: "deployment", value, quote, ...nrwAnswer })),
    // … and use: every tool of that table is in use in the Landesverwaltung ("An wie vielen Arbeitsplätzen werden
    // diese Tools jeweils eingesetzt?"), quoted with its printed row(s) and workplace count(s).
    ...nrwUsageFacts().map((fact): FactSpec => ({ ...fact, key: "usage_status", value: "im Einsatz", ...nrwAnswer })),
    // Senatskanzlei Hamburg, letter of 26 March 2021
    {
      tool: "zoom",
      key: "license",
      value:
        "Aktuell wird die lizenzfreie kostenlose Version von Zoom verwendet; perspektivisch soll die lizenzbasierte Version eingeführt werden (rechtliche Umsetzbarkeit wird geprüft)",
      quote:
        "Aktuell wird die lizenzfreie kostenlose Version von Zoom verwendet, perspektivisch soll aber die lizenzbasierte Version von Zoom eingeführt werden, hierzu überprüfen wir die rechtliche Umsetzbarkeit.",
      ...hamburgLetter,
    },
    { tool: "zoom", key: "protection_needs", value: "erarbeitet", quote: hamburgAssessments, ...hamburgLetter },
    { tool: "zoom", key: "risk_assessment", value: "erarbeitet", quote: hamburgAssessments, ...hamburgLetter },
    { tool: "zoom", key: "threshold_analysis", value: "erarbeitet", quote: hamburgAssessments, ...hamburgLetter },
    {
      tool: "zoom",
      key: "dpia",
      value:
        "erstellt für den Gebrauch für nicht-vertrauliche Gespräche mit nicht besonders schutzbedürftigen Gesprächspartnern; liegt dem behördlichen Datenschutzbeauftragten vor",
      quote:
        "Eine Datenschutzfolgenabschätzung für den Gebrauch des Videokonferenzsystems für nicht-vertrauliche Gespräche mit nicht besonders schutzbedürftigen Gesprächspartnern wurde erstellt. Sie liegt unserem behördlichen Datenschutzbeauftragten jetzt vor, so dass der reguläre Weg der Information beschritten werden kann.",
      ...hamburgLetter,
    },
    {
      tool: "zoom",
      key: "dpa_status",
      value:
        "Mängel im DPA (Data Processing Addendum) von der Berliner Aufsichtsbehörde gerügt; nach Angaben von Zoom nach Herstellung einer kundenspezifischen DPA nicht mehr gerechtfertigt; Prüfung durch die FHH steht aus",
      quote:
        'Dabei hat die Berliner Aufsichtsbehörde nicht das "System Zoom" überprüft, sondern Mängel in Form von Ungenauigkeiten und Widersprüchen in den DPA (Data Processing Addendum) gerügt. Zoom prüft die Anmerkungen der Berliner Aufsichtsbehörde sehr genau und nimmt Kritikpunkte der Aufsichtsbehörden sehr ernst. Nach Angaben von Zoom sind die Beanstandungen der Berliner Behörde nach Herstellung einer kundenspezifischen DPA nicht mehr gerechtfertigt.\n\n' +
        "Laut Zoom werden alle Vorgaben eingehalten, was von uns überprüft wird, sobald uns diese Unterlagen nach der Abstimmung von Zoom und der Berliner Behörde zur Verfügung stehen.",
      ...hamburgLetter,
    },
    {
      tool: "microsoft-365",
      key: "pilot_status",
      value:
        "Proof of Concept (POC) mit dem IT-Dienstleister Dataport; Entscheidung nicht vor dem dritten Quartal 2021 erwartet",
      quote:
        "Wir in Hamburg verfolgen im Rahmen des aktuellen proof of concept (POC) sehr genau die einzelnen Entwicklungsschritte von Microsoft hinsichtlich der Implementierung europäischer Datenschutzstandards und bewerten diese auch mit unserem IT-Dienstleister Dataport. In diesem Zusammenhang ist bereits mehr Transparenz von Microsoft eingefordert und auch gewährt worden. Sobald in diesem Zusammenhang vorzeigbare Erkenntnisse vorliegen, lassen wir Ihnen diese zukommen. Eine Entscheidung diesbezüglich ist aber nicht vor dem dritten Quartal dieses Jahres zu erwarten.",
      ...hamburgLetter,
    },
  ];

  await tx.insert(toolFacts).values(
    facts.map((f) => ({
      toolId: toolIds[f.tool],
      bodyId: f.bodyId,
      key: f.key,
      value: f.value,
      quote: f.quote,
      sourceId: f.sourceId,
      asOf: f.asOf,
    })),
  );
}

/**
 * One usage fact per catalogue tool of the NRW table (16 rows, 15 tools: both WebEx rows are Cisco WebEx), quoting
 * the rows as printed — label and workplace count in the document's number format; Zoom, printed without a count,
 * is quoted with its footnote instead.
 */
function nrwUsageFacts(): Array<{ tool: ToolSlug; quote: string }> {
  const rowsByTool = new Map<ToolSlug, typeof nrwInventory>();
  for (const row of nrwInventory) rowsByTool.set(row.tool, [...(rowsByTool.get(row.tool) ?? []), row]);
  return [...rowsByTool].map(([tool, rows]) => ({
    tool,
    quote: rows
      .map((row) =>
        row.workplaceCount === null
          ? `${row.label} ${row.footnoteMark ?? ""}\n${row.footnoteMark ?? ""} ${row.footnote ?? ""}`.trim()
          : `${row.label}\t${formatNumber(row.workplaceCount)}`,
      )
      .join("\n"),
  }));
}
