/**
 * The public download of an attachment (Anlage): only a public attachment of a published answer version of a
 * publicly visible inquiry of the body; anything else is not found (a non-public attachment does not exist for
 * the public). One query.
 */
import { and, eq } from "drizzle-orm";
import { answerAttachments, answers, answerVersions, bodies, files, inquiries } from "../../../db/schema/index";
import type { Db } from "../core/db.server";
import { publiclyVisible, publishedVersion } from "./visibility.server";

export interface PublicAttachmentFile {
  fileName: string;
  mediaType: string;
  content: Uint8Array;
}

export async function loadPublicAttachment(
  db: Db,
  params: { bodySlug: string; publicRef: string; attachmentId: string },
): Promise<PublicAttachmentFile | null> {
  const [row] = await db
    .select({ fileName: files.fileName, mediaType: files.mediaType, content: files.content })
    .from(answerAttachments)
    .innerJoin(answerVersions, eq(answerVersions.id, answerAttachments.versionId))
    .innerJoin(answers, eq(answers.id, answerVersions.answerId))
    .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
    .innerJoin(bodies, eq(bodies.id, inquiries.bodyId))
    .innerJoin(files, and(eq(files.id, answerAttachments.fileId), eq(files.bodyId, bodies.id)))
    .where(
      and(
        eq(answerAttachments.id, params.attachmentId),
        eq(answerAttachments.public, true),
        publishedVersion(),
        eq(bodies.slug, params.bodySlug),
        eq(inquiries.publicRef, params.publicRef),
        publiclyVisible(),
      ),
    );
  return row ?? null;
}
