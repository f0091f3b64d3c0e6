/**
 * Attachments (Anlagen) of an answer's working version: upload (type decided by the bytes), remove, mark
 * (non-)public, and the staff download. Files live in the database (`files.content`, ADR 0017). Attachments are
 * part of the signed content: every change here recomputes the version's hash and invalidates signatures like
 * an edit does (ADR 0011); a published version's attachments never change (database trigger as well).
 */
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { answerAttachments, answerVersions, files } from "../../../db/schema";
import {
  ATTACHMENT_TITLE_MAX,
  checkFileName,
  sniffMediaType,
  type AttachmentMediaType,
} from "../../domain/attachments";
import type { InquiryEventName } from "../../domain/events";
import { attachmentText as t } from "../../domain/texts/attachments";
import { config } from "../core/config.server";
import { getDb, type Db, type Tx } from "../core/db.server";
import { FieldInputError } from "../core/errors.server";
import { recordEvent } from "../core/events.server";
import { NotFound, StaleVersionError } from "../core/transitions.server";
import { loadAnswerSubject, mayEdit, type AnswerSubject, type AnswerUser } from "./answer-access.server";
import { commitContentChange, latestVersion } from "./answer-content.server";

export class AttachmentValidationError extends FieldInputError {
  constructor(fieldErrors: Record<string, string>) {
    super(fieldErrors, "attachment refused");
  }
}

/** Refused as a whole (not the lead department, version locked), with the German reason. */
export class AttachmentRefused extends Error {}

export interface AttachmentView {
  id: string;
  position: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  public: boolean;
}

export interface AttachmentPage {
  inquiry: { id: string; title: string };
  answerVersion: number;
  attachments: AttachmentView[];
  /** May add, remove and change attachments of the working version. */
  edit: boolean;
  maxBytes: number;
}

export function attachmentMaxBytes(): number {
  return config().attachmentMaxBytes;
}

async function listAttachments(db: Db | Tx, versionId: string): Promise<AttachmentView[]> {
  return db
    .select({
      id: answerAttachments.id,
      position: answerAttachments.position,
      title: answerAttachments.title,
      fileName: files.fileName,
      mediaType: files.mediaType,
      size: files.size,
      public: answerAttachments.public,
    })
    .from(answerAttachments)
    .innerJoin(files, eq(files.id, answerAttachments.fileId))
    .where(eq(answerAttachments.versionId, versionId))
    .orderBy(asc(answerAttachments.position));
}

/** May the user change the attachments of the working version now? */
function mayChange(subject: AnswerSubject, version: { publishedAt: Date | null }): boolean {
  return mayEdit(subject) && version.publishedAt === null;
}

export async function loadAttachmentPage(user: AnswerUser, inquiryId: string): Promise<AttachmentPage> {
  const db = await getDb();
  const subject = await loadAnswerSubject(db, user, inquiryId);
  const version = await latestVersion(db, subject.answer.id);
  return {
    inquiry: { id: subject.inquiry.id, title: subject.inquiry.title },
    answerVersion: subject.answer.version,
    attachments: await listAttachments(db, version.id),
    edit: mayChange(subject, version),
    maxBytes: attachmentMaxBytes(),
  };
}

/** The attachments of the version shown on the answer page (for its list). */
export async function attachmentsOfWorkingVersion(db: Db | Tx, answerId: string): Promise<AttachmentView[]> {
  const version = await latestVersion(db, answerId);
  return listAttachments(db, version.id);
}

/** After a change of the attachments: they are signed content, as the text is (commitContentChange). */
async function commitAttachmentChange(
  tx: Tx,
  user: AnswerUser,
  subject: AnswerSubject,
  versionId: string,
  event: { type: InquiryEventName; payload: Record<string, unknown> },
): Promise<{ version: number; signaturesLapsed: boolean }> {
  const { answer } = subject;
  return commitContentChange(tx, user, answer, versionId, { flagged: answer.signOffFlagged, changes: {}, event });
}

/** Locks the answer, checks the form's version and the right to change the working version's attachments. */
async function lockForChange(tx: Tx, user: AnswerUser, inquiryId: string, expectedVersion: number) {
  const subject = await loadAnswerSubject(tx, user, inquiryId, { lock: true });
  const version = await latestVersion(tx, subject.answer.id);
  if (!mayChange(subject, version)) throw new AttachmentRefused(subject.isLeadStaff ? t.locked : t.readOnly);
  if (subject.answer.version !== expectedVersion) throw new StaleVersionError();
  return { subject, version };
}

export interface AddAttachmentInput {
  inquiryId: string;
  expectedVersion: number;
  title: string;
  nonPublic: boolean;
  /** Null when the form had no file. */
  file: { name: string; bytes: Uint8Array } | null;
}

