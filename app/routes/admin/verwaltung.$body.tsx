import { parseWithZod } from "@conform-to/zod";
import type { SubmissionResult } from "@conform-to/react";
import { RoleFields } from "~/components/admin/role-fields";
import { ConformForm } from "~/components/form/conform-form";
import { TextInput } from "~/components/form/fields";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AdminRefusal, loadBodyAdministration } from "~/server/admin/admin.server";
import { orNotFound } from "~/server/core/errors.server";
import { administeredBodySlug } from "~/server/admin/route-access.server";
import { inviteUser } from "~/server/accounts/invitations.server";
import { assertSameOrigin, requireUser } from "~/server/accounts/auth.server";
import { adminText as t, organizationKindLabels } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? t.overviewTitle(data.body.name) : "Verwaltung"} – Quaestio` },
];

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const overview = await orNotFound(loadBodyAdministration(user, administeredBodySlug(params.body, user)));
  return data(overview, { headers: NO_STORE });
}

// Only these fields are read; bodyId, status or anything else a form might carry is ignored. Conform turns an
// empty field into undefined: `message` covers the missing field as well.
const InviteForm = z.object({
  email: z
    .string({ message: t.emailInvalid })
    .trim()
    .toLowerCase()
    .min(1, t.emailInvalid)
    .max(254, t.emailInvalid)
    .email(t.emailInvalid),
  organizationId: z
    .string({ message: t.chooseOrganization })
    .min(1, t.chooseOrganization)
    .max(40, t.chooseOrganization),
  role: z.string({ message: t.chooseRole }).min(1, t.chooseRole).max(40, t.chooseRole),
});

/** Conform's reply (the user's input kept on refusal); `invited`: the address an invitation went to. */
type InviteResult = { result: SubmissionResult<string[]>; invited?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const user = await requireUser(request);
  const slug = administeredBodySlug(params.body, user);
  const posted = await request.formData();
  const form = new FormData();
  for (const [name, max] of [
    ["email", 254],
    ["organizationId", 40],
    ["role", 40],
  ] as const) {
    const v = posted.get(name);
    if (typeof v === "string") form.set(name, v.slice(0, max));
  }
  const submission = parseWithZod(form, { schema: InviteForm });
  if (submission.status !== "success") {
    return data<InviteResult>({ result: submission.reply() }, { status: 400, headers: NO_STORE });
  }
  try {
    const outcome = await orNotFound(inviteUser(user, slug, submission.value));
    if ("rateLimited" in outcome) {
      return data<InviteResult>(
        { result: submission.reply({ formErrors: [t.rateLimited(outcome.rateLimited)] }) },
        { status: 429, headers: { ...NO_STORE, "Retry-After": String(outcome.rateLimited) } },
      );
    }
    return data<InviteResult>(
      { result: submission.reply({ resetForm: true }), invited: submission.value.email },
      { headers: NO_STORE },
    );
  } catch (error) {
    if (!(error instanceof AdminRefusal)) throw error;
    const message = t[error.reason] as string;
    return data<InviteResult>(
      {
        result: error.field
          ? submission.reply({ fieldErrors: { [error.field]: [message] } })
          : submission.reply({ formErrors: [message] }),
      },
      { status: 400, headers: NO_STORE },
    );
  }
}

export default function BodyAdministration() {
  const { body, organizations, users, invitations } = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  return (
    <>
      <h1>{t.overviewTitle(body.name)}</h1>
      <p>
        <Link to={`/verwaltung/${body.slug}/protokoll`}>{t.auditLink}</Link>
      </p>
      {last?.invited ? (
        <p className="notice" role="status">
          {t.invited(last.invited)}
        </p>
      ) : null}

      <section aria-labelledby="users-heading">
        <h2 id="users-heading">{t.usersHeading}</h2>
        <div className="table-wrapper" role="region" aria-labelledby="users-heading" tabIndex={0}>
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
        </div>
      </section>

      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t.inviteHeading}</h2>
        <p>{t.inviteIntro}</p>
        <ConformForm
          key={last?.invited ?? "invite"}
          id="einladen"
          lastResult={last?.result}
          labelledBy="invite-heading"
        >
          <TextInput name="email" label={t.email} type="email" autoComplete="off" required />
          <RoleFields organizations={organizations} organizationLabel={t.organization} roleLabel={t.role} />
          <button type="submit">{t.inviteSubmit}</button>
        </ConformForm>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t.invitationsHeading}</h2>
        {invitations.length === 0 ? (
          <p>{t.noInvitations}</p>
        ) : (
          <div className="table-wrapper" role="region" aria-labelledby="invitations-heading" tabIndex={0}>
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
          </div>
        )}
      </section>

      <section aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t.organizationsHeading}</h2>
        <div className="table-wrapper" role="region" aria-labelledby="orgs-heading" tabIndex={0}>
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
        </div>
      </section>
    </>
  );
}
