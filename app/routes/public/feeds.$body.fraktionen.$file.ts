// Atom feed `/feeds/{body}/fraktionen/{faction-id}.atom`: published answers to one faction's inquiries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/server/core/config.server";
import { atomResponse, loadAnswerFeed } from "~/server/public/feeds/feeds.server";

const BODY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE = /^([0-9a-f-]{36})\.atom$/i;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match || !BODY.test(params.body ?? "")) return atomResponse(request, null);
  const scope = { kind: "faction", bodySlug: params.body!, factionId: match[1]!.toLowerCase() } as const;
  return atomResponse(request, await loadAnswerFeed(scope, requestOrigin(request)));
}
