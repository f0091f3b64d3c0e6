// Atom feeds `/feeds/alle.atom` (all published answers) and `/feeds/{body}.atom` (one body's).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/server/core/config.server";
import { atomResponse, loadAnswerFeed } from "~/server/public/feeds/feeds.server";

const FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.atom$/;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match) return atomResponse(request, null);
  const name = match[1]!;
  const scope = name === "alle" ? ({ kind: "all" } as const) : ({ kind: "body", bodySlug: name } as const);
  return atomResponse(request, await loadAnswerFeed(scope, requestOrigin(request)));
}
