import { organizationKindLabels } from "~/domain/texts/admin";
import { FieldError } from "../field-error";

export interface SelectableOrganization {
  id: string;
  name: string;
  kind: string;
  assignableRoles: readonly string[];
}

/** Choice of an organisation of the body in which roles can be granted (field name `organizationId`). */
export function OrganizationSelect({
  label,
  organizations,
  defaultValue,
  error,
}: {
  label: string;
  organizations: readonly SelectableOrganization[];
  defaultValue: string;
  error?: string;
}) {
  return (
    <div className="field">
      <label htmlFor="organizationId">{label}</label>
      <select
        id="organizationId"
        name="organizationId"
        required
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "organizationId-error" : undefined}
      >
        <option value="">–</option>
        {organizations
          .filter((o) => o.assignableRoles.length > 0)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({organizationKindLabels[o.kind] ?? o.kind})
            </option>
          ))}
      </select>
      <FieldError id="organizationId-error" message={error} />
    </div>
  );
}
