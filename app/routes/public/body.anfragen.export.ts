import type { LoaderFunctionArgs } from "@remix-run/node";
import { bodySlugSchema, pageSchema } from "~/domain/public-params";
import { exportResponse, formatOf } from "~/server/public/exports/response.server";
import { inquiryListExport } from "~/server/public/exports/list-exports.server";
import { oparlOrigin } from "~/server/public/oparl/urls.server";

// /{body}/anfragen.csv and /{body}/anfragen.json (registered twice in app/routes.ts): same paging rules as the page.
export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = bodySlugSchema.safeParse(params.body);
  const seite = new URL(request.url).searchParams.get("seite");
  const page = seite === null ? { success: true as const, data: null } : pageSchema.safeParse(seite);
  if (!slug.success || !page.success) throw new Response(null, { status: 404 });
  const file = await inquiryListExport({
    bodySlug: slug.data,
    page: page.data,
    format: formatOf(request),
    origin: oparlOrigin(request),
  });
  if (!file) throw new Response(null, { status: 404 });
  return exportResponse(request, file);
}
