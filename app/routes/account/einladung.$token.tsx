import { FieldError } from "~/components/field-error";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { acceptInvitation, loadInvitation } from "~/server/accounts/invitations.server";
import { assertSameOrigin } from "~/server/accounts/auth.server";
import { passwordProblemMessage } from "~/domain/password-policy";
import { invitationText as t } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export const meta: MetaFunction = () => [
  { title: `${t.title} – Quaestio` },
  { name: "referrer", content: "no-referrer" },
];

// The token is a secret in the URL: never cache the page, never send it on as a Referer.
const HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await loadInvitation(params.token ?? "");
  if (!invitation) return data({ invitation: null }, { status: 404, headers: HEADERS });
  return data({ invitation }, { headers: HEADERS });
}

const AcceptForm = z.object({
  displayName: z.string().trim().max(120, t.displayNameTooLong),
  password: z.string().max(1000, t.passwordTooLong),
  passwordConfirm: z.string().max(1000),
});

type ActionResult = {
  displayName: string;
  errors: { displayName?: string; password?: string; passwordConfirm?: string; form?: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const invitation = await loadInvitation(token);
  if (!invitation)
    return data<ActionResult>({ displayName: "", errors: { form: t.invalid } }, { status: 404, headers: HEADERS });
  const form = await request.formData();
  const raw = {
    displayName: String(form.get("displayName") ?? "").slice(0, 500),
    password: String(form.get("password") ?? ""),
    passwordConfirm: String(form.get("passwordConfirm") ?? ""),
  };
  const parsed = AcceptForm.safeParse(raw);
  const displayName = raw.displayName.slice(0, 120);
  if (!parsed.success) {
    const e = parsed.error.flatten().fieldErrors;
    return data<ActionResult>(
      { displayName, errors: { displayName: e.displayName?.[0], password: e.password?.[0] } },
      { status: 400, headers: HEADERS },
    );
  }
  if (!invitation.existingAccount) {
    const errors: ActionResult["errors"] = {};
    if (parsed.data.displayName.length === 0) errors.displayName = t.displayNameMissing;
    if (parsed.data.password !== parsed.data.passwordConfirm) errors.passwordConfirm = t.passwordMismatch;
    if (errors.displayName || errors.passwordConfirm)
      return data<ActionResult>({ displayName, errors }, { status: 400, headers: HEADERS });
  }
  const result = await acceptInvitation(token, {
    displayName: parsed.data.displayName,
    password: parsed.data.password,
  });
  // Post/redirect/get: the spent token's page would answer 404 to the browser that just succeeded.
  if (result.ok) throw redirect("/anmelden?hinweis=einladung-angenommen", { status: 303, headers: HEADERS });
  switch (result.reason) {
    case "invalid":
      return data<ActionResult>({ displayName: "", errors: { form: t.invalid } }, { status: 404, headers: HEADERS });
    case "password":
      return data<ActionResult>(
        { displayName, errors: { password: passwordProblemMessage(result.problem) } },
        { status: 400, headers: HEADERS },
      );
    case "rate_limited":
      return data<ActionResult>(
        { displayName, errors: { password: t.rateLimited(result.retryAfterSeconds) } },
        { status: 429, headers: { ...HEADERS, "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "wrong_password":
      return data<ActionResult>(
        { displayName, errors: { password: t.passwordWrong } },
        { status: 400, headers: HEADERS },
      );
  }
}

export default function Invitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!invitation || result?.errors.form) {
    return (
      <div className="narrow">
        <h1>{t.invalidTitle}</h1>
        <p>{t.invalid}</p>
      </div>
    );
  }
  const errors = result?.errors ?? {};
  const invalid = (field: "displayName" | "password" | "passwordConfirm", hint?: string) => ({
    "aria-invalid": errors[field] ? (true as const) : undefined,
    "aria-describedby": [errors[field] ? `${field}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined,
  });
  return (
    <div className="narrow">
      <h1>{t.title}</h1>
      <p>{t.intro(invitation.bodyName, invitation.organizationName, roleLabels[invitation.role] ?? invitation.role)}</p>
      {invitation.existingAccount ? (
        <Form method="post" noValidate>
          <p>{t.existingAccountIntro(invitation.email)}</p>
          <div className="field">
            <label htmlFor="password">{t.currentPassword}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              {...invalid("password")}
            />
            <FieldError id="password-error" message={errors.password} />
          </div>
          <button type="submit">{t.submit}</button>
        </Form>
      ) : (
        <Form method="post" noValidate>
          <p>{t.newAccountIntro}</p>
          <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
          <div className="field">
            <label htmlFor="displayName">{t.displayName}</label>
            <input
              id="displayName"
              name="displayName"
              type="text"
              autoComplete="name"
              required
              maxLength={120}
              defaultValue={result?.displayName ?? ""}
              {...invalid("displayName")}
            />
            <FieldError id="displayName-error" message={errors.displayName} />
          </div>
          <div className="field">
            <label htmlFor="password">{t.password}</label>
            <p className="field-hint" id="password-hint">
              {t.passwordHint}
            </p>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              {...invalid("password", "password-hint")}
            />
            <FieldError id="password-error" message={errors.password} />
          </div>
          <div className="field">
            <label htmlFor="passwordConfirm">{t.passwordConfirm}</label>
            <input
              id="passwordConfirm"
              name="passwordConfirm"
              type="password"
              autoComplete="new-password"
              required
              {...invalid("passwordConfirm")}
            />
            <FieldError id="passwordConfirm-error" message={errors.passwordConfirm} />
          </div>
          <button type="submit">{t.submit}</button>
        </Form>
      )}
    </div>
  );
}
