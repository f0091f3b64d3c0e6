import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { fieldErrorsOf } from "~/utils/form-reply";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
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

// Conform turns an empty field into undefined: an absent field is the empty string here, and the rules that
// differ between a new and an existing account are checked below.
const AcceptForm = z.object({
  displayName: z.string().trim().max(120, t.displayNameTooLong).default(""),
  password: z.string().max(1000, t.passwordTooLong).default(""),
  passwordConfirm: z.string().max(1000).default(""),
});

/** Conform's reply; the passwords are never sent back to the page. `invalid`: the link is spent or unknown. */
type ActionResult = { invalid: true; result?: undefined } | { invalid?: undefined; result: SubmissionResult<string[]> };
const HIDDEN = { hideFields: ["password", "passwordConfirm"] };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const token = params.token ?? "";
  const invitation = await loadInvitation(token);
  if (!invitation) return data<ActionResult>({ invalid: true }, { status: 404, headers: HEADERS });
  const posted = await request.formData();
  const form = new FormData();
  for (const name of ["displayName", "password", "passwordConfirm"]) {
    const v = posted.get(name);
    if (typeof v === "string") form.set(name, name === "displayName" ? v.slice(0, 500) : v);
  }
  const submission = parseWithZod(form, { schema: AcceptForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply(HIDDEN) }, { status: 400, headers: HEADERS });
  }
  const refuse = (fieldErrors: Record<string, string | undefined>, status = 400, extra: Record<string, string> = {}) =>
    data<ActionResult>(
      { result: submission.reply({ ...HIDDEN, fieldErrors: fieldErrorsOf(fieldErrors) }) },
      { status, headers: { ...HEADERS, ...extra } },
    );
  const input = submission.value;
  if (!invitation.existingAccount) {
    const errors = {
      displayName: input.displayName.length === 0 ? t.displayNameMissing : undefined,
      passwordConfirm: input.password !== input.passwordConfirm ? t.passwordMismatch : undefined,
    };
    if (errors.displayName || errors.passwordConfirm) return refuse(errors);
  }
  const result = await acceptInvitation(token, { displayName: input.displayName, password: input.password });
  // Post/redirect/get: the spent token's page would answer 404 to the browser that just succeeded.
  if (result.ok) throw redirect("/anmelden?hinweis=einladung-angenommen", { status: 303, headers: HEADERS });
  switch (result.reason) {
    case "invalid":
      return data<ActionResult>({ invalid: true }, { status: 404, headers: HEADERS });
    case "password":
      return refuse({ password: passwordProblemMessage(result.problem) });
    case "rate_limited":
      return refuse({ password: t.rateLimited(result.retryAfterSeconds) }, 429, {
        "Retry-After": String(result.retryAfterSeconds),
      });
    case "wrong_password":
      return refuse({ password: t.passwordWrong });
  }
}

export default function Invitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  if (!invitation || last?.invalid) {
    return (
      <div className="narrow">
        <h1>{t.invalidTitle}</h1>
        <p>{t.invalid}</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1 id="invitation-heading">{t.title}</h1>
      <p>{t.intro(invitation.bodyName, invitation.organizationName, roleLabels[invitation.role] ?? invitation.role)}</p>
      {invitation.existingAccount ? (
        <ConformForm id="einladung" lastResult={last?.result} labelledBy="invitation-heading">
          <p>{t.existingAccountIntro(invitation.email)}</p>
          <TextInput
            name="password"
            label={t.currentPassword}
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit">{t.submit}</button>
        </ConformForm>
      ) : (
        <ConformForm id="einladung" lastResult={last?.result} labelledBy="invitation-heading">
          <p>{t.newAccountIntro}</p>
          <input type="hidden" name="username" value={invitation.email} autoComplete="username" />
          <TextInput
            name="displayName"
            label={t.displayName}
            type="text"
            autoComplete="name"
            required
            maxLength={120}
          />
          <TextInput
            name="password"
            label={t.password}
            hint={t.passwordHint}
            type="password"
            autoComplete="new-password"
            required
          />
          <TextInput
            name="passwordConfirm"
            label={t.passwordConfirm}
            type="password"
            autoComplete="new-password"
            required
          />
          <button type="submit">{t.submit}</button>
        </ConformForm>
      )}
    </div>
  );
}
