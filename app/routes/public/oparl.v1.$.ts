// The OParl 1.1 read API below `/oparl/v1/` (bodies, lists, objects): a resource route answering JSON.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleOparlRequest } from "~/server/public/oparl/oparl.server";
import { oparlJsonResponse } from "~/server/public/oparl/response.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const segments = (params["*"] ?? "").split("/").filter((segment) => segment !== "");
  return oparlJsonResponse(request, await handleOparlRequest(request, segments));
}
