import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { DashboardSection as SectionKey } from "~/domain/dashboard";
import { dashboardText } from "~/domain/texts/dashboard";
import { useSectionTexts } from "./section-texts";

/** One dashboard section: heading with its count, a note when the list is cut, the empty-state sentence. */
export function DashboardSection({
  idPrefix,
  section,
  total,
  shown,
  capped = false,
  listHref,
  children,
}: {
  idPrefix: string;
  section: SectionKey;
  total: number;
  shown: number;
  /** The count stopped at its cap: there are at least `total`. */
  capped?: boolean;
  /** The section's full, paged list, linked when the section is cut. */
  listHref?: string;
  children: ReactNode;
}) {
  const sectionText = useSectionTexts();
  const text = sectionText[section];
  const headingId = `${idPrefix}-${section}`;
  return (
    <section aria-labelledby={headingId} className="dashboard-section">
      <h3 id={headingId}>
        {text.heading} <span className="muted">({dashboardText.count(total, capped)})</span>
      </h3>
      {total === 0 ? <p>{text.empty}</p> : children}
      {shown < total ? (
        <p className="muted">
          {dashboardText.truncated(shown, total, capped)}{" "}
          {listHref ? <Link to={listHref}>{dashboardText.fullList(text.heading)}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}

/** A captioned table in the page's scrollable wrapper. */
export function DashboardTable({ caption, head, children }: { caption: string; head: string[]; children: ReactNode }) {
  return (
    <div className="table-wrapper">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
