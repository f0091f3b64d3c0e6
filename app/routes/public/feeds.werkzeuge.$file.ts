// Atom feed `/feeds/werkzeuge/{slug}.atom`: published answers whose tool inventory names the tool.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/server/core/config.server";
import { atomResponse, loadAnswerFeed } from "~/server/public/feeds/feeds.server";

const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.atom$/;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match) return atomResponse(request, null);
  return atomResponse(request, await loadAnswerFeed({ kind: "tool", toolSlug: match[1]! }, requestOrigin(request)));
}
