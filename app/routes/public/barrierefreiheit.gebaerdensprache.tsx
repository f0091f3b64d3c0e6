import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { signLanguage as t } from "~/domain/texts/accessibility";

export const meta: MetaFunction = () => [{ title: `${t.title} – Quaestio` }];

export default function SignLanguage() {
  return (
    <div className="prose">
      <PageHeader title={t.title} />
      <section aria-labelledby="video">
        <h2 id="video">{t.placeholderHeading}</h2>
        <p>{t.placeholder}</p>
        <ul>
          {t.videoTopics.map((topic) => (
            <li key={topic}>{topic}</li>
          ))}
        </ul>
      </section>
      <p>{t.meanwhile}</p>
      <ul>
        <li>
          <Link to="/barrierefreiheit/leichte-sprache">Leichte Sprache</Link>
        </li>
        <li>
          <Link to="/barrierefreiheit">Erklärung zur Barrierefreiheit</Link>
        </li>
      </ul>
    </div>
  );
}
