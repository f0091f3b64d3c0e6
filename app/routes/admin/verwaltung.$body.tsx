import { OrganizationSelect } from "~/components/admin/organization-select";
import { FieldError } from "~/components/field-error";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminRefusal, loadBodyAdministration } from "~/server/admin/admin.server";
import { notFoundResponse, orNotFound } from "~/server/core/errors.server";
import { inviteUser } from "~/server/accounts/invitations.server";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { mayAdministerBodySlug } from "~/domain/policy";
import { adminText as t, organizationKindLabels } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t.overviewTitle(data.body.name) : "Verwaltung"} – Quaestio` },
];

const NO_STORE = { "Cache-Control": "no-store" };
const BodyParam = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);

/** The body slug from the URL, if the user administers that body; 404 otherwise (the server checks again). */
function administeredBody(
  params: LoaderFunctionArgs["params"],
  user: { memberships: Parameters<typeof mayAdministerBodySlug>[0] },
): string {
  const parsed = BodyParam.safeParse(params.body);
  if (!parsed.success || !mayAdministerBodySlug(user.memberships, parsed.data)) throw notFoundResponse();
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const overview = await orNotFound(loadBodyAdministration(user, administeredBody(params, user)));
  return data(overview, { headers: NO_STORE });
}

// Only these fields are read; bodyId, status or anything else a form might carry is ignored.
const InviteForm = z.object({
  email: z.string().trim().toLowerCase().min(1, t.emailInvalid).max(254, t.emailInvalid).email(t.emailInvalid),
  organizationId: z.string().min(1, t.chooseOrganization).max(40, t.chooseOrganization),
  role: z.string().min(1, t.chooseRole).max(40, t.chooseRole),
});

type InviteResult = {
  values: { email: string; organizationId: string; role: string };
  errors: { email?: string; organizationId?: string; role?: string; form?: string };
  invited?: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const slug = administeredBody(params, user);
  const form = await request.formData();
  const raw = {
    email: String(form.get("email") ?? "").slice(0, 254),
    organizationId: String(form.get("organizationId") ?? "").slice(0, 40),
    role: String(form.get("role") ?? "").slice(0, 40),
  };
  const parsed = InviteForm.safeParse(raw);
  if (!parsed.success) {
    const e = parsed.error.flatten().fieldErrors;
    return data<InviteResult>(
      { values: raw, errors: { email: e.email?.[0], organizationId: e.organizationId?.[0], role: e.role?.[0] } },
      { status: 400, headers: NO_STORE },
    );
  }
  try {
    const result = await orNotFound(inviteUser(user, slug, parsed.data));
    if ("rateLimited" in result) {
      return data<InviteResult>(
        { values: raw, errors: { form: t.rateLimited(result.rateLimited) } },
        { status: 429, headers: { ...NO_STORE, "Retry-After": String(result.rateLimited) } },
      );
    }
    return data<InviteResult>(
      { values: { email: "", organizationId: "", role: "" }, errors: {}, invited: parsed.data.email },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    const message = t[error.reason] as string;
    return data<InviteResult>(
      { values: raw, errors: { [error.field ?? "form"]: message } },
      { status: 400, headers: NO_STORE },
    );
  }
}

export default function BodyAdministration() {
  const { body, organizations, users, invitations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  const values = result?.values ?? { email: "", organizationId: "", role: "" };
  const invalid = (field: keyof typeof errors) =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {};
  const allRoles = [...new Set(organizations.flatMap((o) => o.assignableRoles))];
  return (
    <>
      <h1>{t.overviewTitle(body.name)}</h1>
      <p>
        <Link to={`/verwaltung/${body.slug}/protokoll`}>{t.auditLink}</Link>
      </p>
      {result?.invited ? (
        <p className="notice" role="status">
          {t.invited(result.invited)}
        </p>
      ) : null}

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t.usersHeading}</h2>
        <table>
          <caption>{t.usersCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.roles}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/verwaltung/${body.slug}/benutzer/${u.id}`}>{u.displayName}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => `${roleLabels[r.role] ?? r.role} (${r.organizationName})`).join(", ")}</td>
                <td>
                  {u.active ? t.active : t.inactive}, {u.mfa ? t.mfaOn : t.mfaOff}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t.inviteHeading}</h2>
        <p>{t.inviteIntro}</p>
        {errors.form ? (
          <p className="form-error notice notice--error" role="alert" id="form-error">
            {errors.form}
          </p>
        ) : null}
        <Form
          key={result?.invited ?? "invite"}
          method="post"
          noValidate
          aria-describedby={errors.form ? "form-error" : undefined}
        >
          <div className="field">
            <label htmlFor="email">{t.email}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="off"
              required
              defaultValue={values.email}
              {...invalid("email")}
            />
            <FieldError id="email-error" message={errors.email} />
          </div>
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
            <FieldError id="role-error" message={errors.role} />
          </div>
          <button type="submit">{t.inviteSubmit}</button>
        </Form>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t.invitationsHeading}</h2>
        {invitations.length === 0 ? (
          <p>{t.noInvitations}</p>
        ) : (
          <table>
            <caption>{t.invitationsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.roles}</th>
                <th scope="col">{t.invitedAt}</th>
                <th scope="col">{t.expiresAt}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td>{i.email}</td>
                  <td>
                    {roleLabels[i.role] ?? i.role} ({i.organizationName})
                  </td>
                  <td>{i.createdAt}</td>
                  <td>{i.expiresAt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t.organizationsHeading}</h2>
        <table>
          <caption>{t.organizationsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.organization}</th>
              <th scope="col">{t.kind}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>
                  {organizationKindLabels[o.kind] ?? o.kind}
                  {o.external ? ` (${t.external})` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
