import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConformForm } from "~/components/form/conform-form";
import { fieldErrorsOf } from "~/utils/form-reply";
import { TextInput } from "~/components/form/fields";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { accountsText } from "~/domain/texts/accounts";
import { completePasswordReset, findResetToken } from "~/server/accounts/accounts.server";
import { assertSameOrigin } from "~/server/accounts/auth.server";

const t = accountsText.reset;

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

// The token is in the URL: keep the page out of caches. (The site-wide strict-origin-when-cross-origin
// Referrer-Policy already keeps the path out of the Referer sent to other sites.)
const HEADERS = { "Cache-Control": "no-store" };

export async function loader({ params }: LoaderFunctionArgs) {
  const account = await findResetToken(params.token ?? "");
  return data({ email: account?.email ?? null }, { status: account ? 200 : 410, headers: HEADERS });
}

// Conform turns an empty field into undefined; the password rules themselves are checked by the server command.
const ResetForm = z.object({
  password: z
    .string({ message: accountsText.account.newPasswordMissing })
    .max(2000, accountsText.passwordProblems.too_long),
  passwordRepeat: z.string().max(2000, accountsText.passwordProblems.too_long).default(""),
});

/** Conform's reply; the passwords are never sent back to the page. */
type ActionResult = { invalid: true; result?: undefined } | { invalid?: undefined; result: SubmissionResult<string[]> };
const HIDDEN = { hideFields: ["password", "passwordRepeat"] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const submission = parseWithZod(await request.formData(), { schema: ResetForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply(HIDDEN) }, { status: 400, headers: HEADERS });
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await completePasswordReset({ token: params.token ?? "", ...submission.value, clientIp });
  // Post/redirect/get: the spent token's page would answer 410 to the browser that just succeeded.
  if (result.ok) throw redirect("/anmelden?hinweis=passwort-geaendert", { status: 303, headers: HEADERS });
  if (result.reason === "invalid_token")
    return data<ActionResult>({ invalid: true }, { status: 410, headers: HEADERS });
  return data<ActionResult>(
    { result: submission.reply({ ...HIDDEN, fieldErrors: fieldErrorsOf(result.errors) }) },
    { status: 400, headers: HEADERS },
  );
}

export default function NewPassword() {
  const { email } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();

  if (!email || last?.invalid) {
    return (
      <div className="narrow">
        <h1>{t.invalidTitle}</h1>
        <p>{t.invalid}</p>
        <p>
          <Link to="/passwort-vergessen">{t.requestNew}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1 id="reset-heading">{t.title}</h1>
      <p>{t.intro(email)}</p>
      <ConformForm id="passwort-neu" lastResult={last?.result} labelledBy="reset-heading">
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <TextInput
          name="password"
          label={accountsText.account.newPassword}
          hint={accountsText.passwordHint}
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
        />
        <TextInput
          name="passwordRepeat"
          label={accountsText.account.newPasswordRepeat}
          type="password"
          autoComplete="new-password"
          required
        />
        <button type="submit">{t.submit}</button>
      </ConformForm>
    </div>
  );
}
