/**
 * POST only: the originating faction starts a follow-up question (Nachfrage) from a published answer and is
 * taken to the new draft. Anything else is 404 (or 405 for a GET of this action-only URL).
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { startFollowUp } from "~/server/answers/answer-follow-up.server";
import { DraftRefused } from "~/server/inquiries/drafts.server";
import { NotFound } from "~/server/core/transitions.server";

const NO_STORE = { "Cache-Control": "no-store" };
const Params = z.object({ id: z.string().uuid() });

export async function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST", ...NO_STORE } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const parsed = Params.safeParse(params);
  if (!parsed.success) throw new Response(null, { status: 404, headers: NO_STORE });
  try {
    const draftId = await startFollowUp(user, parsed.data.id);
    return redirect(`/arbeitsbereich/entwurf/${draftId}`, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof NotFound) throw new Response(null, { status: 404, headers: NO_STORE });
    if (error instanceof DraftRefused) throw new Response(error.message, { status: 403, headers: NO_STORE });
    throw error;
  }
}
