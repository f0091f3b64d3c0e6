// Placeholder route so that parallel work can land independently; replaced by its feature in this session.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/server/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response(null, { status: 404, headers: { "Cache-Control": "no-store" } });
}
