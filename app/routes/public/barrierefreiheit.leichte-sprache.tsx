import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { easyLanguage as t } from "~/domain/texts/accessibility";

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

export default function EasyLanguage() {
  return (
    <div className="prose easy-language">
      <PageHeader title={t.title} />
      {t.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </section>
      ))}
      <p>
        <Link to="/feedback">Feedback</Link>
      </p>
      <p>
        <Link to="/barrierefreiheit">{t.statementLink}</Link>
      </p>
    </div>
  );
}
