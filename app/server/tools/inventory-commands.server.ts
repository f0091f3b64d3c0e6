/**
 * Commands of the tool-inventory editor: the inventory's headings, importing rows from a pasted table or CSV
 * (all rows or none), editing and reordering rows, adding a tool to the shared catalogue, and tool facts with
 * their source. Each checks the user again (inventoryAccess), validates before writing, compares the
 * inventory's version and writes the change with an event of the answer in one transaction.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { answerVersions, sources, toolFacts, toolInventories, toolInventoryRows, tools } from "../../../db/schema";
import { DEPLOYMENT_VARIANTS, TOOL_FACT_KEYS, type DeploymentVariant, type ToolFactKey } from "../../domain/labels";
import {
  FOOTNOTE_MARK_MAX,
  FOOTNOTE_MAX,
  LABEL_MAX,
  parseWorkplaceCount,
  previewInventoryImport,
  type ImportPreview,
} from "../../domain/tool-inventory-import";
import { toolInventoryText as t } from "../../domain/texts/tool-inventory";
import { getDb, type Db, type Tx } from "../core/db.server";
import {
  inventoryAccess,
  lockEditableInventory,
  recordInventoryChange as recordChange,
  refuse,
  StaleVersionError,
  ToolInputError,
  type Actor,
} from "./inventory-access.server";

export { ToolInputError, StaleVersionError };

const clean = (value: string) => value.replace(/\r\n?/g, "\n").trim();

// ---- settings --------------------------------------------------------------------------------------------

export interface SettingsInput {
  /** Null when the inventory does not exist yet (the form creates it). */
  version: number | null;
  title: string;
  countLabel: string;
  questionNumber: string;
}

export async function saveInventorySettings(
  actor: Actor,
  inquiryId: string,
  input: SettingsInput,
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const errors: Record<string, string> = {};
  const title = clean(input.title);
  const countLabel = clean(input.countLabel) || null;
  const questionNumber = clean(input.questionNumber) || null;
  if (title === "") errors.title = t.errors.titleMissing;
  else if (title.length > 200) errors.title = t.errors.tooLong(200);
  if (countLabel && countLabel.length > 100) errors.countLabel = t.errors.tooLong(100);
  if (questionNumber && questionNumber.length > 20) errors.questionNumber = t.errors.tooLong(20);
  if (Object.keys(errors).length > 0) throw new ToolInputError(errors);
  return database.transaction(async (tx) => {
    if (input.version === null) {
      const access = await inventoryAccess(tx, actor, inquiryId, { lock: true });
      if (!access.answer || !access.version) refuse("form", t.noAnswer);
      if (!access.editable) refuse("form", t.errors.forbidden);
      // Someone else created it meanwhile: their inventory is what this form would have overwritten.
      if (access.inventory) throw new StaleVersionError();
      // Serialise two creations on the same version through the version row's lock.
      await tx
        .select({ id: answerVersions.id })
        .from(answerVersions)
        .where(eq(answerVersions.id, access.version.id))
        .for("update");
      const [created] = await tx
        .insert(toolInventories)
        .values({ versionId: access.version.id, position: 1, title, countLabel, questionNumber })
        .onConflictDoNothing()
        .returning({ version: toolInventories.version });
      if (!created) throw new StaleVersionError();
      await recordChange(tx, { answer: access.answer }, actor, "created");
      return { version: created.version };
    }
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    await tx
      .update(toolInventories)
      .set({ title, countLabel, questionNumber })
      .where(eq(toolInventories.id, access.inventory.id));
    await recordChange(tx, access, actor, "settings");
    return { version: access.nextVersion };
  });
}

// ---- import ----------------------------------------------------------------------------------------------

export async function catalogue(db: Db | Tx) {
  return db.select({ id: tools.id, name: tools.name, slug: tools.slug }).from(tools).orderBy(asc(tools.name));
}

