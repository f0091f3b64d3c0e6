/** One consultation as read: who, dates, the questions put, the statement (or the authority's letter), its items and verdict, the reply. */
import { formatDate } from "~/domain/format";
import { RECOMMENDATION_KINDS } from "~/domain/consultation";
import { consultationText as t } from "~/domain/texts/consultation";
import type { ConsultationDetail } from "~/server/consultations/queries.server";
import { RichText } from "../inquiry/RichText";

export function ConsultationMeta({ c }: { c: ConsultationDetail }) {
  const external = c.kind === "supervisory_authority";
  return (
    <dl className="meta">
      <dt>{t.meta.kind}</dt>
      <dd>{t.kindShort[c.kind]}</dd>
      <dt>{external ? t.meta.sender : t.meta.addressee}</dt>
      <dd>{c.addresseeName}</dd>
      <dt>{t.meta.status}</dt>
      <dd>{t.status[c.status] ?? c.status}</dd>
      {c.requestedOn ? (
        <>
          <dt>{t.meta.requestedOn}</dt>
          <dd>{formatDate(c.requestedOn)}</dd>
        </>
      ) : null}
      {c.dueOn ? (
        <>
          <dt>{t.meta.dueOn}</dt>
          <dd>{formatDate(c.dueOn)}</dd>
        </>
      ) : null}
      {c.answeredOn ? (
        <>
          <dt>{external ? t.meta.letterOn : t.meta.answeredOn}</dt>
          <dd>{formatDate(c.answeredOn)}</dd>
        </>
      ) : null}
      {c.repliedOn ? (
        <>
          <dt>{t.meta.repliedOn}</dt>
          <dd>{formatDate(c.repliedOn)}</dd>
        </>
      ) : null}
      {c.verdict ? (
        <>
          <dt>{t.meta.verdict}</dt>
          <dd>{t.verdict[c.verdict]}</dd>
        </>
      ) : null}
    </dl>
  );
}

export function StatementView({ c }: { c: ConsultationDetail }) {
  const heading =
    c.kind === "department"
      ? t.statement.contributionHeading
      : c.kind === "supervisory_authority"
        ? t.statement.letterHeading
        : t.statement.heading;
  return (
    <section aria-labelledby="statement-view-heading">
      <h2 id="statement-view-heading">{heading}</h2>
      {c.statementTitle ? <h3>{c.statementTitle}</h3> : null}
      {c.statementHtml ? <RichText html={c.statementHtml} /> : <p>{t.statement.notYet}</p>}
      {RECOMMENDATION_KINDS.map((kind) => {
        const items = c.items.filter((i) => i.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind}>
            <h3>{t.itemKindPlural[kind]}</h3>
            <ol>
              {items.map((item, i) => (
                <li key={i} className="preserve-lines">
                  {item.text}
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
