/**
 * The organisation and role choice of the invitation and the "add role" forms (fields `organizationId` and
 * `role`), inside a <ConformForm>: only organisations in which roles can be granted, and the roles of those.
 */
import { Select } from "~/components/form/fields";
import { organizationKindLabels } from "~/domain/texts/admin";
import { roleLabels } from "~/domain/texts/auth";

export interface SelectableOrganization {
  id: string;
  name: string;
  kind: string;
  assignableRoles: readonly string[];
}

export function RoleFields({
  organizations,
  organizationLabel,
  roleLabel,
}: {
  organizations: readonly SelectableOrganization[];
  organizationLabel: string;
  roleLabel: string;
}) {
  const grantable = organizations.filter((o) => o.assignableRoles.length > 0);
  const roles = [...new Set(grantable.flatMap((o) => o.assignableRoles))];
  return (
    <>
      <Select name="organizationId" label={organizationLabel} required defaultValue="">
        <option value="">–</option>
        {grantable.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name} ({organizationKindLabels[o.kind] ?? o.kind})
          </option>
        ))}
      </Select>
      <Select name="role" label={roleLabel} required defaultValue="">
        <option value="">–</option>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r] ?? r}
          </option>
        ))}
      </Select>
    </>
  );
}
