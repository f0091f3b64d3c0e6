/** Public download of a public attachment of a published answer; everything else is 404. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/server/core/db.server";
import { fileDownloadResponse } from "~/server/core/download.server";
import { loadPublicAttachment } from "~/server/public/attachments.server";

const Params = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(100),
  ref: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
    .max(100),
  attachmentId: z.string().uuid(),
});

export async function loader({ params }: LoaderFunctionArgs) {
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response(null, { status: 404 });
  const file = await loadPublicAttachment(await getDb(), {
    bodySlug: parsed.data.body,
    publicRef: parsed.data.ref,
    attachmentId: parsed.data.attachmentId,
  });
  if (!file) throw new Response(null, { status: 404 });
  return fileDownloadResponse(file, { cache: "public" });
}
