import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { assertSameOrigin, signOut } from "~/server/accounts/auth.server";

export async function loader() {
  // Signing out changes state, so it is a POST only; a GET just goes home.
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const cookie = await signOut(request);
  throw redirect("/", { headers: { "Set-Cookie": cookie } });
}
