// OpenSearch description (`/opensearch.xml`), so that browsers can add Quaestio's search as a search engine.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { openSearchDescription } from "~/server/public/site-files.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(openSearchDescription(request), {
    headers: {
      "Content-Type": "application/opensearchdescription+xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
