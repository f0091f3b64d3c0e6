import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportResponse, formatOf } from "~/server/public/exports/response.server";
import { toolCatalogueExport } from "~/server/public/exports/tool-exports.server";
import { oparlOrigin } from "~/server/public/oparl/urls.server";

// /werkzeuge.csv and /werkzeuge.json (registered twice in app/routes.ts).
export async function loader({ request }: LoaderFunctionArgs) {
  const file = await toolCatalogueExport({ format: formatOf(request), origin: oparlOrigin(request) });
  return exportResponse(request, file);
}
