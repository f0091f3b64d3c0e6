/**
 * Landtag Nordrhein-Westfalen: Kleine Anfrage 3761 of Matthi Bolte-Richter (BÜNDNIS 90/DIE GRÜNEN) of
 * 28 May 2020 and the Landesregierung's answer, Drucksache 17/9511 of 07.07.2020 (seed 003), with its
 * tool inventory, usage matrix and the LDI "Leitplanken" it refers to. The texts, in landtag-nrw-texts.ts, are
 * the document's own; sentences broken by a page break are joined.
 */
import {
  answerContributors,
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  bodies,
  criteria,
  criteriaSets,
  inquiries,
  inquiryOriginators,
  inquiryTypes,
  inventoryCriteriaSets,
  people,
  questions,
  sources,
  toolAssessments,
  toolInventories,
  toolInventoryRows,
  toolUsageMatrices,
  toolUsageMatrixCells,
  toolUsageMatrixColumns,
  toolUsageMatrixRows,
  withholdings,
} from "../schema/index";
import {
  answeredEvents,
  berlinNoon,
  first,
  insertEvents,
  insertOrganizations,
  paragraphs,
  richText,
  type BodyAnchor,
  type Tx,
} from "./support";
import { nrwInventory, nrwMatrix } from "./landtag-nrw-inventory";
import {
  NRW_KLEINE_ANFRAGE_DEADLINE_LABEL,
  LDI_URL,
  LDI_TITLE,
  inquiryPreamble,
  questionTexts,
  answerIntro,
  answerPreamble,
  itSecurityJustification,
  part1,
  part2,
  jointNote,
  ldiStatusNote,
  part3,
  ldiCriteria,
} from "./landtag-nrw-texts";

import type { ToolIds } from "./tools";

export { NRW_KLEINE_ANFRAGE_DEADLINE_LABEL };

