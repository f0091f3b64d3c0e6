import type { LoaderFunctionArgs } from "@remix-run/node";
import { bodySlugSchema, publicRefSchema } from "~/domain/public-params";
import { exportResponse, formatOf } from "~/server/public/exports/response.server";
import { inventoryExport } from "~/server/public/exports/tool-exports.server";
import { oparlOrigin } from "~/server/public/oparl/urls.server";

// /{body}/anfragen/{ref}/werkzeuge.csv and .json (registered twice in app/routes.ts).
export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = bodySlugSchema.safeParse(params.body);
  const ref = publicRefSchema.safeParse(params.ref);
  if (!slug.success || !ref.success) throw new Response(null, { status: 404 });
  const file = await inventoryExport({
    bodySlug: slug.data,
    publicRef: ref.data,
    format: formatOf(request),
    origin: oparlOrigin(request),
  });
  if (!file) throw new Response(null, { status: 404 });
  return exportResponse(request, file);
}
