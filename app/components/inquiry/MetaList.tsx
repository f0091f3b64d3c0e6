import { Fragment, type ReactNode } from "react";

export interface MetaItem {
  term: string;
  value: ReactNode;
}

/** Facts about a document as a definition list; empty entries (null, false, "") are left out. */
export function MetaList({ items, className }: { items: (MetaItem | null | false | undefined)[]; className?: string }) {
  const shown = items.filter(
    (item): item is MetaItem => Boolean(item) && item !== null && isPresent((item as MetaItem).value),
  );
  if (shown.length === 0) return null;
  return (
    <dl className={className ? `meta ${className}` : "meta"}>
      {shown.map((item) => (
        <Fragment key={item.term}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

function isPresent(value: ReactNode): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}
