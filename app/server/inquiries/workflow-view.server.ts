/**
 * The workflow part of the staff view of one inquiry: who is responsible, the deadline's history, open
 * extension requests, the Beratungsfolge, visibility, withdrawal and motion decision — and, for the actions
 * the user may take now, the choices their forms offer (departments, meetings and agenda items of the body).
 */
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import {
  agendaItems,
  deadlineExtensions,
  extensionRequests,
  inquiryAgendaItems,
  inquiryContributors,
  meetings,
  organizations,
} from "../../../db/schema";
import type { AgendaPurpose, MotionDecision } from "../../domain/labels";
import type { WorkflowAction, WorkflowLifecycle } from "../../domain/workflow";
import type { Tx } from "../core/db.server";
import { answeringOrganizationChoices } from "./intake.server";
import { loadWorkflowSubject, type WorkflowUser } from "./workflow-context.server";
import { heldDecisionMeetings } from "../motions/motions.server";

export interface WorkflowView {
  lifecycle: WorkflowLifecycle;
  version: number;
  actions: WorkflowAction[];
  leadOrganizationId: string | null;
  contributors: Array<{ id: string; name: string }>;
  visibilityReason: string | null;
  withdrawnOn: string | null;
  withdrawalNote: string | null;
  /** The public note why the question text is not published (null: it is). */
  questionTextHiddenReason: string | null;
  motionDecision: MotionDecision | null;
  motionDecisionNote: string | null;
  extensions: Array<{
    id: string;
    previousDueOn: string;
    newDueOn: string;
    reason: string;
    requestedBy: string | null;
  }>;
  pendingRequests: Array<{ id: string; organizationName: string; requestedDueOn: string; reason: string }>;
  agenda: Array<{
    agendaItemId: string;
    purpose: AgendaPurpose;
    roleLabel: string | null;
    meetingName: string;
    meetingDate: string;
    /** Null when the source does not give the TOP number. */
    itemNumber: string | null;
    itemTitle: string;
    /** A non-public agenda item (nicht öffentlicher Teil) is shown to the administration only. */
    public: boolean;
  }>;
  /** Choices for the forms; empty unless an action needs them. */
  options: {
    answeringOrganizations: Array<{ id: string; name: string }>;
    meetings: Array<{
      id: string;
      label: string;
      date: string;
      items: Array<{ id: string; number: string | null; title: string }>;
    }>;
    /** The council and committees, for a new meeting. */
    meetingOrgans: Array<{ id: string; name: string }>;
    /**
     * A motion's decision meetings: those that have taken place (today counts) are offered for the decision;
     * upcoming ones are only named (domain/lifecycle.ts decisionMeetingHeld).
     */
    decisionMeetings: { held: DecisionMeeting[]; upcoming: DecisionMeeting[] };
  };
}

type DecisionMeeting = { id: string; label: string; date: string };

const NEEDS_ORGANIZATIONS: readonly WorkflowAction[] = ["assign", "change_contributors"];
const NEEDS_MEETINGS: readonly WorkflowAction[] = ["link_agenda", "put_on_agenda"];

/**
 * Call inside the transaction of loadStaffInquiry, after it decided the user may see the inquiry.
 * `administration`: the user may see the administration's non-public work (maySeeAdministrationWork); others
 * (a faction on its own inquiry, staff of other departments on a public one) see only what the public page
 * shows of the workflow — no contributors, open requests, visibility notes or non-public agenda items.
 */
