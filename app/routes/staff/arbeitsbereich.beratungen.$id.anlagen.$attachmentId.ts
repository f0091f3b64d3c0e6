/** Download of a consultation's file: only for the council office, the lead department and the consulted office; else 404. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/server/accounts/auth.server";
import { loadConsultationAttachment } from "~/server/consultations/attachments.server";
import { NotFound } from "~/server/consultations/commands.server";
import { fileDownloadResponse } from "~/server/core/download.server";

const Params = z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response(null, { status: 404 });
  try {
    const file = await loadConsultationAttachment(user, parsed.data.id, parsed.data.attachmentId);
    return fileDownloadResponse(file, { cache: "private" });
  } catch (error) {
    if (error instanceof NotFound) throw new Response(null, { status: 404 });
    throw error;
  }
}
