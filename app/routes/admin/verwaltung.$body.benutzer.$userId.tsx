import { OrganizationSelect } from "~/components/admin/organization-select";
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
import { mayAdministerBodySlug } from "~/domain/policy";
import { adminText as t } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t.userTitle(data.user.displayName) : "Konto"} – Quaestio` },
];

const NO_STORE = { "Cache-Control": "no-store" };
const Params = z.object({
  body: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    .max(80),
  userId: z.string().uuid(),
});

/** Body and user from the URL, if the user administers that body; 404 otherwise (the server checks again). */
function parseParams(
  params: LoaderFunctionArgs["params"],
  user: { memberships: Parameters<typeof mayAdministerBodySlug>[0] },
) {
  const parsed = Params.safeParse(params);
  if (!parsed.success || !mayAdministerBodySlug(user.memberships, parsed.data.body)) throw notFoundResponse();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { body, userId } = parseParams(params, user);
  return data(await orNotFound(loadUserAdministration(user, body, userId)), { headers: NO_STORE });
}

// One intent per form; only the fields of that intent are read (mass assignment is ignored).
const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("grant"), organizationId: z.string().max(40), role: z.string().max(40) }),
  z.object({ intent: z.literal("revoke"), membershipId: z.string().uuid() }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("reset_mfa") }),
]);

type ActionResult = {
  done?: string;
  errors: { organizationId?: string; role?: string; form?: string };
  values?: { organizationId: string; role: string };
};

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const { body, userId } = parseParams(params, user);
  const form = await request.formData();
  const input = Intent.safeParse({
    intent: form.get("intent"),
    organizationId: String(form.get("organizationId") ?? ""),
    role: String(form.get("role") ?? ""),
    membershipId: String(form.get("membershipId") ?? ""),
  });
  // Authorisation before anything is said about the input.
  await orNotFound(loadUserAdministration(user, body, userId));
  if (!input.success) throw new Response("Ungültige Eingabe", { status: 400 });
  const values =
    input.data.intent === "grant" ? { organizationId: input.data.organizationId, role: input.data.role } : undefined;
  try {
    let done: string;
    switch (input.data.intent) {
      case "grant":
        await orNotFound(grantRole(user, body, userId, input.data));
        done = "role_granted";
        break;
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
    return data<ActionResult>({ done: t.done[done], errors: {} }, { headers: NO_STORE });
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    const message = t[error.reason] as string;
    const field = error.field === "organizationId" || error.field === "role" ? error.field : "form";
    return data<ActionResult>({ errors: { [field]: message }, values }, { status: 400, headers: NO_STORE });
  }
}

export default function UserAdministration() {
  const { body, user, memberships, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? { organizationId: "", role: "" };
  const invalid = (field: "organizationId" | "role") =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {};
  const allRoles = [...new Set(organizations.flatMap((o) => o.assignableRoles))];
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
      {errors.form ? (
        <p className="notice notice--error" role="alert">
          {errors.form}
        </p>
      ) : null}

      <section aria-labelledby="memberships-heading">
        <h2 id="memberships-heading">{t.membershipsHeading}</h2>
        {memberships.length === 0 ? (
          <p>{t.noMemberships}</p>
        ) : (
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
        )}
      </section>

      <section aria-labelledby="grant-heading">
        <h2 id="grant-heading">{t.addRoleHeading}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <OrganizationSelect
            label={t.organization}
            organizations={organizations}
            defaultValue={values.organizationId}
            error={errors.organizationId}
          />
          <div className="field">
            <label htmlFor="role">{t.role}</label>
            <select id="role" name="role" required defaultValue={values.role} {...invalid("role")}>
              <option value="">–</option>
              {allRoles.map((r) => (
                <option key={r} value={r}>
                  {roleLabels[r] ?? r}
                </option>
              ))}
            </select>
            {errors.role ? (
              <p className="field-error" id="role-error">
                {errors.role}
              </p>
            ) : null}
          </div>
          <button type="submit">{t.addRoleSubmit}</button>
        </Form>
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
