/** The HTTP response of an OParl answer: JSON, readable from any origin (OParl clients run in browsers too). */
import type { OparlResponse } from "./oparl.server";

export function oparlJsonResponse(result: OparlResponse): Response {
  return new Response(JSON.stringify(result.body), {
    status: result.status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": result.status === 200 ? "public, max-age=60" : "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
