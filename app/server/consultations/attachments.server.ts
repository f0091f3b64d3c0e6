/**
 * Files of a consultation (ADR 0015 addendum): the lead department attaches files to its request (for a
 * supervisory authority: the incoming letter, and later the reply letter); the consulted office reads and
 * downloads them. The bytes go through the same checks as an answer's Anlagen (type by magic bytes, size limit,
 * bare file name; ADR 0017) and live in `files`. Who may read them is narrower than who may see the consultation
 * (mayReadConsultationFiles): the council office, the lead department, the consulted office. Anyone else — and
 * anyone of another body — gets NotFound (the route answers 404).
 */
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { consultationAttachments, files } from "../../../db/schema";
import {
  mayChangeConsultationFiles,
  mayReadConsultationFiles,
  type ConsultationAttachmentPart,
  type ConsultationFacts,
} from "../../domain/consultation";
import { consultationText as t } from "../../domain/texts/consultation";
import { attachmentMaxBytes, validateAttachment, type AttachmentDownload } from "../answers/answer-attachments.server";
import { getDb, type Db, type Tx } from "../core/db.server";
import { recordEvent } from "../core/events.server";
import {
  consultationAccess,
  NotFound,
  recordConsultationEvent,
  type Actor,
  type ConsultationAccess,
} from "./access.server";
import { refuse } from "./input.server";

export { AttachmentValidationError } from "../answers/answer-attachments.server";

export interface ConsultationAttachmentView {
  id: string;
  part: ConsultationAttachmentPart;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
}

export interface ConsultationFiles {
  /** Null when the reader may see the consultation but not its files. */
  attachments: ConsultationAttachmentView[] | null;
  /** The parts the reader may add files to (and remove them from) now. */
  mayChange: Record<ConsultationAttachmentPart, boolean>;
  maxBytes: number;
}

function factsOf(access: ConsultationAccess): ConsultationFacts {
  return {
    bodyId: access.bodyId,
    kind: access.consultation.kind,
    addresseeOrganizationId: access.consultation.addresseeOrganizationId,
    leadOrganizationId: access.leadOrganizationId,
  };
}

function changeRights(actor: Actor, access: ConsultationAccess): Record<ConsultationAttachmentPart, boolean> {
  const facts = {
    ...factsOf(access),
    status: access.consultation.status,
    answerPublished: access.answer.status === "published",
  };
  return {
    request: mayChangeConsultationFiles(actor.memberships, facts, "request"),
    reply: mayChangeConsultationFiles(actor.memberships, facts, "reply"),
  };
}

async function listFiles(db: Db | Tx, consultationId: string): Promise<ConsultationAttachmentView[]> {
  return db
    .select({
      id: consultationAttachments.id,
      part: consultationAttachments.part,
      title: consultationAttachments.title,
      fileName: files.fileName,
      mediaType: files.mediaType,
      size: files.size,
    })
    .from(consultationAttachments)
    .innerJoin(files, eq(files.id, consultationAttachments.fileId))
    .where(eq(consultationAttachments.consultationId, consultationId))
    .orderBy(asc(consultationAttachments.part), asc(consultationAttachments.position));
}

/** The files part of the consultation page, for a reader whose access to the consultation is already checked. */
export async function consultationFiles(
  db: Db | Tx,
  actor: Actor,
  access: ConsultationAccess,
): Promise<ConsultationFiles> {
  const readable = mayReadConsultationFiles(actor.memberships, factsOf(access));
  return {
    attachments: readable ? await listFiles(db, access.consultation.id) : null,
    mayChange: changeRights(actor, access),
    maxBytes: attachmentMaxBytes(),
  };
}

export interface AddConsultationAttachmentInput {
  part: ConsultationAttachmentPart;
  title: string;
  /** Null when the form had no file. */
  file: { name: string; bytes: Uint8Array } | null;
}