/** The preview of a pasted table or CSV (nothing is written). */
export async function previewImport(actor: Actor, inquiryId: string, text: string, db?: Db): Promise<ImportPreview> {
  const database = db ?? (await getDb());
  const access = await inventoryAccess(database, actor, inquiryId);
  if (!access.editable) refuse("form", t.errors.forbidden);
  return previewInventoryImport(text, await catalogue(database));
}

/**
 * Saves the rows of a pasted table or CSV — all or none: the text is checked again under the lock, and any
 * problem refuses the whole import with the preview (ToolImportRefused).
 */
export class ToolImportRefused extends Error {
  constructor(readonly preview: ImportPreview) {
    super("import refused");
    this.name = "ToolImportRefused";
  }
}

export async function importRows(
  actor: Actor,
  inquiryId: string,
  input: { version: number; text: string; mode: "append" | "replace" },
  db?: Db,
): Promise<{ version: number; imported: number }> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    const preview = previewInventoryImport(input.text, await catalogue(tx));
    if (!preview.ok) throw new ToolImportRefused(preview);
    const existing = await tx
      .select({ id: toolInventoryRows.id, position: toolInventoryRows.position })
      .from(toolInventoryRows)
      .where(eq(toolInventoryRows.inventoryId, access.inventory.id));
    if (input.mode === "replace" && existing.length > 0) {
      await tx.delete(toolInventoryRows).where(eq(toolInventoryRows.inventoryId, access.inventory.id));
    }
    const start = input.mode === "replace" ? 0 : Math.max(0, ...existing.map((r) => r.position));
    await tx.insert(toolInventoryRows).values(
      preview.rows.map((row, index) => ({
        inventoryId: access.inventory.id,
        position: start + index + 1,
        toolId: row.toolId!,
        variant: row.variant!,
        label: row.label,
        workplaceCount: row.workplaceCount,
        footnoteMark: row.footnoteMark,
        footnote: row.footnote,
      })),
    );
    await recordChange(tx, access, actor, "import", { rows: preview.rows.length, mode: input.mode });
    return { version: access.nextVersion, imported: preview.rows.length };
  });
}

// ---- rows ------------------------------------------------------------------------------------------------

export interface RowInput {
  /** Existing row id, or "" for the new row. */
  id: string;
  toolId: string;
  label: string;
  variant: string;
  count: string;
  footnoteMark: string;
  footnote: string;
  position: string;
  remove: boolean;
}

interface ValidRow {
  id: string | null;
  toolId: string;
  label: string;
  variant: DeploymentVariant;
  workplaceCount: number | null;
  footnoteMark: string | null;
  footnote: string | null;
  order: number;
}

/**
 * Saves the rows as edited: changed fields, removed rows, a new row (when its tool is chosen) and the order
 * (by the "Reihenfolge" numbers, ties keep the shown order). Errors are keyed `row-<i>-<field>`.
 */