export async function loadWorkflowView(
  tx: Tx,
  user: WorkflowUser,
  inquiryId: string,
  { administration }: { administration: boolean },
): Promise<WorkflowView> {
  const { inquiry, lifecycle, actions } = await loadWorkflowSubject(tx, user, inquiryId);
  const [contributors, extensions, pending, agenda] = await Promise.all([
    administration
      ? tx
          .select({ id: organizations.id, name: organizations.name })
          .from(inquiryContributors)
          .innerJoin(organizations, eq(organizations.id, inquiryContributors.organizationId))
          .where(eq(inquiryContributors.inquiryId, inquiry.id))
          .orderBy(asc(organizations.name))
      : [],
    tx
      .select({
        id: deadlineExtensions.id,
        previousDueOn: deadlineExtensions.previousDueOn,
        newDueOn: deadlineExtensions.newDueOn,
        reason: deadlineExtensions.reason,
        requestedBy: organizations.name,
      })
      .from(deadlineExtensions)
      .leftJoin(organizations, eq(organizations.id, deadlineExtensions.requestedByOrganizationId))
      .where(eq(deadlineExtensions.inquiryId, inquiry.id))
      .orderBy(asc(deadlineExtensions.grantedAt), asc(deadlineExtensions.newDueOn)),
    administration
      ? tx
          .select({
            id: extensionRequests.id,
            organizationName: organizations.name,
            requestedDueOn: extensionRequests.requestedDueOn,
            reason: extensionRequests.reason,
          })
          .from(extensionRequests)
          .innerJoin(organizations, eq(organizations.id, extensionRequests.requestedByOrganizationId))
          .where(and(eq(extensionRequests.inquiryId, inquiry.id), eq(extensionRequests.status, "pending")))
          .orderBy(asc(extensionRequests.createdAt))
      : [],
    tx
      .select({
        agendaItemId: inquiryAgendaItems.agendaItemId,
        purpose: inquiryAgendaItems.purpose,
        roleLabel: inquiryAgendaItems.roleLabel,
        meetingName: meetings.name,
        meetingDate: meetings.date,
        itemNumber: agendaItems.number,
        itemTitle: agendaItems.title,
        public: agendaItems.public,
      })
      .from(inquiryAgendaItems)
      .innerJoin(agendaItems, eq(agendaItems.id, inquiryAgendaItems.agendaItemId))
      .innerJoin(meetings, and(eq(meetings.id, agendaItems.meetingId), eq(meetings.bodyId, inquiry.bodyId)))
      .where(
        and(eq(inquiryAgendaItems.inquiryId, inquiry.id), administration ? undefined : eq(agendaItems.public, true)),
      )
      .orderBy(asc(meetings.date), asc(agendaItems.position)),
  ]);

  const answeringOrganizations = actions.some((a) => NEEDS_ORGANIZATIONS.includes(a))
    ? await answeringOrganizationChoices(tx, inquiry.bodyId)
    : [];
  const meetingOptions: WorkflowView["options"]["meetings"] = [];
  let meetingOrgans: WorkflowView["options"]["meetingOrgans"] = [];
  if (actions.some((a) => NEEDS_MEETINGS.includes(a))) {
    meetingOrgans = await tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(and(eq(organizations.bodyId, inquiry.bodyId), inArray(organizations.kind, ["council", "committee"])))
      .orderBy(asc(organizations.name));
    const meetingRows = await tx
      .select({ id: meetings.id, name: meetings.name, date: meetings.date, organizationName: organizations.name })
      .from(meetings)
      .innerJoin(organizations, eq(organizations.id, meetings.organizationId))
      .where(eq(meetings.bodyId, inquiry.bodyId))
      .orderBy(desc(meetings.date))
      .limit(100);
    const itemRows = meetingRows.length
      ? await tx
          .select({
            id: agendaItems.id,
            meetingId: agendaItems.meetingId,
            number: agendaItems.number,
            title: agendaItems.title,
          })
          .from(agendaItems)
          .where(
            inArray(
              agendaItems.meetingId,
              meetingRows.map((m) => m.id),
            ),
          )
          .orderBy(asc(agendaItems.position))
      : [];
    for (const m of meetingRows) {
      meetingOptions.push({
        id: m.id,
        label: `${m.name} (${m.organizationName})`,
        date: m.date,
        items: itemRows.filter((i) => i.meetingId === m.id).map(({ id, number, title }) => ({ id, number, title })),
      });
    }
  }

  const decisionMeetings = actions.includes("decide")
    ? await heldDecisionMeetings(tx, inquiry.bodyId, inquiry.id)
    : { held: [], upcoming: [] };

  return {
    lifecycle,
    version: inquiry.version,
    // Hidden text can only be shown again, shown text only hidden.
    actions: actions.filter((a) =>
      a === "hide_question_text"
        ? inquiry.questionTextHiddenReason === null
        : a !== "show_question_text" || inquiry.questionTextHiddenReason !== null,
    ),
    leadOrganizationId: inquiry.leadOrganizationId,
    contributors,
    visibilityReason: administration ? inquiry.visibilityReason : null,
    withdrawnOn: inquiry.withdrawnOn,
    withdrawalNote: inquiry.withdrawalNote,
    questionTextHiddenReason: inquiry.questionTextHiddenReason,
    motionDecision: inquiry.motionDecision,
    motionDecisionNote: inquiry.motionDecisionNote,
    extensions,
    pendingRequests: pending,
    agenda: agenda.map((a) => ({ ...a, purpose: a.purpose as AgendaPurpose })),
    options: { answeringOrganizations, meetings: meetingOptions, meetingOrgans, decisionMeetings },
  };
}
