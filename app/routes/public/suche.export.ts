import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseSearchParams } from "~/domain/search-params";
import { searchTexts as t } from "~/domain/texts/search";
import { exportResponse, formatOf } from "~/server/public/exports/response.server";
import { searchExport } from "~/server/public/exports/list-exports.server";
import { oparlOrigin } from "~/server/public/oparl/urls.server";
import { takeSearchToken } from "~/server/public/search/search.server";

// /suche.csv and /suche.json (registered twice in app/routes.ts): all hits of the search the page shows; the same
// rate limit as the page. Bad parts of the address are dropped as on the page (never an error).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { query, filters, sort } = parseSearchParams(new URL(request.url).searchParams);
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  if (query !== "") {
    const token = await takeSearchToken(clientIp);
    if (!token.allowed) {
      return new Response(t.hints.rateLimited(token.retryAfterSeconds), {
        status: 429,
        headers: {
          "Retry-After": String(token.retryAfterSeconds),
          "Cache-Control": "no-store",
          "Content-Type": "text/plain; charset=utf-8",
        },
      });
    }
  }
  const file = await searchExport({ query, filters, sort, format: formatOf(request), origin: oparlOrigin(request) });
  return exportResponse(request, file);
}
