/**
 * The demo data: what the five source documents say arrives in the database as they say it, and loading it
 * twice changes nothing. Runs on PGlite, and on the PostgreSQL server too when TEST_DATABASE_URL is set.
 */
import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../app/server/core/db.server";
import { seedDemoData, type DemoLogin } from "../../db/seed";
import {
  agendaItems,
  answerAttachments,
  meetings,
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  bodies,
  consultationRecommendations,
  consultations,
  events,
  inquiries,
  inquiryTypes,
  memberships,
  organizations,
  questions,
  signatures,
  signOffSteps,
  signOffTemplateSteps,
  sources,
  toolFacts,
  toolInventories,
  toolInventoryRows,
  tools,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  users,
  withholdings,
} from "../../db/schema/index";
import { chainFromTemplate, maySignStep } from "../../app/domain/sign-off";
import { verifyPassword } from "../../app/server/accounts/passwords.server";
import { backends, useTestDatabase } from "../support/db";

async function rowCounts(db: Db): Promise<Record<string, number>> {
  const result = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = (Array.isArray(result) ? result : (result as unknown as { rows: { table_name: string }[] }).rows).map(
    (r) => r.table_name,
  );
  const counts: Record<string, number> = {};
  for (const name of names) {
    const rows = await db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from "${name}"`));
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number }[] }).rows;
    counts[name] = Number(list[0]?.n);
  }
  return counts;
}

async function inquiryByRef(db: Db, bodySlug: string, publicRef: string) {
  const [row] = await db
    .select({ id: inquiries.id, bodyId: inquiries.bodyId })
    .from(inquiries)
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .where(and(eq(bodies.slug, bodySlug), eq(inquiries.publicRef, publicRef)));
  if (!row) throw new Error(`no inquiry ${bodySlug}/${publicRef}`);
  return row;
}

async function publishedVersionOf(db: Db, inquiryId: string) {
  const [row] = await db
    .select({ versionId: answerVersions.id, answerId: answers.id })
    .from(answers)
    .innerJoin(answerVersions, eq(answerVersions.answerId, answers.id))
    .where(and(eq(answers.inquiryId, inquiryId), isNotNull(answerVersions.publishedAt)));
  if (!row) throw new Error("no published answer version");
  return row;
}

describe.each(backends())("demo data on %s", (backend) => {
  const t = useTestDatabase(backend);
  let logins: DemoLogin[] = [];

  beforeAll(async () => {
    logins = await seedDemoData(t.db);
  });

  it("creates the four bodies", async () => {
    const rows = await t.db
      .select({ slug: bodies.slug, kind: bodies.kind, state: bodies.state })
      .from(bodies)
      .orderBy(asc(bodies.slug));
    expect(rows).toEqual([
      { slug: "hamburg", kind: "city_state", state: "HH" },
      { slug: "landtag-nrw", kind: "state_parliament", state: "NW" },
      { slug: "norderstedt", kind: "municipality", state: "SH" },
      { slug: "scharnebeck", kind: "joint_municipality", state: "NI" },
    ]);
  });

  it("keeps the NRW tool inventory as printed", async () => {
    const nrw = await inquiryByRef(t.db, "landtag-nrw", "17-9511");
    const { versionId } = await publishedVersionOf(t.db, nrw.id);
    const [inventory] = await t.db.select().from(toolInventories).where(eq(toolInventories.versionId, versionId));
    expect(inventory).toMatchObject({
      title: "Videokonferenz-Tools",
      countLabel: "Arbeitsplätze",
      questionNumber: "2",
    });
    expect(inventory!.frozenAt).not.toBeNull();
    const rows = await t.db
      .select()
      .from(toolInventoryRows)
      .where(eq(toolInventoryRows.inventoryId, inventory!.id))
      .orderBy(asc(toolInventoryRows.position));
    expect(rows).toHaveLength(16);
    expect(rows.filter((r) => r.workplaceCount !== null)).toHaveLength(15);
    expect(rows[0]).toMatchObject({ label: "Cisco-ViKo (On-Premise)", workplaceCount: 52413, variant: "on_premise" });
    expect(rows.find((r) => r.label === "Cisco-WebEx (Public-Cloud)")).toMatchObject({
      workplaceCount: 102,
      variant: "public_cloud",
    });
    expect(rows[15]).toMatchObject({
      label: "Zoom",
      workplaceCount: null,
      footnoteMark: "1)",
      footnote:
        "Der Einsatz von ZOOM im MKFFI erfolgt im Einzelfall. Eine generelle Nutzung an bestimmten Arbeitsplätzen ist nicht vorgesehen.",
    });
    // Both WebEx rows are the same catalogue tool.
    const webex = rows.filter((r) => r.label.startsWith("Cisco-WebEx"));
    expect(new Set(webex.map((r) => r.toolId)).size).toBe(1);
  });

  it("keeps the NRW usage matrix: 13 rows, 16 columns, the 25 crosses of the document", async () => {
    const [matrix] = await t.db.select().from(toolUsageMatrices);
    expect(matrix).toMatchObject({
      rowHeading: "Ressort und nachgeordneter Bereich",
      columnHeading: "Videokonferenz-Tool",
      footnoteMark: "*",
    });
    // Answer 1: "… sind der Anlage zu entnehmen." The matrix is that Anlage; no file stands in for it.
    expect(matrix!.title).toBe("Anlage zur Antwort auf Frage 1");
    const nrw = await inquiryByRef(t.db, "landtag-nrw", "17-9511");
    const { versionId } = await publishedVersionOf(t.db, nrw.id);
    expect(await t.db.select().from(answerAttachments).where(eq(answerAttachments.versionId, versionId))).toEqual([]);
    const matrixRows = await t.db
      .select()
      .from(toolUsageMatrixRows)
      .where(eq(toolUsageMatrixRows.matrixId, matrix!.id));
    const columns = await t.db
      .select()
      .from(toolUsageMatrixColumns)
      .where(eq(toolUsageMatrixColumns.matrixId, matrix!.id));
    expect(matrixRows).toHaveLength(13);
    expect(columns).toHaveLength(16);
    expect(matrixRows.map((r) => r.label)).toContain("Landwirtschaftskammer *");
    const cells = await t.db
      .select({ row: toolUsageMatrixRows.label, tool: toolInventoryRows.label })
      .from(toolUsageMatrixCells)
      .innerJoin(toolUsageMatrixRows, eq(toolUsageMatrixRows.id, toolUsageMatrixCells.rowId))
      .innerJoin(toolUsageMatrixColumns, eq(toolUsageMatrixColumns.id, toolUsageMatrixCells.columnId))
      .innerJoin(toolInventoryRows, eq(toolInventoryRows.id, toolUsageMatrixColumns.inventoryRowId))
      .where(eq(toolUsageMatrixRows.matrixId, matrix!.id));
    expect(cells).toHaveLength(25);
    const usesOf = (row: string) =>
      cells
        .filter((c) => c.row === row)
        .map((c) => c.tool)
        .sort();
    expect(usesOf("Landesbetrieb Wald und Holz")).toEqual(["Avaya Cloud Conference", "Polycom ViKo (On-Premise)"]);
    expect(usesOf("Landwirtschaftskammer *")).toEqual(["BlueJeans Enterprise", "Skype for business (On-Premise)"]);
    expect(usesOf("Fachhochschule für Rechtspflege")).toEqual(["Cisco-WebEx (Public-Cloud)"]);
  });

  it("states the use of all 16 tools of the NRW table as facts citing 17/9511, each with its printed row and count", async () => {
    const nrw = await inquiryByRef(t.db, "landtag-nrw", "17-9511");
    const { versionId } = await publishedVersionOf(t.db, nrw.id);
    const [inventory] = await t.db.select().from(toolInventories).where(eq(toolInventories.versionId, versionId));
    const rows = await t.db
      .select({ label: toolInventoryRows.label, count: toolInventoryRows.workplaceCount, slug: tools.slug })
      .from(toolInventoryRows)
      .innerJoin(tools, eq(tools.id, toolInventoryRows.toolId))
      .where(eq(toolInventoryRows.inventoryId, inventory!.id));
    const facts = await t.db
      .select({
        slug: tools.slug,
        key: toolFacts.key,
        value: toolFacts.value,
        quote: toolFacts.quote,
        body: bodies.slug,
        asOf: toolFacts.asOf,
      })
      .from(toolFacts)
      .innerJoin(tools, eq(tools.id, toolFacts.toolId))
      .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
      .leftJoin(bodies, eq(bodies.id, toolFacts.bodyId))
      .where(eq(sources.citation, "Landtag NRW, Drucksache 17/9511 vom 07.07.2020"));
    // The document says where each tool is used and how (label), nothing else: no vendor, country, encryption …
    expect(new Set(facts.map((f) => f.key))).toEqual(new Set(["deployment", "usage_status"]));
    expect(facts.every((f) => f.body === "landtag-nrw" && f.asOf === "2020-07-07")).toBe(true);
    const usage = facts.filter((f) => f.key === "usage_status");
    expect(usage.map((f) => f.slug).sort()).toEqual([...new Set(rows.map((r) => r.slug))].sort());
    expect(usage).toHaveLength(15);
    expect(usage.every((f) => f.value === "im Einsatz")).toBe(true);
    // Every printed row, with its count in the document's format, is quoted for its tool.
    const printed = (n: number) => n.toLocaleString("de-DE");
    for (const row of rows) {
      const quote = usage.find((f) => f.slug === row.slug)!.quote!;
      expect(quote).toContain(row.count === null ? row.label : `${row.label}\t${printed(row.count)}`);
    }
    expect(usage.find((f) => f.slug === "cisco-viko")!.quote).toBe("Cisco-ViKo (On-Premise)\t52.413");
    expect(usage.find((f) => f.slug === "cisco-webex")!.quote).toBe(
      "Cisco-WebEx (On-Premise)\t47.904\nCisco-WebEx (Public-Cloud)\t102",
    );
    expect(usage.find((f) => f.slug === "zoom")!.quote).toBe(
      "Zoom 1)\n1) Der Einsatz von ZOOM im MKFFI erfolgt im Einzelfall. Eine generelle Nutzung an bestimmten Arbeitsplätzen ist nicht vorgesehen.",
    );
  });

  it("answers NRW questions 3 and 4 jointly and withholds the police details for IT security", async () => {
    const nrw = await inquiryByRef(t.db, "landtag-nrw", "17-9511");
    const { versionId } = await publishedVersionOf(t.db, nrw.id);
    const covered = await t.db
      .select({ position: answerParts.position, jointNote: answerParts.jointNote, number: questions.number })
      .from(answerParts)
      .innerJoin(answerPartQuestions, eq(answerPartQuestions.partId, answerParts.id))
      .innerJoin(questions, eq(questions.id, answerPartQuestions.questionId))
      .where(eq(answerParts.versionId, versionId));
    const joint = covered.filter((c) => c.position === 3);
    expect(joint.map((c) => c.number).sort()).toEqual(["3", "4"]);
    expect(joint[0]!.jointNote).toBe(
      "Die Fragen 3 und 4 werden wegen des bestehenden Sachzusammenhangs gemeinsam beantwortet.",
    );

    const [withheld] = await t.db.select().from(withholdings).where(eq(withholdings.versionId, versionId));
    expect(withheld!.reason).toBe("it_security");
    expect(withheld!.withheldText).toBeNull();
    expect(withheld!.publicJustification).toBe(
      "Die gewünschten detaillierten Angaben zu eingesetzten Technologien und Herstellern können aus Gründen der IT-Sicherheit nicht bekannt gegeben werden. Bereits die Herstellerangabe birgt die Gefahr, potentiellen Angreifern zielgerichtete Angriffe zu ermöglichen und lassen Rückschlüsse auf die Kommunikations- und Einsatzfähigkeit der Polizei NRW zu, die zu Cyberangriffen (z.B. DDos-Attacken) missbraucht werden könnten.",
    );
    const withheldPart = covered.find((c) => c.number === "1");
    expect(withheldPart?.position).toBe(1);
  });

  it("keeps Norderstedt's DPO statement with its restrictions, recommendations and verdict", async () => {
    const inquiry = await inquiryByRef(t.db, "norderstedt", "M-20-0226");
    const { answerId } = await publishedVersionOf(t.db, inquiry.id);
    const [consultation] = await t.db.select().from(consultations).where(eq(consultations.answerId, answerId));
    expect(consultation).toMatchObject({
      kind: "dpo",
      status: "answered",
      verdict: "conditions",
      publishedWithAnswer: true,
      statementTitle: "Kurzbetrachtung Zoom Videokonferenz-System",
    });
    expect(consultation!.statementText).toContain(
      "Weiterhin wurden die Vorichtsmaßnahmen für Einladende berücksichtigt.",
    );
    const recommendations = await t.db
      .select({ kind: consultationRecommendations.kind, text: consultationRecommendations.text })
      .from(consultationRecommendations)
      .where(eq(consultationRecommendations.consultationId, consultation!.id))
      .orderBy(asc(consultationRecommendations.position));
    expect(recommendations.filter((r) => r.kind === "restriction")).toHaveLength(3);
    expect(recommendations.filter((r) => r.kind === "recommendation")).toHaveLength(2);
    expect(recommendations[0]!.text).toBe(
      "keine Verwendung von sensiblen Inhalten in den Besprechungen verwenden, z.B.: Jugend- und Sozialdaten etc.,",
    );
  });

  it("gives Norderstedt's answer meeting no TOP number: the Vorlage names none, and M 20/0226 is no TOP", async () => {
    const items = await t.db
      .select({ date: meetings.date, number: agendaItems.number })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(bodies.slug, "norderstedt"), inArray(meetings.date, ["2020-05-04", "2020-06-15"])))
      .orderBy(asc(meetings.date));
    expect(items).toEqual([
      { date: "2020-05-04", number: "26.7" },
      { date: "2020-06-15", number: null },
    ]);
    expect(await t.db.select().from(agendaItems).where(eq(agendaItems.number, "M 20/0226"))).toEqual([]);
  });

  it("keeps the typos of the FWuD inquiry", async () => {
    const inquiry = await inquiryByRef(t.db, "norderstedt", "M-20-0226");
    const texts = await t.db
      .select({ text: questions.bodyText })
      .from(questions)
      .where(eq(questions.inquiryId, inquiry.id));
    const [preamble] = await t.db
      .select({ text: inquiries.preambleText })
      .from(inquiries)
      .where(eq(inquiries.id, inquiry.id));
    expect(texts.map((q) => q.text).join(" ")).toContain("kommt bisherauch dafür Zoom");
    expect(texts.map((q) => q.text).join(" ")).toContain("Warnung vor vor Zoom");
    expect(preamble!.text).toContain("seit Wochena aufgrund");
  });

  it("cites the Senatskanzlei's letter for Hamburg's Zoom facts", async () => {
    const facts = await t.db
      .select({ key: toolFacts.key, citation: sources.citation, kind: sources.kind, body: bodies.slug })
      .from(toolFacts)
      .innerJoin(tools, eq(tools.id, toolFacts.toolId))
      .innerJoin(sources, eq(sources.id, toolFacts.sourceId))
      .innerJoin(bodies, eq(bodies.id, toolFacts.bodyId))
      .where(and(eq(tools.slug, "zoom"), eq(bodies.slug, "hamburg")));
    expect(facts.map((f) => f.key).sort()).toEqual(
      ["dpa_status", "dpia", "license", "protection_needs", "risk_assessment", "threshold_analysis"].sort(),
    );
    for (const fact of facts) {
      expect(fact.kind).toBe("letter");
      expect(fact.citation).toBe(
        "Senatskanzlei Hamburg, Schreiben vom 26. März 2021 an den HmbBfDI: Nutzung von Zoom und Microsoft 365 in der FHH",
      );
    }
  });

  it("states no tool fact without a source and no vendor the documents do not name", async () => {
    const vendorFacts = await t.db.select({ n: count() }).from(toolFacts).where(eq(toolFacts.key, "vendor"));
    expect(vendorFacts[0]!.n).toBe(0);
    const unquoted = await t.db
      .select({ n: count() })
      .from(toolFacts)
      .where(sql`${toolFacts.quote} is null`);
    expect(unquoted[0]!.n).toBe(0);
  });

  it("builds the demo answers being answered through the commands: each with its chain, two waiting in it", async () => {
    const answering = await t.db
      .select({ title: inquiries.title, answerId: answers.id, status: answers.status })
      .from(inquiries)
      .innerJoin(answers, eq(answers.inquiryId, inquiries.id))
      .where(eq(inquiries.status, "answering"));
    expect(answering.length).toBeGreaterThanOrEqual(5);
    const chainOf = async (answerId: string) =>
      t.db
        .select({ label: signOffSteps.label, status: signOffSteps.status, id: signOffSteps.id })
        .from(signOffSteps)
        .where(eq(signOffSteps.answerId, answerId))
        .orderBy(asc(signOffSteps.position));
    for (const a of answering) expect((await chainOf(a.answerId)).length, a.title).toBeGreaterThanOrEqual(2);

    const waiting = answering.find((a) => a.title === "Ausfälle der städtischen Online-Dienste")!;
    expect(waiting.status).toBe("sign_off");
    const chain = await chainOf(waiting.answerId);
    expect(chain.map((s) => `${s.label}: ${s.status}`)).toEqual([
      "Sachbearbeiter/in: signed",
      "Fachbereichsleiter/in: signed",
      "Amtsleiter/in: pending",
      "mitzeichnendes Amt: not_required",
      "Stadtrat/Stadträtin: pending",
      "Oberbürgermeisterin: pending",
    ]);
    // Both signatures vouch for the content as it stands, and were given by different demo accounts.
    const [version] = await t.db
      .select({ contentHash: answerVersions.contentHash })
      .from(answerVersions)
      .where(eq(answerVersions.answerId, waiting.answerId));
    const given = await t.db
      .select({ hash: signatures.contentHash, email: users.email })
      .from(signatures)
      .innerJoin(users, eq(users.id, signatures.userId))
      .where(
        inArray(
          signatures.stepId,
          chain.map((s) => s.id),
        ),
      );
    expect(given.map((g) => g.email).sort()).toEqual([
      "fachbereichsleitung@norderstedt.quaestio.example",
      "sachbearbeitung@norderstedt.quaestio.example",
    ]);
    expect(given.every((g) => g.hash === version!.contentHash)).toBe(true);
    const answerEvents = await t.db
      .select({ type: events.type })
      .from(events)
      .where(eq(events.aggregateId, waiting.answerId))
      .orderBy(asc(events.id));
    expect(answerEvents.map((e) => e.type)).toEqual(["send_to_sign_off", "sign_off_signed", "sign_off_signed"]);

    const withDpo = answering.find((a) => a.title === "Aufzeichnungen von Videokonferenzen")!;
    expect(withDpo.status).toBe("consultation");
  });

  it("creates fictional demo accounts with the shared password and no real names", async () => {
    // Six roles in each of the four bodies, a second faction member in Norderstedt for co-authoring and the
    // four further signers of Norderstedt's six-step chain and a clerk of its contributing Amt 17.
    expect(logins).toHaveLength(30);
    expect(logins.every((l) => l.email.endsWith(".quaestio.example") && !l.mfa)).toBe(true);
    expect(logins.some((l) => l.role === "Fraktion" && l.body === "Norderstedt")).toBe(true);
    const [faction] = await t.db.select().from(users).where(eq(users.email, "fraktion@norderstedt.quaestio.example"));
    expect(faction!.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(faction!.passwordHash, logins[0]!.password)).toBe(true);
    const names = (await t.db.select({ name: users.displayName }).from(users)).map((u) => u.name);
    for (const real of ["Borchardt", "Pörksen", "Caspar", "Bolte-Richter", "Gerstenkorn"]) {
      expect(names.some((n) => n.includes(real))).toBe(false);
    }
    const roles = await t.db
      .select({ role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        inArray(
          users.email,
          logins.map((l) => l.email),
        ),
      );
    expect(roles).toHaveLength(30);
  });

  it("gives every step of every configured sign-off chain (and of the default chain) a demo signer", async () => {
    const demoMemberships = await t.db
      .select({
        email: users.email,
        bodyId: memberships.bodyId,
        organizationId: memberships.organizationId,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        inArray(
          users.email,
          logins.map((l) => l.email),
        ),
      );
    const bodyRows = await t.db.select({ id: bodies.id, slug: bodies.slug }).from(bodies);
    const typeRows = await t.db
      .select({ bodyId: inquiryTypes.bodyId, templateId: inquiryTypes.signOffTemplateId })
      .from(inquiryTypes);
    const steps = await t.db.select().from(signOffTemplateSteps);
    const leadOf = async (bodyId: string) => {
      // The lead department of the body's demo work: where its demo clerk works.
      const clerk = demoMemberships.find((m) => m.bodyId === bodyId && m.role === "clerk");
      return clerk!.organizationId;
    };
    let checked = 0;
    for (const type of typeRows) {
      const template = steps.filter((s) => s.templateId === type.templateId);
      const chain = chainFromTemplate(template, true);
      const lead = await leadOf(type.bodyId);
      for (const step of chain) {
        const signers = demoMemberships.filter((m) =>
          maySignStep([{ bodyId: m.bodyId, organizationId: m.organizationId, role: m.role }], type.bodyId, step, lead),
        );
        const body = bodyRows.find((b) => b.id === type.bodyId)!.slug;
        expect(
          signers.map((s) => s.email),
          `${body}: ${step.label}`,
        ).not.toEqual([]);
        checked++;
      }
    }
    // Norderstedt's form has six steps; the other bodies' types run the two-step default chain.
    expect(checked).toBeGreaterThanOrEqual(6 + 2 * 3);
    const norderstedt = bodyRows.find((b) => b.slug === "norderstedt")!;
    const signerEmails = demoMemberships
      .filter((m) => m.bodyId === norderstedt.id && ["department_head", "co_signer", "councillor"].includes(m.role))
      .map((m) => m.email)
      .sort();
    expect(signerEmails).toEqual([
      "amtsleitung@norderstedt.quaestio.example",
      "dezernat@norderstedt.quaestio.example",
      "fachbereichsleitung@norderstedt.quaestio.example",
      "mitzeichnung@norderstedt.quaestio.example",
    ]);
  });

  it("puts the second Norderstedt faction member in the same fictional faction as the first, without a second factor", async () => {
    const second = logins.find((l) => l.email === "fraktion2@norderstedt.quaestio.example");
    expect(second).toMatchObject({ body: "Norderstedt", password: logins[0]!.password, mfa: false });
    const factionOf = async (email: string) =>
      t.db
        .select({
          organization: organizations.name,
          organizationId: memberships.organizationId,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
        .where(eq(users.email, email));
    const first = await factionOf("fraktion@norderstedt.quaestio.example");
    const other = await factionOf("fraktion2@norderstedt.quaestio.example");
    expect(other).toEqual(first);
    expect(other).toEqual([expect.objectContaining({ organization: "Fraktion (Demo)", role: "faction_member" })]);
    const [user] = await t.db.select().from(users).where(eq(users.email, "fraktion2@norderstedt.quaestio.example"));
    expect(await verifyPassword(user!.passwordHash, second!.password)).toBe(true);
  });

  it("keeps the internal inquiries fictional: every one says so in its preamble", async () => {
    const internal = await t.db
      .select({ preamble: inquiries.preambleText, status: inquiries.status })
      .from(inquiries)
      .where(eq(inquiries.visibility, "internal"));
    expect(internal.length).toBeGreaterThanOrEqual(6);
    expect(internal.every((d) => d.preamble?.includes("Fiktiver Demo-Vorgang"))).toBe(true);
    // Every draft is internal: a draft is never public.
    const drafts = await t.db
      .select({ visibility: inquiries.visibility })
      .from(inquiries)
      .where(eq(inquiries.status, "draft"));
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((d) => d.visibility === "internal")).toBe(true);
  });

  it("attributes the fictional work to the fictional demo factions only", async () => {
    const originators = await t.db
      .select({ faction: organizations.name, preamble: inquiries.preambleText })
      .from(inquiries)
      .innerJoin(organizations, eq(organizations.id, inquiries.originatorOrganizationId));
    const fictional = originators.filter((o) => o.preamble?.includes("Fiktiver Demo-Vorgang"));
    expect(fictional.length).toBeGreaterThan(15);
    expect(new Set(fictional.map((o) => o.faction))).toEqual(new Set(["Fraktion (Demo)"]));
    // The real seeds keep their own originators.
    expect(
      originators
        .filter((o) => !o.preamble?.includes("Fiktiver Demo-Vorgang"))
        .map((o) => o.faction)
        .sort(),
    ).toEqual(
      [
        "BÜNDNIS 90/DIE GRÜNEN",
        "Bündnis90/ Die GRÜNEN",
        "FWuD-Fraktion",
        "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
      ].sort(),
    );
  });

  it("inserts nothing when called again", async () => {
    const before = await rowCounts(t.db);
    const again = await seedDemoData(t.db);
    expect(await rowCounts(t.db)).toEqual(before);
    expect(again).toEqual(logins);
    expect(before.bodies).toBe(4);
  });
});
