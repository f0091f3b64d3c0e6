import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { DateText } from "~/components/inquiry/DateText";
import { PageHeader } from "~/components/page-header";
import { formatDateLong } from "~/domain/format";
import { accessibilityStatement as t } from "~/domain/texts/accessibility";

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

export default function AccessibilityStatement() {
  return (
    <div className="prose">
      <PageHeader title={t.title} lead={t.lead} />
      <ul>
        {t.otherFormats.map((format) => (
          <li key={format.to}>
            <Link to={format.to}>{format.label}</Link>
          </li>
        ))}
      </ul>

      <h2>{t.statusHeading}</h2>
      <p>{t.status}</p>

      <h2>{t.barriersHeading}</h2>
      <p>{t.barriersIntro}</p>
      <dl className="statement-barriers">
        {t.barriers.map((barrier) => (
          <div key={barrier.what}>
            <dt>{barrier.what}</dt>
            <dd>{barrier.why}</dd>
          </div>
        ))}
      </dl>

      <h2>{t.preparationHeading}</h2>
      <p>{t.preparation(formatDateLong(t.assessedOn))}</p>
      <p>
        Stand: <DateText iso={t.assessedOn} long />
      </p>

      <h2>{t.feedbackHeading}</h2>
      <p>
        {t.feedback} <Link to="/feedback">{t.feedbackLink}</Link>. {t.feedbackAnswer}
      </p>

      <h2>{t.arbitrationHeading}</h2>
      <p>{t.arbitration}</p>
      <address>
        {t.arbitrationAddress.map((line) => (
          <span key={line} className="address-line">
            {line}
          </span>
        ))}
        <span className="address-line">
          E-Mail: <a href={`mailto:${t.arbitrationEmail}`}>{t.arbitrationEmail}</a>
        </span>
        <span className="address-line">
          Internet: <a href={t.arbitrationWebsite}>{t.arbitrationWebsite.replace("https://", "")}</a>
        </span>
      </address>
      <p>{t.arbitrationStates}</p>

      <h2>{t.legalHeading}</h2>
      <ul>
        {t.legal.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>

      <h2>{t.measuresHeading}</h2>
      <ul>
        {t.measures.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