export async function seedLandtagNrw(tx: Tx, toolIds: ToolIds) {
  const body = first(
    await tx
      .insert(bodies)
      .values({
        slug: "landtag-nrw",
        name: "Landtag Nordrhein-Westfalen",
        shortName: "Landtag NRW",
        kind: "state_parliament",
        state: "NW",
      })
      .returning({ id: bodies.id }),
  );
  const bodyId = body.id;

  const org = await insertOrganizations(tx, bodyId, {
    landtag: { kind: "council", name: "Landtag Nordrhein-Westfalen" },
    landesregierung: { kind: "executive", name: "Landesregierung" },
    mwide: { kind: "department", name: "Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie" },
    // Named only by its abbreviation in the footnote of the table.
    mkffi: { kind: "department", name: "MKFFI", shortName: "MKFFI" },
    // A subordinate authority: it answers the Landtag through its ministry, never as the lead itself.
    polizei: { kind: "other", name: "Polizei NRW" },
    gruene: { kind: "faction", name: "BÜNDNIS 90/DIE GRÜNEN" },
  });
  // The organisations of the usage matrix, named as in its rows (without the footnote mark).
  const matrixOrgs = await insertOrganizations(
    tx,
    bodyId,
    // Only the ministries answer the Landtag; the agencies, courts and chambers of the matrix are subordinate.
    Object.fromEntries(
      nrwMatrix.rows.map((r) => [
        r.label,
        {
          kind: r.organization.startsWith("Ministerium") ? ("department" as const) : ("other" as const),
          name: r.organization,
        },
      ]),
    ),
  );
  const matrixOrg = (label: string) => {
    const id = matrixOrgs[label];
    if (!id) throw new Error(`no organisation for matrix row ${label}`);
    return id;
  };

  const [kleineAnfrage] = await tx
    .insert(inquiryTypes)
    .values([
      {
        bodyId,
        code: "kleine-anfrage",
        name: "Kleine Anfrage",
        numberingPeriod: "term",
        referenceFormat: "{n}",
        deadlineRule: { kind: "weeks", amount: 4 },
        deadlineRuleLabel: NRW_KLEINE_ANFRAGE_DEADLINE_LABEL,
      },
      {
        bodyId,
        code: "grosse-anfrage",
        name: "Große Anfrage",
        numberingPeriod: "term",
        referenceFormat: "{n}",
        deadlineRule: { kind: "quarter" },
        deadlineRuleLabel: "innerhalb eines Vierteljahres",
      },
    ])
    .returning({ id: inquiryTypes.id });

  const bolteRichter = first(
    await tx
      .insert(people)
      .values({ bodyId, name: "Matthi Bolte-Richter", roleLabel: "Abgeordneter", organizationId: org.gruene })
      .returning({ id: people.id }),
  );

  const inquiry = first(
    await tx
      .insert(inquiries)
      .values({
        bodyId,
        typeId: kleineAnfrage!.id,
        // Numbered by the Landtag outside Quaestio: no sequence.
        period: "17",
        sequence: null,
        reference: "3761",
        publicRef: "17-9511",
        title: "Datenschutzkonforme Videokonferenz-Tools",
        preambleLabel: "Vorbemerkung der Kleinen Anfrage",
        ...richText("preamble", inquiryPreamble),
        status: "answered",
        visibility: "public",
        originatorOrganizationId: org.gruene,
        leadOrganizationId: org.mwide,
        submittedOn: "2020-05-28",
        receivedOn: "2020-05-28",
        dueOn: "2020-06-25",
        dueRuleLabel: NRW_KLEINE_ANFRAGE_DEADLINE_LABEL,
      })
      .returning({ id: inquiries.id }),
  );
  await tx.insert(inquiryOriginators).values({
    inquiryId: inquiry.id,
    personId: bolteRichter.id,
    organizationId: org.gruene,
    label: "des Abgeordneten Matthi Bolte-Richter BÜNDNIS 90/DIE GRÜNEN",
  });
  const q = await tx
    .insert(questions)
    .values(
      questionTexts.map((body, i) => ({
        inquiryId: inquiry.id,
        position: i + 1,
        number: String(i + 1),
        ...richText("body", paragraphs(body)),
      })),
    )
    .returning({ id: questions.id });

  const publishedAt = berlinNoon("2020-07-07");
  const answer = first(
    await tx
      .insert(answers)
      .values({ bodyId, inquiryId: inquiry.id, status: "published", leadOrganizationId: org.mwide })
      .returning({ id: answers.id }),
  );
  // "… sind in den Antwortbeitrag des MULNV alle Arbeitsplätze der LWK eingeflossen."
  await tx.insert(answerContributors).values({
    answerId: answer.id,
    organizationId: matrixOrg("Ministerium für Umwelt, Landwirtschaft, Natur- und Verbraucherschutz"),
    role: "contributor",
  });
  const version = first(
    await tx
      .insert(answerVersions)
      .values({
        answerId: answer.id,
        versionNumber: 1,
        documentKind: "Drucksache",
        documentReference: "17/9511",
        documentDate: "2020-07-07",
        title:
          "Antwort der Landesregierung auf die Kleine Anfrage 3761 vom 28. Mai 2020 des Abgeordneten Matthi Bolte-Richter BÜNDNIS 90/DIE GRÜNEN",
        issuedByLabel: "Landesregierung",
        ...richText("intro", paragraphs(answerIntro)),
        preambleLabel: "Vorbemerkung der Landesregierung",
        ...richText("preamble", paragraphs(answerPreamble)),
        publishedAt,
      })
      .returning({ id: answerVersions.id }),
  );
  const [p1, p2, p3] = await tx
    .insert(answerParts)
    .values([
      { versionId: version.id, position: 1, ...richText("body", paragraphs(...part1)) },
      { versionId: version.id, position: 2, ...richText("body", paragraphs(...part2)) },
      { versionId: version.id, position: 3, jointNote, ...richText("body", paragraphs(...part3)) },
    ])
    .returning({ id: answerParts.id });
  await tx.insert(answerPartQuestions).values([
    { partId: p1!.id, questionId: q[0]!.id },
    { partId: p2!.id, questionId: q[1]!.id },
    { partId: p3!.id, questionId: q[2]!.id },
    { partId: p3!.id, questionId: q[3]!.id },
  ]);
  // The withheld details are not in the published document: withheldText stays null.
  await tx.insert(withholdings).values({
    versionId: version.id,
    partId: p1!.id,
    reason: "it_security",
    subject: "Eingesetzte Technologien und Hersteller der Telefon- und Videokonferenzanlagen der Polizei NRW",
    publicJustification: itSecurityJustification,
    withheldText: null,
  });
  // The Anlage that answer 1 refers to ("… sind der Anlage zu entnehmen") is the Ressort × tool matrix below,
  // printed at the end of the document: it is stored as that matrix, named so, not as a file that is missing.

  const drucksache = first(
    await tx
      .insert(sources)
      .values({
        bodyId,
        kind: "answer",
        citation: "Landtag NRW, Drucksache 17/9511 vom 07.07.2020",
        date: "2020-07-07",
        inquiryId: inquiry.id,
      })
      .returning({ id: sources.id }),
  );

  // ---- tool inventory (question 2), usage matrix and the LDI criteria -------------------------------
  const inventory = first(
    await tx
      .insert(toolInventories)
      .values({
        versionId: version.id,
        position: 1,
        title: "Videokonferenz-Tools",
        countLabel: "Arbeitsplätze",
        questionNumber: "2",
        frozenAt: publishedAt,
      })
      .returning({ id: toolInventories.id }),
  );
  const inventoryRows = await tx
    .insert(toolInventoryRows)
    .values(
      nrwInventory.map((row, i) => ({
        inventoryId: inventory.id,
        position: i + 1,
        toolId: toolIds[row.tool],
        variant: row.variant,
        label: row.label,
        workplaceCount: row.workplaceCount,
        footnoteMark: row.footnoteMark ?? null,
        footnote: row.footnote ?? null,
      })),
    )
    .returning({ id: toolInventoryRows.id, label: toolInventoryRows.label });
  const rowIdByLabel = new Map(inventoryRows.map((r) => [r.label, r.id]));

  const matrix = first(
    await tx
      .insert(toolUsageMatrices)
      .values({
        inventoryId: inventory.id,
        title: nrwMatrix.title,
        rowHeading: nrwMatrix.rowHeading,
        columnHeading: nrwMatrix.columnHeading,
        footnoteMark: nrwMatrix.footnoteMark,
        footnote: nrwMatrix.footnote,
      })
      .returning({ id: toolUsageMatrices.id }),
  );
  const columns = await tx
    .insert(toolUsageMatrixColumns)
    .values(
      nrwMatrix.columns.map((label, i) => {
        const inventoryRowId = rowIdByLabel.get(label);
        if (!inventoryRowId) throw new Error(`matrix column ${label} has no inventory row`);
        return { matrixId: matrix.id, position: i + 1, inventoryRowId };
      }),
    )
    .returning({ id: toolUsageMatrixColumns.id, position: toolUsageMatrixColumns.position });
  const columnIdByLabel = new Map(columns.map((c) => [nrwMatrix.columns[c.position - 1]!, c.id]));
  const rows = await tx
    .insert(toolUsageMatrixRows)
    .values(
      nrwMatrix.rows.map((r, i) => ({
        matrixId: matrix.id,
        position: i + 1,
        organizationId: matrixOrg(r.label),
        label: r.label,
      })),
    )
    .returning({ id: toolUsageMatrixRows.id, position: toolUsageMatrixRows.position });
  await tx.insert(toolUsageMatrixCells).values(
    rows.flatMap((row) =>
      nrwMatrix.rows[row.position - 1]!.uses.map((label) => {
        const columnId = columnIdByLabel.get(label);
        if (!columnId) throw new Error(`matrix cell names unknown column ${label}`);
        return { rowId: row.id, columnId, uses: true };
      }),
    ),
  );

  const criteriaSet = first(
    await tx
      .insert(criteriaSets)
      .values({
        slug: "ldi-nrw-leitplanken-videokonferenz-2020",
        title: LDI_TITLE,
        issuer: "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen (LDI)",
        issuedOn: "2020-05-18",
        url: LDI_URL,
      })
      .returning({ id: criteriaSets.id }),
  );
  await tx
    .insert(criteria)
    .values(
      ldiCriteria.map((text, i) => ({ criteriaSetId: criteriaSet.id, position: i + 1, text, sourceId: drucksache.id })),
    );
  await tx
    .insert(inventoryCriteriaSets)
    .values({ inventoryId: inventory.id, criteriaSetId: criteriaSet.id, statusNote: ldiStatusNote });
  // "… konnte aufgrund der Kürze der Zeit noch nicht abschließend durchgeführt werden": no tool is assessed.
  await tx.insert(toolAssessments).values(
    inventoryRows.map((r) => ({
      inventoryRowId: r.id,
      criteriaSetId: criteriaSet.id,
      criterionId: null,
      result: "not_assessed" as const,
    })),
  );

  await insertEvents(tx, [
    {
      bodyId,
      aggregateType: "inquiry",
      aggregateId: inquiry.id,
      type: "submit",
      occurredOn: "2020-05-28",
      public: true,
      payload: { to: "submitted" },
    },
    ...answeredEvents({
      bodyId,
      inquiryId: inquiry.id,
      answerId: answer.id,
      publishedAt,
      documentReference: "17/9511",
    }),
  ]);

  const anchor: BodyAnchor = {
    bodyId,
    slug: "landtag-nrw",
    shortName: "Landtag NRW",
    factionId: org.gruene,
    answeringDepartmentId: org.mwide,
    dpoOfficeId: null,
    executiveId: org.landesregierung,
  };
  return { anchor, kleineAnfrageTypeId: kleineAnfrage!.id, drucksacheSourceId: drucksache.id };
}
