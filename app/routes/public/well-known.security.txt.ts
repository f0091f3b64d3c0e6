// `/.well-known/security.txt` (RFC 9116): where to report security problems.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { securityTxt } from "~/server/public/site-files.server";

export function loader({ request }: LoaderFunctionArgs) {
  return new Response(securityTxt(request), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
