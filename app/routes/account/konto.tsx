import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { fieldErrorsOf } from "~/utils/form-reply";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { mergeLoaderAndActionHeaders } from "~/utils/headers";
import { formatSessionTime } from "~/domain/device";
import { accountsText as t } from "~/domain/texts/accounts";
import { notificationText } from "~/domain/texts/notifications";
import {
  changePassword,
  listOwnSessions,
  revokeOwnSession,
  signOutEverywhere,
} from "~/server/accounts/accounts.server";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";

export const meta: MetaFunction = () => [{ title: `${t.account.title} – Quaestio` }];

/** Document responses take their headers from here: the loader's and the action's (Retry-After, no-store). */
export const headers = mergeLoaderAndActionHeaders;

const NO_STORE = { "Cache-Control": "no-store" };

const DONE_MESSAGES = { passwort: t.account.passwordChanged, sitzung: t.account.revokedOne } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await listOwnSessions(user);
  const done = new URL(request.url).searchParams.get("erledigt");
  return data(
    {
      displayName: user.displayName,
      email: user.email,
      notice: done === "passwort" || done === "sitzung" ? DONE_MESSAGES[done] : null,
      sessions: sessions.map((s) => ({
        id: s.id,
        device: s.device,
        ipAddress: s.ipAddress,
        createdAt: formatSessionTime(s.createdAt),
        lastActiveAt: formatSessionTime(s.lastActiveAt),
        current: s.current,
      })),
    },
    { headers: NO_STORE },
  );
}

const SessionIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), sessionId: z.string().min(1).max(64) }),
  z.object({ intent: z.literal("revoke-all") }),
]);

// Conform turns an empty field into undefined: `message` covers the missing field as well.
const PasswordForm = z.object({
  currentPassword: z.string({ message: t.account.currentPasswordMissing }).max(1000, t.passwordProblems.too_long),
  newPassword: z.string({ message: t.account.newPasswordMissing }).max(2000, t.passwordProblems.too_long),
  newPasswordRepeat: z.string().max(2000, t.passwordProblems.too_long).default(""),
});

/** Conform's reply of the password form; the passwords are never sent back to the page. */
type ActionResult = { result: SubmissionResult<string[]> };
const HIDDEN = { hideFields: ["currentPassword", "newPassword", "newPasswordRepeat"] };

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const form = await request.formData();
  const clientIp = typeof context?.clientIp === "string" ? context.clientIp : "unbekannt";

  if (form.get("intent") !== "change-password") {
    const parsed = SessionIntent.safeParse(Object.fromEntries(form));
    if (!parsed.success) throw new Response(null, { status: 400, headers: NO_STORE });
    if (parsed.data.intent === "revoke") {
      const { setCookie } = await revokeOwnSession(request, user, parsed.data.sessionId);
      if (setCookie) throw redirect("/anmelden", { headers: { "Set-Cookie": setCookie } });
      throw redirect("/konto?erledigt=sitzung");
    }
    throw redirect("/anmelden", { headers: { "Set-Cookie": await signOutEverywhere(request, user) } });
  }

  const submission = parseWithZod(form, { schema: PasswordForm });
  if (submission.status !== "success") {
    return data<ActionResult>({ result: submission.reply(HIDDEN) }, { status: 400, headers: NO_STORE });
  }
  const result = await changePassword(request, user, { ...submission.value, clientIp });
  if (result.ok) throw redirect("/konto?erledigt=passwort", { headers: { "Set-Cookie": result.setCookie } });
  const headers: Record<string, string> = { ...NO_STORE };
  if (result.retryAfterSeconds) headers["Retry-After"] = String(result.retryAfterSeconds);
  const { form: formError, ...fieldErrors } = result.errors;
  return data<ActionResult>(
    {
      result: submission.reply({
        ...HIDDEN,
        formErrors: formError ? [formError] : undefined,
        fieldErrors: fieldErrorsOf(fieldErrors),
      }),
    },
    { status: result.status, headers },
  );
}

export default function Account() {
  const { displayName, email, notice, sessions } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();

  return (
    <>
      <h1>{t.account.title}</h1>
      <p>{t.account.signedInAs(displayName, email)}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        <Link to="/konto/zweiter-faktor">{t.account.secondFactorLink}</Link>
      </p>
      <p>
        <Link to="/konto/benachrichtigungen">{notificationText.preferences.accountLink}</Link>
      </p>

      <section aria-labelledby="sitzungen">
        <h2 id="sitzungen">{t.account.sessionsHeading}</h2>
        <p>{t.account.sessionsIntro}</p>
        <div className="table-wrapper">
          <table>
            <caption className="visually-hidden">{t.account.sessionsHeading}</caption>
            <thead>
              <tr>
                <th scope="col">{t.sessions.columnDevice}</th>
                <th scope="col">{t.sessions.columnIp}</th>
                <th scope="col">{t.sessions.columnCreated}</th>
                <th scope="col">{t.sessions.columnLastActive}</th>
                <th scope="col">{t.sessions.columnAction}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} data-session={s.current ? "current" : "other"}>
                  <th scope="row">
                    {s.device}
                    {s.current ? <strong> ({t.sessions.current})</strong> : null}
                  </th>
                  <td>{s.ipAddress ?? t.sessions.unknownIp}</td>
                  <td>{s.createdAt}</td>
                  <td>{s.lastActiveAt}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" aria-label={t.sessions.revokeLabel(s.device, s.createdAt)}>
                        {t.sessions.revoke}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value="revoke-all" />
          <p id="revoke-all-hint">{t.account.signOutEverywhereHint}</p>
          <button type="submit" aria-describedby="revoke-all-hint">
            {t.account.signOutEverywhere}
          </button>
        </Form>
      </section>

      <section aria-labelledby="passwort">
        <h2 id="passwort">{t.account.passwordHeading}</h2>
        <div className="narrow">
          <ConformForm id="passwort-aendern" lastResult={last?.result} labelledBy="passwort">
            <input type="hidden" name="intent" value="change-password" />
            {/* Lets password managers attach the new password to the right account. */}
            <input type="hidden" name="username" autoComplete="username" value={email} />
            <TextInput
              name="currentPassword"
              label={t.account.currentPassword}
              type="password"
              autoComplete="current-password"
              required
            />
            <TextInput
              name="newPassword"
              label={t.account.newPassword}
              hint={t.passwordHint}
              type="password"
              autoComplete="new-password"
              minLength={10}
              required
            />
            <TextInput
              name="newPasswordRepeat"
              label={t.account.newPasswordRepeat}
              type="password"
              autoComplete="new-password"
              required
            />
            <button type="submit">{t.account.changePassword}</button>
          </ConformForm>
        </div>
      </section>
    </>
  );
}