export async function saveRows(
  actor: Actor,
  inquiryId: string,
  input: { version: number; rows: RowInput[] },
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const known = new Set((await catalogue(database)).map((c) => c.id));
  const errors: Record<string, string> = {};
  const valid: ValidRow[] = [];
  input.rows.forEach((row, i) => {
    if (row.remove) return;
    if (row.id === "" && row.toolId === "") return; // the empty "new row" line
    const key = (field: string) => `row-${i}-${field}`;
    if (!known.has(row.toolId)) errors[key("toolId")] = t.errors.unknownOption;
    const label = clean(row.label);
    if (label.length > LABEL_MAX) errors[key("label")] = t.errors.tooLong(LABEL_MAX);
    const variant = (DEPLOYMENT_VARIANTS as readonly string[]).includes(row.variant)
      ? (row.variant as DeploymentVariant)
      : null;
    if (!variant) errors[key("variant")] = t.errors.unknownOption;
    const count = parseWorkplaceCount(row.count);
    if (!count.ok) errors[key("count")] = count.message;
    const footnoteMark = clean(row.footnoteMark) || null;
    const footnote = clean(row.footnote) || null;
    if (footnote && !footnoteMark) errors[key("footnoteMark")] = "Zur Fußnote fehlt das Fußnotenzeichen.";
    if (footnoteMark && !footnote) errors[key("footnote")] = "Zum Fußnotenzeichen fehlt der Text der Fußnote.";
    if (footnoteMark && footnoteMark.length > FOOTNOTE_MARK_MAX)
      errors[key("footnoteMark")] = t.errors.tooLong(FOOTNOTE_MARK_MAX);
    if (footnote && footnote.length > FOOTNOTE_MAX) errors[key("footnote")] = t.errors.tooLong(FOOTNOTE_MAX);
    const order = row.position.trim() === "" ? i + 1 : Number(row.position);
    if (!Number.isInteger(order) || order < 1 || order > 10_000)
      errors[key("position")] = "Bitte eine ganze Zahl ab 1.";
    if (!errors[key("toolId")] && variant && count.ok) {
      valid.push({
        id: row.id || null,
        toolId: row.toolId,
        label,
        variant,
        workplaceCount: count.value,
        footnoteMark,
        footnote,
        order,
      });
    }
  });
  if (Object.keys(errors).length > 0) throw new ToolInputError(errors);
  return database.transaction(async (tx) => {
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    const existing = await tx
      .select({ id: toolInventoryRows.id })
      .from(toolInventoryRows)
      .where(eq(toolInventoryRows.inventoryId, access.inventory.id));
    const existingIds = new Set(existing.map((r) => r.id));
    if (valid.some((r) => r.id !== null && !existingIds.has(r.id))) throw new StaleVersionError();
    const kept = new Set(valid.map((r) => r.id).filter((id): id is string => id !== null));
    const removed = existing.map((r) => r.id).filter((id) => !kept.has(id));
    if (removed.length > 0) await tx.delete(toolInventoryRows).where(inArray(toolInventoryRows.id, removed));
    // Positions are unique: move the kept rows out of the way first, then number them in the new order.
    await tx
      .update(toolInventoryRows)
      .set({ position: sql`${toolInventoryRows.position} + 100000` })
      .where(eq(toolInventoryRows.inventoryId, access.inventory.id));
    const ordered = valid.map((r, i) => ({ r, i })).sort((a, b) => a.r.order - b.r.order || a.i - b.i);
    for (const [index, { r }] of ordered.entries()) {
      const values = {
        toolId: r.toolId,
        label: r.label || (await tx.select({ name: tools.name }).from(tools).where(eq(tools.id, r.toolId)))[0]!.name,
        variant: r.variant,
        workplaceCount: r.workplaceCount,
        footnoteMark: r.footnoteMark,
        footnote: r.footnote,
        position: index + 1,
      };
      if (r.id) await tx.update(toolInventoryRows).set(values).where(eq(toolInventoryRows.id, r.id));
      else await tx.insert(toolInventoryRows).values({ ...values, inventoryId: access.inventory.id });
    }
    await recordChange(tx, access, actor, "rows", { rows: valid.length, removed: removed.length });
    return { version: access.nextVersion };
  });
}

// ---- catalogue -------------------------------------------------------------------------------------------

export function slugFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "werkzeug";
}

/** Adds a tool to the shared catalogue (any lead drafter of an editable inventory may). Returns its id. */
export async function addCatalogueTool(
  actor: Actor,
  inquiryId: string,
  input: { name: string; category: string; requiresDpoConsultation: boolean },
  db?: Db,
): Promise<string> {
  const database = db ?? (await getDb());
  const name = clean(input.name).replace(/\s+/g, " ");
  const category = clean(input.category) || null;
  if (name === "") refuse("name", t.catalogue.nameMissing);
  if (name.length > 120) refuse("name", t.catalogue.nameTooLong);
  if (category && category.length > 80) refuse("category", t.errors.tooLong(80));
  return database.transaction(async (tx) => {
    const access = await inventoryAccess(tx, actor, inquiryId);
    if (!access.editable) refuse("form", t.errors.forbidden);
    const [taken] = await tx
      .select({ id: tools.id })
      .from(tools)
      .where(sql`lower(${tools.name}) = ${name.toLowerCase()}`);
    if (taken) refuse("name", t.catalogue.nameTaken);
    const base = slugFor(name);
    let slug = base;
    for (let n = 2; (await tx.select({ id: tools.id }).from(tools).where(eq(tools.slug, slug))).length > 0; n++)
      slug = `${base}-${n}`;
    const [created] = await tx
      .insert(tools)
      .values({ name, slug, category, requiresDpoConsultation: input.requiresDpoConsultation })
      .onConflictDoNothing()
      .returning({ id: tools.id });
    if (!created) refuse("name", t.catalogue.nameTaken);
    await recordChange(tx, { answer: access.answer! }, actor, "catalogue", { toolId: created.id, name });
    return created.id;
  });
}

