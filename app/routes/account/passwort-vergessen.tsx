import { TextField } from "~/components/text-field";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { accountsText } from "~/domain/texts/accounts";
import { requestPasswordReset } from "~/server/accounts/accounts.server";
import { assertSameOrigin } from "~/server/accounts/auth.server";

const t = accountsText.forgot;

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

const ForgotForm = z.object({
  email: z.string().trim().min(1, t.emailMissing).max(254, t.emailInvalid).email(t.emailInvalid),
  // Honeypot: hidden from people, filled in by form-spamming bots.
  website: z.string().max(2000).optional(),
});

type ActionResult = { email: string; sent: boolean; errors: { email?: string; form?: string } };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 254) : "";
  const parsed = ForgotForm.safeParse(form);
  if (!parsed.success) {
    return data<ActionResult>(
      { email, sent: false, errors: { email: parsed.error.flatten().fieldErrors.email?.[0] ?? t.emailInvalid } },
      { status: 400 },
    );
  }
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";
  const result = await requestPasswordReset({ email: parsed.data.email, clientIp, honeypot: parsed.data.website });
  if (!result.ok) {
    return data<ActionResult>(
      { email, sent: false, errors: { form: t.rateLimited(result.retryAfterSeconds) } },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data<ActionResult>({ email: "", sent: true, errors: {} });
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <div className="narrow">
      <h1>{t.title}</h1>
      {result?.sent ? (
        <p className="notice" role="status">
          {t.sent}
        </p>
      ) : (
        <p>{t.intro}</p>
      )}
      {errors.form ? (
        <p className="form-error" role="alert" id="form-error">
          {errors.form}
        </p>
      ) : null}
      <Form method="post" noValidate aria-describedby={errors.form ? "form-error" : undefined}>
        <TextField
          id="email"
          label={t.email}
          type="email"
          autoComplete="username"
          required
          defaultValue={result?.email ?? ""}
          error={errors.email}
        />
        <div className="visually-hidden" aria-hidden="true">
          <label htmlFor="website">{t.honeypot}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit">{t.submit}</button>
      </Form>
      <p>
        <Link to="/anmelden">{t.backToSignIn}</Link>
      </p>
    </div>
  );
}
