import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { RoleFields } from "~/components/admin/role-fields";
import { ConformForm } from "~/components/form/conform-form";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  AdminRefusal,
  deactivateUser,
  grantRole,
  loadUserAdministration,
  notFoundResponse,
  orNotFound,
  reactivateUser,
  resetSecondFactor,
  revokeRole,
} from "~/server/admin/admin.server";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { administeredBodySlug } from "~/server/admin/route-access.server";
import { adminText as t } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t.userTitle(data.user.displayName) : "Konto"} – Quaestio` },
];

const NO_STORE = { "Cache-Control": "no-store" };
const UserId = z.string().uuid();

/** Body and user from the URL, if the user administers that body; 404 otherwise (the server checks again). */
function parseParams(params: LoaderFunctionArgs["params"], user: Parameters<typeof administeredBodySlug>[1]) {
  const body = administeredBodySlug(params.body, user);
  const userId = UserId.safeParse(params.userId);
  if (!userId.success) throw notFoundResponse();
  return { body, userId: userId.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { body, userId } = parseParams(params, user);
  return data(await orNotFound(loadUserAdministration(user, body, userId)), { headers: NO_STORE });
}

// One intent per form; only the fields of that intent are read (mass assignment is ignored).
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("revoke"), membershipId: z.string().uuid() }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("reset_mfa") }),
]);

// The "add role" form, through Conform: an empty choice is undefined, `message` covers it.
const GrantForm = z.object({
  organizationId: z.string({ message: t.chooseOrganization }).max(40, t.chooseOrganization),
  role: z.string({ message: t.chooseRole }).max(40, t.chooseRole),
});

/** `done`: what happened; `grant`: Conform's reply of the "add role" form; `refused`: why another action was not done. */
type ActionResult = { done?: string; grant?: SubmissionResult<string[]>; refused?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const { body, userId } = parseParams(params, user);
  const form = await request.formData();
  // Authorisation before anything is said about the input.
  await orNotFound(loadUserAdministration(user, body, userId));

  if (form.get("intent") === "grant") {
    const submission = parseWithZod(form, { schema: GrantForm });
    if (submission.status !== "success") {
      return data<ActionResult>({ grant: submission.reply() }, { status: 400, headers: NO_STORE });
    }
    try {
      await orNotFound(grantRole(user, body, userId, submission.value));
      return data<ActionResult>(
        { done: t.done.role_granted, grant: submission.reply({ resetForm: true }) },
        { headers: NO_STORE },
      );
    } catch (error) {
      if (!(error instanceof AdminRefusal)) throw error;
      const message = t[error.reason] as string;
      const grant =
        error.field === "organizationId" || error.field === "role"
          ? submission.reply({ fieldErrors: { [error.field]: [message] } })
          : submission.reply({ formErrors: [message] });
      return data<ActionResult>({ grant }, { status: 400, headers: NO_STORE });
    }
  }

  const input = Intent.safeParse({ intent: form.get("intent"), membershipId: String(form.get("membershipId") ?? "") });
  if (!input.success) throw new Response("Ungültige Eingabe", { status: 400 });
  try {
    let done: string;
    switch (input.data.intent) {
      case "revoke":
        await orNotFound(revokeRole(user, body, userId, input.data.membershipId));
        done = "role_revoked";
        break;
      case "deactivate":
        await orNotFound(deactivateUser(user, body, userId));
        done = "user_deactivated";
        break;
      case "reactivate":
        await orNotFound(reactivateUser(user, body, userId));
        done = "user_reactivated";
        break;
      case "reset_mfa":
        await orNotFound(resetSecondFactor(user, body, userId));
        done = "mfa_reset";
        break;
    }
    return data<ActionResult>({ done: t.done[done] }, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    return data<ActionResult>({ refused: t[error.reason] as string }, { status: 400, headers: NO_STORE });
  }
}

export default function UserAdministration() {
  const { body, user, memberships, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <p>
        <Link to={`/verwaltung/${body.slug}`}>{t.backToOverview}</Link>
      </p>
      <h1>{t.userTitle(user.displayName)}</h1>
      <p>
        {user.email} · {user.active ? t.active : `${t.inactive}${user.deactivatedAt ? ` (${user.deactivatedAt})` : ""}`}{" "}
        · {user.mfa ? t.mfaOn : t.mfaOff}
      </p>
      {result?.done ? (
        <p className="notice" role="status">
          {result.done}
        </p>
      ) : null}
      {result?.refused ? (
        <p className="notice notice--error" role="alert">
          {result.refused}
        </p>
      ) : null}

      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t.membershipsHeading}</h2>
        {memberships.length === 0 ? (
          <p>{t.noMemberships}</p>
        ) : (
          <div className="table-wrapper" role="region" aria-labelledby="memberships-heading" tabIndex={0}>
            <table>
              <caption>{t.membershipsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.role}</th>
                  <th scope="col">{t.organization}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t.removeRole}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {memberships.map((m) => (
                  <tr key={m.id}>
                    <td>{roleLabels[m.role] ?? m.role}</td>
                    <td>{m.organizationName}</td>
                    <td>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="membershipId" value={m.id} />
                        <button
                          type="submit"
                          aria-label={`${t.removeRole}: ${roleLabels[m.role] ?? m.role} (${m.organizationName})`}
                        >
                          {t.removeRole}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="grant-heading">
        <h2 id="grant-heading">{t.addRoleHeading}</h2>
        <ConformForm
          key={result?.done ?? "grant"}
          id="rolle-hinzufuegen"
          lastResult={result?.grant}
          labelledBy="grant-heading"
        >
          <input type="hidden" name="intent" value="grant" />
          <RoleFields organizations={organizations} organizationLabel={t.organization} roleLabel={t.role} />
          <button type="submit">{t.addRoleSubmit}</button>
        </ConformForm>
      </section>

      {user.isSelf || !user.manageable ? (
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">{t.accountHeading}</h2>
          <p>{user.isSelf ? t.notOnSelf : t.otherBodies}</p>
        </section>
      ) : (
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">{t.accountHeading}</h2>
          {user.active ? (
            <Form method="post">
              <input type="hidden" name="intent" value="deactivate" />
              <p className="field-hint" id="deactivate-hint">
                {t.deactivateHint}
              </p>
              <button type="submit" aria-describedby="deactivate-hint">
                {t.deactivate}
              </button>
            </Form>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="reactivate" />
              <button type="submit">{t.reactivate}</button>
            </Form>
          )}
          {user.mfa ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset_mfa" />
              <p className="field-hint" id="reset-mfa-hint">
                {t.resetMfaHint}
              </p>
              <button type="submit" aria-describedby="reset-mfa-hint">
                {t.resetMfa}
              </button>
            </Form>
          ) : null}
        </section>
      )}
    </>
  );
}
