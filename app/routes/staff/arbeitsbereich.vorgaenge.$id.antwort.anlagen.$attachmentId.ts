/** Staff download of an answer's attachment (any version): only for who may see the answer, else 404. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/server/accounts/auth.server";
import { loadStaffAttachment } from "~/server/answers/answer-attachments.server";
import { fileDownloadResponse } from "~/server/core/download.server";
import { NotFound } from "~/server/core/transitions.server";

const Params = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response(null, { status: 404 });
  try {
    const file = await loadStaffAttachment(user, parsed.data.id, parsed.data.attachmentId);
    return fileDownloadResponse(file, { cache: "private" });
  } catch (error) {
    if (error instanceof NotFound) throw new Response(null, { status: 404 });
    throw error;
  }
}
