// Atom feed `/feeds/{body}/anfragen/{ref}.atom`: the public timeline of one inquiry.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/server/core/config.server";
import { atomResponse, loadInquiryFeed } from "~/server/public/feeds/feeds.server";

const BODY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const FILE = /^([A-Za-z0-9][A-Za-z0-9._-]{0,99})\.atom$/;

export async function loader({ params, request }: LoaderFunctionArgs) {
  const match = FILE.exec(params.file ?? "");
  if (!match || !BODY.test(params.body ?? "")) return atomResponse(request, null);
  const feed = await loadInquiryFeed({ bodySlug: params.body!, publicRef: match[1]! }, requestOrigin(request));
  return atomResponse(request, feed);
}
