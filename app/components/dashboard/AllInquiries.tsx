import { Link } from "@remix-run/react";
import { sectionListHref } from "~/domain/dashboard";
import { inquiryStatusLabel } from "~/domain/labels";
import { dashboardText } from "~/domain/texts/dashboard";
import type { BodyDashboard } from "~/server/workspace/dashboards.server";
import { DeadlineText, ReferenceText, TitleLink } from "./InquiryCells";

const c = dashboardText.columns;

/** The compact list of every inquiry the user may see in the body, newest changes first, bounded. */
export function AllInquiries({ idPrefix, body }: { idPrefix: string; body: BodyDashboard }) {
  const headingId = `${idPrefix}-all`;
  return (
    <section aria-labelledby={headingId} className="dashboard-section">
      <h3 id={headingId}>
        {dashboardText.allInquiries}{" "}
        <span className="muted">({dashboardText.count(body.inquiriesTotal, body.inquiriesCapped)})</span>
      </h3>
      {body.inquiries.length === 0 ? (
        <p>{dashboardText.allInquiriesEmpty}</p>
      ) : (
        <div className="table-wrapper">
          <table>
            <caption>{dashboardText.allInquiriesCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.reference}</th>
                <th scope="col">{c.title}</th>
                <th scope="col">{c.status}</th>
                <th scope="col">{c.visibility}</th>
                <th scope="col">{c.due}</th>
              </tr>
            </thead>
            <tbody>
              {body.inquiries.map((i) => (
                <tr key={i.id}>
                  <td>
                    <ReferenceText inquiry={i} />
                  </td>
                  <td>
                    <TitleLink inquiry={i} />
                  </td>
                  <td>{inquiryStatusLabel(i.status)}</td>
                  <td>
                    {i.visibility === "public" ? dashboardText.visibilityPublic : dashboardText.visibilityInternal}
                  </td>
                  <td>
                    <DeadlineText deadline={i.deadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {body.inquiries.length < body.inquiriesTotal ? (
        <p className="muted">
          {dashboardText.truncated(body.inquiries.length, body.inquiriesTotal, body.inquiriesCapped)}{" "}
          <Link to={sectionListHref(body.bodySlug, "all")}>{dashboardText.fullList(dashboardText.allInquiries)}</Link>
        </p>
      ) : null}
    </section>
  );
}
