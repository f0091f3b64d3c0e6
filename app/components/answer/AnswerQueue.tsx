/** Dashboard sections: answers waiting for the user's signature, and approved answers waiting for publication. */
import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { answerText as t } from "~/domain/texts/answer";
import type { AnswerQueue as Queue, QueueItem } from "~/server/answers/answer-queue.server";

function QueueTable({
  id,
  heading,
  items,
  withStep,
}: {
  id: string;
  heading: string;
  items: QueueItem[];
  withStep: boolean;
}) {
  return (
    <section aria-labelledby={id} className="dashboard-section">
      <h3 id={id}>{heading}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.queueTitle}</th>
            <th scope="col">{t.queueReference}</th>
            {withStep ? <th scope="col">{t.stepColumn}</th> : null}
            <th scope="col">{t.dueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.inquiryId}>
              <td>
                <Link to={`/arbeitsbereich/vorgaenge/${item.inquiryId}/antwort`}>{item.title}</Link>
              </td>
              <td>{item.reference ?? ""}</td>
              {withStep ? <td>{item.stepLabel}</td> : null}
              <td>{item.dueOn ? formatDate(item.dueOn) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function AnswerQueueSections({ idPrefix, queue }: { idPrefix: string; queue: Queue }) {
  return (
    <>
      {queue.toSign.length > 0 ? (
        <QueueTable id={`${idPrefix}-to-sign`} heading={t.queueToSign} items={queue.toSign} withStep />
      ) : null}
      {queue.toPublish.length > 0 ? (
        <QueueTable id={`${idPrefix}-to-publish`} heading={t.queueToPublish} items={queue.toPublish} withStep={false} />
      ) : null}
    </>
  );
}
