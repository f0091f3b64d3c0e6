// `/.well-known/security.txt` (RFC 9116): where to report security problems.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicResponse } from "~/server/core/http-cache.server";
import { securityTxt } from "~/server/public/site-files.server";

export function loader({ request }: LoaderFunctionArgs) {
  return publicResponse(request, securityTxt(request), {
    contentType: "text/plain; charset=utf-8",
    cacheControl: "public, max-age=3600",
  });
}
