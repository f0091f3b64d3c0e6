import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { DeadlineBadge } from "~/domain/dashboard";
import { formatDate, formatReference } from "~/domain/format";
import { inquiryStatusLabel } from "~/domain/labels";
import { dashboardText, deadlinePhrase } from "~/domain/texts/dashboard";
import type { DashboardInquiry } from "~/server/workspace/dashboards.server";

/** Drafts open in the editor, everything else in the staff/faction view of the inquiry. */
export function workspaceHref(inquiry: Pick<DashboardInquiry, "id" | "status">): string {
  return inquiry.status === "draft"
    ? `/arbeitsbereich/entwurf/${inquiry.id}`
    : `/arbeitsbereich/vorgaenge/${inquiry.id}`;
}

export function ReferenceText({ inquiry }: { inquiry: Pick<DashboardInquiry, "typeName" | "reference"> }) {
  return (
    <>
      {inquiry.reference
        ? formatReference(inquiry.typeName, inquiry.reference)
        : dashboardText.draftReference(inquiry.typeName)}
    </>
  );
}

export function TitleLink({ inquiry }: { inquiry: Pick<DashboardInquiry, "id" | "status" | "title"> }) {
  return <Link to={workspaceHref(inquiry)}>{inquiry.title}</Link>;
}

export function StatusText({
  inquiry,
}: {
  inquiry: Pick<DashboardInquiry, "status" | "lifecycle" | "motionDecision">;
}) {
  return <>{inquiryStatusLabel(inquiry.status, { lifecycle: inquiry.lifecycle, decision: inquiry.motionDecision })}</>;
}

/**
 * The due date with the days left; overdue and due-soon items carry a badge whose words say it too, so the
 * state does not rest on colour alone.
 */
export function DeadlineText({ deadline }: { deadline: DeadlineBadge | null }) {
  if (!deadline) return <>{dashboardText.noDueDate}</>;
  const phrase = deadlinePhrase(deadline);
  return (
    <>
      {formatDate(deadline.dueOn)}
      {phrase ? (
        <>
          {" "}
          {deadline.state === "overdue" ? (
            <strong className="badge badge--overdue">{phrase}</strong>
          ) : deadline.state === "due_today" || deadline.state === "due_soon" ? (
            <span className="badge badge--due-soon">{phrase}</span>
          ) : (
            <span className="muted">({phrase})</span>
          )}
        </>
      ) : null}
    </>
  );
}

/** A standard cell of an inquiry row, or a function for a section's own column. */
export type InquiryColumn<T> = "reference" | "title" | "status" | "received" | "due" | ((inquiry: T) => ReactNode);

function cell<T extends DashboardInquiry>(column: InquiryColumn<T>, inquiry: T): ReactNode {
  switch (column) {
    case "reference":
      return <ReferenceText inquiry={inquiry} />;
    case "title":
      return <TitleLink inquiry={inquiry} />;
    case "status":
      return <StatusText inquiry={inquiry} />;
    case "received":
      return inquiry.receivedOn ? formatDate(inquiry.receivedOn) : "–";
    case "due":
      return <DeadlineText deadline={inquiry.deadline} />;
    default:
      return column(inquiry);
  }
}

/** The rows of a dashboard table: one <tr> per inquiry, one <td> per column, in the order given. */
export function InquiryRows<T extends DashboardInquiry>({
  items,
  columns,
}: {
  items: readonly T[];
  columns: readonly InquiryColumn<T>[];
}) {
  return (
    <>
      {items.map((inquiry) => (
        <tr key={inquiry.id}>
          {columns.map((column, n) => (
            <td key={n}>{cell(column, inquiry)}</td>
          ))}
        </tr>
      ))}
    </>
  );
}
