import { TextField } from "~/components/text-field";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
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

const ResetForm = z.object({
  password: z.string().max(2000).default(""),
  passwordRepeat: z.string().max(2000).default(""),
});

type ActionResult =
  | { invalid: true; errors?: undefined }
  | { invalid?: undefined; errors: { password?: string; passwordRepeat?: string } };

export async function action({ request, params, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const parsed = ResetForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data<ActionResult>(
      { errors: { password: accountsText.passwordProblems.too_long } },
      { status: 400, headers: HEADERS },
    );
  }
  if (!parsed.data.password) {
    return data<ActionResult>(
      { errors: { password: accountsText.account.newPasswordMissing } },
      { status: 400, headers: HEADERS },
    );
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await completePasswordReset({ token: params.token ?? "", ...parsed.data, clientIp });
  // Post/redirect/get: the spent token's page would answer 410 to the browser that just succeeded.
  if (result.ok) throw redirect("/anmelden?hinweis=passwort-geaendert", { status: 303, headers: HEADERS });
  if (result.reason === "invalid_token")
    return data<ActionResult>({ invalid: true }, { status: 410, headers: HEADERS });
  return data<ActionResult>({ errors: result.errors }, { status: 400, headers: HEADERS });
}

export default function NewPassword() {
  const { email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (!email || result?.invalid) {
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
  const errors = result?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t.title}</h1>
      <p>{t.intro(email)}</p>
      <Form method="post" noValidate>
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <div className="field">
          <label htmlFor="password">{accountsText.account.newPassword}</label>
          <p className="hint" id="password-hint">
            {accountsText.passwordHint}
          </p>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error password-hint" : "password-hint"}
          />
          {errors.password ? (
            <p className="field-error" id="password-error">
              {errors.password}
            </p>
          ) : null}
        </div>
        <TextField
          id="passwordRepeat"
          label={accountsText.account.newPasswordRepeat}
          type="password"
          autoComplete="new-password"
          required
          error={errors.passwordRepeat}
        />
        <button type="submit">{t.submit}</button>
      </Form>
    </div>
  );
}
