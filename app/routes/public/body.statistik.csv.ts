import type { LoaderFunctionArgs } from "@remix-run/node";
import { bodySlugSchema } from "~/domain/public-params";
import { exportResponse } from "~/server/public/exports/response.server";
import { statisticsExport } from "~/server/public/exports/statistics-export.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const slug = bodySlugSchema.safeParse(params.body);
  if (!slug.success) throw new Response(null, { status: 404 });
  const file = await statisticsExport(slug.data);
  if (!file) throw new Response(null, { status: 404 });
  return exportResponse(request, file);
}
