import type { ReactNode } from "react";

/**
 * The top of a page: its one `<h1>`, an optional line above it (e.g. the body's name or a
 * reference number) and an optional lead paragraph.
 */
export function PageHeader({
  title,
  kicker,
  lead,
  children,
}: {
  title: ReactNode;
  kicker?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="page-header">
      {kicker ? <p className="page-header__kicker">{kicker}</p> : null}
      <h1>{title}</h1>
      {lead ? <p className="page-header__lead">{lead}</p> : null}
      {children}
    </div>
  );
}
