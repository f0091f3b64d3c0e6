// OParl 1.1 System object (`/oparl/v1`): a resource route answering JSON.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleOparlRequest } from "~/server/public/oparl/oparl.server";
import { oparlJsonResponse } from "~/server/public/oparl/response.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return oparlJsonResponse(request, await handleOparlRequest(request, []));
}
