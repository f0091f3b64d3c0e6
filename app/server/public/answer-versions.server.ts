/**
 * Comparing two published versions of an answer (a correction): the public text of each, word by word.
 * Withheld content is compared by its public justification, never by the withheld text.
 */
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import {
  answerPartQuestions,
  answerParts,
  answers,
  answerVersions,
  inquiries,
  questions,
  withholdings,
} from "../../../db/schema/index";
import { wordDiff, type DiffSegment } from "../../domain/word-diff";
import { getDb, type Db } from "../core/db.server";
import type { PublicBody } from "./bodies.server";

export interface VersionComparison {
  from: number;
  to: number;
  segments: DiffSegment[];
}

/**
 * The public text of one published version as a comparison reads it: the preamble, then each part with the
 * questions it answers, and in place of withheld content its public justification — never the withheld text.
 */
async function publishedVersionText(db: Db, answerId: string, versionNumber: number): Promise<string | null> {
  const [version] = await db
    .select({ id: answerVersions.id, preambleText: answerVersions.preambleText })
    .from(answerVersions)
    .where(
      and(
        eq(answerVersions.answerId, answerId),
        eq(answerVersions.versionNumber, versionNumber),
        isNotNull(answerVersions.publishedAt),
      ),
    );
  if (!version) return null;
  const [parts, links, held] = await Promise.all([
    db
      .select({ id: answerParts.id, bodyText: answerParts.bodyText, jointNote: answerParts.jointNote })
      .from(answerParts)
      .where(eq(answerParts.versionId, version.id))
      .orderBy(asc(answerParts.position)),
    db
      .select({ partId: answerPartQuestions.partId, number: questions.number, position: questions.position })
      .from(answerPartQuestions)
      .innerJoin(answerParts, eq(answerParts.id, answerPartQuestions.partId))
      .innerJoin(questions, eq(questions.id, answerPartQuestions.questionId))
      .where(eq(answerParts.versionId, version.id)),
    // Never select withheldText: it is the non-public record.
    db
      .select({ partId: withholdings.partId, publicJustification: withholdings.publicJustification })
      .from(withholdings)
      // A withheld passage's notice is already in the part's public text, in its place.
      .where(and(eq(withholdings.versionId, version.id), isNull(withholdings.passageKey))),
  ]);
  const blocks: string[] = [];
  if (version.preambleText) blocks.push(version.preambleText);
  for (const w of held.filter((h) => h.partId === null)) blocks.push(`[Zurückgehalten: ${w.publicJustification}]`);
  for (const part of parts) {
    const numbers = links
      .filter((l) => l.partId === part.id)
      .sort((a, b) => a.position - b.position)
      .map((l) => l.number);
    if (numbers.length)
      blocks.push(numbers.length === 1 ? `Zu Frage ${numbers[0]}:` : `Zu den Fragen ${numbers.join(", ")}:`);
    if (part.jointNote) blocks.push(part.jointNote);
    if (part.bodyText) blocks.push(part.bodyText);
    for (const w of held.filter((h) => h.partId === part.id)) blocks.push(`[Zurückgehalten: ${w.publicJustification}]`);
  }
  return blocks.join("\n\n");
}

/**
 * Word-level differences between two published versions of an inquiry's answer. Call only for an inquiry the
 * public may see (after loadPublicInquiry succeeded for it); null when either version is not published.
 */
export async function comparePublishedVersions(
  params: { body: PublicBody; publicRef: string; from: number; to: number },
  database?: Db,
): Promise<VersionComparison | null> {
  const { body, publicRef, from, to } = params;
  const db = database ?? (await getDb());
  const [answer] = await db
    .select({ id: answers.id })
    .from(answers)
    .innerJoin(inquiries, eq(inquiries.id, answers.inquiryId))
    .where(and(eq(inquiries.bodyId, body.id), eq(answers.bodyId, body.id), eq(inquiries.publicRef, publicRef)));
  if (!answer) return null;
  const [before, after] = await Promise.all([
    publishedVersionText(db, answer.id, from),
    publishedVersionText(db, answer.id, to),
  ]);
  if (before === null || after === null) return null;
  return { from, to, segments: wordDiff(before, after) };
}
