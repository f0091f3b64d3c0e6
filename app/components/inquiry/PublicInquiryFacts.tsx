/** The facts of a public inquiry (status, dates, deadline, meetings) and a motion's decision, for its public page. */
import { publicInquiryText as pt } from "~/domain/texts/public-inquiry";
import { dueNote } from "~/domain/texts/deadlines";
import { DateText } from "~/components/inquiry/DateText";
import { MetaList } from "~/components/inquiry/MetaList";
import { bodyKindCouncilGenitive, inquiryStatusExplanations, motionDecisionLabels } from "~/domain/labels";
import type { PublicInquiryDetail } from "~/server/public/inquiries.server";
import { typeWords } from "~/domain/texts/type-words";

export function InquiryFacts({ data, statusLabel }: { data: PublicInquiryDetail; statusLabel: string }) {
  const { inquiry } = data;
  const late = data.deadlineMissed;
  return (
    <MetaList
      className="inquiry__facts"
      items={[
        { term: pt.body, value: data.body.name },
        { term: pt.type, value: inquiry.typeName },
        {
          term: pt.originators,
          value: inquiry.originators.length ? (
            inquiry.originators.length === 1 ? (
              inquiry.originators[0]
            ) : (
              <ul className="plain-list">
                {inquiry.originators.map((originator) => (
                  <li key={originator}>{originator}</li>
                ))}
              </ul>
            )
          ) : null,
        },
        inquiry.addressee ? { term: pt.addressee, value: inquiry.addressee } : null,
        {
          term: pt.status,
          value: <span className={`badge badge--${inquiry.status.replace(/_/g, "-")}`}>{statusLabel}</span>,
        },
        { term: pt.statusMeaning, value: inquiryStatusExplanations[inquiry.status] },
        inquiry.submittedOn && inquiry.submittedOn !== inquiry.receivedOn
          ? { term: pt.submitted, value: <DateText iso={inquiry.submittedOn} /> }
          : null,
        inquiry.receivedOn ? { term: pt.received, value: <DateText iso={inquiry.receivedOn} /> } : null,
        !inquiry.dueOn && inquiry.dueRuleLabel ? { term: pt.due, value: inquiry.dueRuleLabel } : null,
        inquiry.dueOn
          ? {
              term: pt.due,
              value: (
                <>
                  <DateText iso={inquiry.dueOn} />
                  {dueNote(inquiry.dueOn, inquiry.dueRuleLabel, data.extensions) ? (
                    <span className="muted"> ({dueNote(inquiry.dueOn, inquiry.dueRuleLabel, data.extensions)})</span>
                  ) : null}
                  {late ? (
                    <>
                      {" "}
                      <span className="badge badge--overdue">
                        Frist überschritten
                        {late.kind === "answered_late" ? (
                          <>
                            {" "}
                            – beantwortet am <DateText iso={late.answeredOn} />
                          </>
                        ) : null}
                      </span>
                    </>
                  ) : null}
                </>
              ),
            }
          : null,
        data.extensions.length
          ? {
              term: pt.extension,
              value: (
                <ul className="plain-list">
                  {data.extensions.map((extension) => (
                    <li key={`${extension.previousDueOn}-${extension.newDueOn}`}>
                      von <DateText iso={extension.previousDueOn} /> auf <DateText iso={extension.newDueOn} />
                      {" – "}
                      {extension.reason}
                    </li>
                  ))}
                </ul>
              ),
            }
          : null,
        inquiry.withdrawnOn
          ? {
              term: pt.withdrawn,
              value: (
                <>
                  <DateText iso={inquiry.withdrawnOn} />
                  {inquiry.withdrawalNote ? ` – ${inquiry.withdrawalNote}` : null}
                </>
              ),
            }
          : null,
        data.agenda.length
          ? {
              term: pt.meetings,
              value: (
                <ul className="plain-list">
                  {data.agenda.map((entry) => (
                    <li key={`${entry.purpose}-${entry.meetingDate}-${entry.itemNumber}`}>
                      {entry.organizationName}, <DateText iso={entry.meetingDate} />
                      {entry.itemNumber ? `, TOP ${entry.itemNumber}` : null}
                      {" – "}
                      {
                        typeWords({ lifecycle: inquiry.lifecycle, name: inquiry.typeName }).agendaPurposes[
                          entry.purpose
                        ]
                      }
                      {entry.roleLabel ? <>, Zuständigkeit: {entry.roleLabel}</> : null}
                    </li>
                  ))}
                </ul>
              ),
            }
          : null,
      ]}
    />
  );
}

export function MotionDecision({ data }: { data: PublicInquiryDetail }) {
  const { inquiry, body } = data;
  return (
    <section aria-labelledby="entscheidung">
      <h2 id="entscheidung">{pt.decision}</h2>
      {inquiry.status === "decided" && inquiry.motionDecision ? (
        <>
          <p>
            Der Antrag wurde <strong>{motionDecisionLabels[inquiry.motionDecision]}</strong>.
          </p>
          {inquiry.motionDecisionNote ? <p>{inquiry.motionDecisionNote}</p> : null}
        </>
      ) : (
        <p className="notice">
          Eine Entscheidung {bodyKindCouncilGenitive[body.kind]} über diesen Antrag ist noch nicht erfasst.
        </p>
      )}
    </section>
  );
}
