import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { emailAddressField, honeypotField } from "~/utils/form-fields";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { accountsText } from "~/domain/texts/accounts";
import { requestPasswordReset } from "~/server/accounts/accounts.server";
import { assertSameOrigin } from "~/server/accounts/auth.server";

const t = accountsText.forgot;

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

const ForgotForm = z.object({
  email: emailAddressField({ missing: t.emailMissing, invalid: t.emailInvalid }),
  website: honeypotField,
});

type ActionResult = { result: SubmissionResult<string[]>; sent: boolean };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const posted = await request.formData();
  const form = new FormData();
  for (const name of ["email", "website"]) {
    const v = posted.get(name);
    if (typeof v === "string") form.set(name, v.slice(0, name === "email" ? 254 : 2000));
  }
  const submission = parseWithZod(form, { schema: ForgotForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply(), sent: false }, { status: 400 });
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const outcome = await requestPasswordReset({
    email: submission.value.email,
    clientIp,
    honeypot: submission.value.website,
  });
  if (!outcome.ok) {
    return data<ActionResult>(
      { result: submission.reply({ formErrors: [t.rateLimited(outcome.retryAfterSeconds)] }), sent: false },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  // Sent (or not, for an unknown address — the page says the same): the form starts empty again.
  return data<ActionResult>({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const last = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1 id="forgot-heading">{t.title}</h1>
      {last?.sent ? (
        <p className="notice" role="status">
          {t.sent}
        </p>
      ) : (
        <p>{t.intro}</p>
      )}
      <ConformForm id="passwort-vergessen" lastResult={last?.result} labelledBy="forgot-heading">
        <TextInput name="email" label={t.email} type="email" autoComplete="username" required />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="website">{t.honeypot}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit">{t.submit}</button>
      </ConformForm>
      <p>
        <Link to="/anmelden">{t.backToSignIn}</Link>
      </p>
    </div>
  );
}
