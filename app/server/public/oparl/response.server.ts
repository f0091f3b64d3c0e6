/**
 * The HTTP response of an OParl answer: JSON, readable from any origin (OParl clients run in browsers too), with
 * an ETag and 304 for a client that already has the object (core/http-cache.server).
 */
import { publicResponse } from "../../core/http-cache.server";
import type { OparlResponse } from "./oparl.server";

export function oparlJsonResponse(request: Request, result: OparlResponse): Response {
  return publicResponse(request, JSON.stringify(result.body), {
    contentType: "application/json; charset=utf-8",
    status: result.status,
    headers: { "Access-Control-Allow-Origin": "*" },
  });
}