/** Checks everything that can be checked without the database; field errors in German. */
export function validateAttachment(
  input: Pick<AddAttachmentInput, "title" | "file">,
  maxBytes: number,
): { title: string; fileName: string; mediaType: AttachmentMediaType } {
  const errors: Record<string, string> = {};
  const title = input.title.trim();
  if (title === "") errors.title = t.titleMissing;
  else if ([...title].length > ATTACHMENT_TITLE_MAX) errors.title = t.titleTooLong;
  let fileName = "";
  let mediaType: AttachmentMediaType | null = null;
  const file = input.file;
  if (!file || (file.name === "" && file.bytes.length === 0)) errors.file = t.fileMissing;
  else {
    const name = checkFileName(file.name);
    if (!name.ok)
      errors.file = { empty: t.fileNameEmpty, path: t.fileNamePath, too_long: t.fileNameTooLong }[name.reason];
    else if (file.bytes.length === 0) errors.file = t.fileEmpty;
    else if (file.bytes.length > maxBytes) errors.file = t.fileTooLarge(maxBytes);
    else {
      fileName = name.name;
      mediaType = sniffMediaType(file.bytes, fileName);
      if (!mediaType) errors.file = t.fileType;
    }
  }
  if (Object.keys(errors).length > 0 || !mediaType) throw new AttachmentValidationError(errors);
  return { title, fileName, mediaType };
}

export async function addAttachment(
  user: AnswerUser,
  input: AddAttachmentInput,
): Promise<{ version: number; attachmentId: string; signaturesLapsed: boolean }> {
  const checked = validateAttachment(input, attachmentMaxBytes());
  const bytes = input.file!.bytes;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { subject, version } = await lockForChange(tx, user, input.inquiryId, input.expectedVersion);
    const [file] = await tx
      .insert(files)
      .values({
        bodyId: subject.inquiry.bodyId,
        fileName: checked.fileName,
        mediaType: checked.mediaType,
        size: bytes.length,
        sha256: sha256Bytes(bytes),
        content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        uploadedByUserId: user.id,
      })
      .returning({ id: files.id });
    const [{ next }] = (await tx
      .select({ next: sql<number>`coalesce(max(${answerAttachments.position}), 0) + 1` })
      .from(answerAttachments)
      .where(eq(answerAttachments.versionId, version.id))) as [{ next: number }];
    const [row] = await tx
      .insert(answerAttachments)
      .values({
        versionId: version.id,
        position: Number(next),
        title: checked.title,
        fileId: file!.id,
        public: !input.nonPublic,
      })
      .returning({ id: answerAttachments.id });
    const result = await commitAttachmentChange(tx, user, subject, version.id, {
      type: "attachment_added",
      payload: { title: checked.title, fileName: checked.fileName, public: !input.nonPublic },
    });
    return { ...result, attachmentId: row!.id };
  });
}

async function attachmentOfVersion(tx: Tx, versionId: string, attachmentId: string) {
  const [row] = await tx
    .select()
    .from(answerAttachments)
    .where(and(eq(answerAttachments.id, attachmentId), eq(answerAttachments.versionId, versionId)));
  if (!row) throw new NotFound();
  return row;
}

export async function removeAttachment(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; attachmentId: string },
): Promise<{ version: number; signaturesLapsed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { subject, version } = await lockForChange(tx, user, input.inquiryId, input.expectedVersion);
    const row = await attachmentOfVersion(tx, version.id, input.attachmentId);
    await tx.delete(answerAttachments).where(eq(answerAttachments.id, row.id));
    // The file stays when an earlier (published) version still refers to it.
    if (row.fileId) {
      const [used] = await tx
        .select({ id: answerAttachments.id })
        .from(answerAttachments)
        .where(eq(answerAttachments.fileId, row.fileId))
        .limit(1);
      if (!used) await tx.delete(files).where(eq(files.id, row.fileId));
    }
    return commitAttachmentChange(tx, user, subject, version.id, {
      type: "attachment_removed",
      payload: { title: row.title },
    });
  });
}

export async function setAttachmentPublic(
  user: AnswerUser,
  input: { inquiryId: string; expectedVersion: number; attachmentId: string; public: boolean },
): Promise<{ version: number; signaturesLapsed: boolean }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { subject, version } = await lockForChange(tx, user, input.inquiryId, input.expectedVersion);
    const row = await attachmentOfVersion(tx, version.id, input.attachmentId);
    await tx.update(answerAttachments).set({ public: input.public }).where(eq(answerAttachments.id, row.id));
    return commitAttachmentChange(tx, user, subject, version.id, {
      type: "attachment_visibility_changed",
      payload: { title: row.title, public: input.public },
    });
  });
}

export interface AttachmentDownload {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

/**
 * Staff download of an attachment of any version of the answer (who may see the administration's work on the
 * inquiry). A non-public attachment's read is written to the audit log.
 */
export async function loadStaffAttachment(
  user: AnswerUser,
  inquiryId: string,
  attachmentId: string,
): Promise<AttachmentDownload> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const subject = await loadAnswerSubject(tx, user, inquiryId);
    const [row] = await tx
      .select({
        public: answerAttachments.public,
        title: answerAttachments.title,
        fileName: files.fileName,
        mediaType: files.mediaType,
        content: files.content,
      })
      .from(answerAttachments)
      .innerJoin(answerVersions, eq(answerVersions.id, answerAttachments.versionId))
      .innerJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, subject.inquiry.bodyId)))
      .where(and(eq(answerAttachments.id, attachmentId), eq(answerVersions.answerId, subject.answer.id)));
    if (!row) throw new NotFound();
    if (!row.public) {
      await recordEvent(tx, {
        bodyId: subject.inquiry.bodyId,
        aggregateType: "answer",
        aggregateId: subject.answer.id,
        actorUserId: user.id,
        type: "non_public_read",
        payload: { what: "attachment", attachmentId, title: row.title },
      });
    }
    return { fileName: row.fileName, mediaType: row.mediaType, content: row.content };
  });
}

function sha256Bytes(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
