// OpenSearch description (`/opensearch.xml`), so that browsers can add Quaestio's search as a search engine.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicResponse } from "~/server/core/http-cache.server";
import { openSearchDescription } from "~/server/public/site-files.server";

export function loader({ request }: LoaderFunctionArgs) {
  return publicResponse(request, openSearchDescription(request), {
    contentType: "application/opensearchdescription+xml; charset=utf-8",
    cacheControl: "public, max-age=3600",
  });
}