/** The lead department attaches a file; AttachmentValidationError (German, by field) for a bad file. */
export async function addConsultationAttachment(
  actor: Actor,
  consultationId: string,
  input: AddConsultationAttachmentInput,
  db?: Db,
): Promise<{ attachmentId: string }> {
  const database = db ?? (await getDb());
  // Checked before anything is read from the file: who may not see the consultation learns nothing.
  const before = await consultationAccess(database, actor, consultationId);
  if (!changeRights(actor, before)[input.part]) refuse("form", t.attachments.refused);
  const checked = validateAttachment(input, attachmentMaxBytes());
  const bytes = input.file!.bytes;
  return database.transaction(async (tx) => {
    const access = await consultationAccess(tx, actor, consultationId, { lock: true });
    if (!changeRights(actor, access)[input.part]) refuse("form", t.attachments.refused);
    const [file] = await tx
      .insert(files)
      .values({
        bodyId: access.bodyId,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        uploadedByUserId: actor.id,
      })
      .returning({ id: files.id });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${consultationAttachments.position}), 0) + 1` })
      .from(consultationAttachments)
      .where(
        and(eq(consultationAttachments.consultationId, consultationId), eq(consultationAttachments.part, input.part)),
      )) as [{ next: number }];
    const [row] = await tx
      .insert(consultationAttachments)
      .values({
        consultationId,
        part: input.part,
        position: Number(next),
        title: checked.title,
        fileId: file!.id,
        addedByUserId: actor.id,
      })
      .returning({ id: consultationAttachments.id });
    await recordConsultationEvent(tx, access, actor, consultationId, "consultation_attachment_added", {
      part: input.part,
      title: checked.title,
      fileName: checked.fileName,
    });
    return { attachmentId: row!.id };
  });
}

/** The lead department removes a file it attached (while it may still change that part). */
export async function removeConsultationAttachment(
  actor: Actor,
  consultationId: string,
  attachmentId: string,
  db?: Db,
): Promise<void> {
  const database = db ?? (await getDb());
  await database.transaction(async (tx) => {
    const access = await consultationAccess(tx, actor, consultationId, { lock: true });
    const [row] = await tx
      .select()
      .from(consultationAttachments)
      .where(
        and(eq(consultationAttachments.id, attachmentId), eq(consultationAttachments.consultationId, consultationId)),
      );
    if (!row || !mayReadConsultationFiles(actor.memberships, factsOf(access))) throw new NotFound();
    if (!changeRights(actor, access)[row.part]) refuse("form", t.attachments.refused);
    await tx.delete(consultationAttachments).where(eq(consultationAttachments.id, row.id));
    await tx.delete(files).where(and(eq(files.id, row.fileId), eq(files.bodyId, access.bodyId)));
    await recordConsultationEvent(tx, access, actor, consultationId, "consultation_attachment_removed", {
      part: row.part,
      title: row.title,
    });
  });
}

/**
 * One file for download. The read is written to the audit log: a consultation's material is never public
 * (non_public_read, as for a non-public attachment of an answer).
 */
export async function loadConsultationAttachment(
  actor: Actor,
  consultationId: string,
  attachmentId: string,
  db?: Db,
): Promise<AttachmentDownload> {
  const database = db ?? (await getDb());
  return database.transaction(async (tx) => {
    const access = await consultationAccess(tx, actor, consultationId);
    if (!mayReadConsultationFiles(actor.memberships, factsOf(access))) throw new NotFound();
    const [row] = await tx
      .select({
        title: consultationAttachments.title,
        fileName: files.fileName,
        mediaType: files.mediaType,
        content: files.content,
      })
      .from(consultationAttachments)
      .innerJoin(files, and(eq(files.id, consultationAttachments.fileId), eq(files.bodyId, access.bodyId)))
      .where(
        and(eq(consultationAttachments.id, attachmentId), eq(consultationAttachments.consultationId, consultationId)),
      );
    if (!row) throw new NotFound();
    await recordEvent(tx, {
      bodyId: access.bodyId,
      aggregateType: "consultation",
      aggregateId: consultationId,
      actorUserId: actor.id,
      type: "non_public_read",
      payload: { what: "consultation_attachment", attachmentId, title: row.title },
    });
    return { fileName: row.fileName, mediaType: row.mediaType, content: row.content };
  });
}