// ---- facts -----------------------------------------------------------------------------------------------

export const USAGE_STATUSES = ["planned", "in_use", "retired"] as const;

export interface FactInput {
  version: number;
  toolId: string;
  key: string;
  value: string;
  asOf: string;
  citation: string;
  url: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string) => ISO_DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

/**
 * Adds a fact about a tool of the inventory, as this body uses it, with its source. The source is tied to the
 * inquiry (kind "answer"), so the public page of the answer cites it — once the answer is published.
 */
export async function addToolFact(
  actor: Actor,
  inquiryId: string,
  input: FactInput,
  db?: Db,
): Promise<{ version: number }> {
  const database = db ?? (await getDb());
  const errors: Record<string, string> = {};
  const key = (TOOL_FACT_KEYS as readonly string[]).includes(input.key) ? (input.key as ToolFactKey) : null;
  if (!key) errors.key = t.errors.unknownOption;
  let value = clean(input.value);
  if (key === "usage_status") {
    // The code or its German word ("im Einsatz") — stored as the German word, as every other fact's value.
    const status = USAGE_STATUSES.find(
      (s) => s === value || t.facts.usageStatus[s].toLowerCase() === value.toLowerCase(),
    );
    if (!status) errors.value = t.facts.usageStatusInvalid;
    else value = t.facts.usageStatus[status];
  } else if (value === "") errors.value = t.facts.valueMissing;
  else if (value.length > 1000) errors.value = t.facts.valueTooLong;
  const asOf = input.asOf.trim() || null;
  if (asOf && !validDate(asOf)) errors.asOf = t.facts.dateInvalid;
  const citation = clean(input.citation).replace(/\s+/g, " ");
  if (citation === "") errors.citation = t.facts.sourceMissing;
  else if (citation.length > 500) errors.citation = t.facts.sourceTooLong;
  const url = input.url.trim() || null;
  if (url && (!/^https?:\/\/\S+$/i.test(url) || url.length > 1000)) errors.url = t.facts.urlInvalid;
  if (Object.keys(errors).length > 0) throw new ToolInputError(errors);
  return database.transaction(async (tx) => {
    const access = await lockEditableInventory(tx, actor, inquiryId, input.version);
    const inInventory = await tx
      .select({ id: toolInventoryRows.id })
      .from(toolInventoryRows)
      .where(and(eq(toolInventoryRows.inventoryId, access.inventory.id), eq(toolInventoryRows.toolId, input.toolId)))
      .limit(1);
    if (inInventory.length === 0) refuse("toolId", t.facts.toolNotInInventory);
    const bodyId = access.answer.bodyId;
    let [source] = await tx.select().from(sources).where(eq(sources.citation, citation));
    if (source && source.bodyId !== bodyId) refuse("citation", t.facts.sourceTaken);
    if (!source) {
      [source] = await tx
        .insert(sources)
        .values({ bodyId, kind: "answer", citation, url, date: asOf, inquiryId: access.answer.inquiry.id })
        .returning();
    }
    const [fact] = await tx
      .insert(toolFacts)
      .values({ toolId: input.toolId, bodyId, key: key!, value, sourceId: source!.id, asOf })
      .onConflictDoNothing()
      .returning({ id: toolFacts.id });
    if (!fact) refuse("key", t.facts.duplicate);
    await recordChange(tx, access, actor, "fact", { toolId: input.toolId, key });
    return { version: access.nextVersion };
  });
}
