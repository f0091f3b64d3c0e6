/** The published answer on an inquiry's public page: document, parts, withholdings, statement, sign-off, versions. */
import { publicInquiryText as pt } from "~/domain/texts/public-inquiry";
import { Link } from "@remix-run/react";
import { ConsultationStatement } from "~/components/inquiry/ConsultationStatement";
import { DateText } from "~/components/inquiry/DateText";
import { MetaList } from "~/components/inquiry/MetaList";
import { QuestionAnswerGrid, unplacedInventories } from "~/components/inquiry/QuestionAnswerGrid";
import { typeWords } from "~/domain/texts/type-words";
import { RichText } from "~/components/inquiry/RichText";
import { ToolInventory } from "~/components/inquiry/ToolInventory";
import { DownloadLinks } from "~/components/download-links";
import { exportTexts } from "~/domain/texts/exports";
import { WithheldNotice } from "~/components/inquiry/WithheldNotice";
import { formatDateLong, formatFileSize, formatReference } from "~/domain/format";
import { signOffStepStatusLabels } from "~/domain/labels";
import type { VersionComparison } from "~/server/public/answers.server";
import type { PublicInquiryDetail } from "~/server/public/inquiries.server";

export function AnswerSection({ data, basePath }: { data: PublicInquiryDetail; basePath: string }) {
  const answer = data.answer!;
  const { version } = answer;
  const documentLabel = formatReference(version.documentKind, version.documentReference);
  // A letter has no number: name it by its date, as letters are cited ("Schreiben vom 26. März 2021").
  const answerHeading =
    version.documentReference || !version.documentDate
      ? documentLabel
      : pt.answerOf(documentLabel || pt.answer, formatDateLong(version.documentDate));
  const leftover = unplacedInventories(answer.rows, answer.inventories);
  const hasParts = answer.parts.length > 0;
  const words = typeWords({ lifecycle: data.inquiry.lifecycle, name: data.inquiry.typeName });
  return (
    <>
      <section aria-labelledby="antwort" className="answer">
        <h2 id="antwort">Antwort{answerHeading ? `: ${answerHeading}` : ""}</h2>
        {!answer.isLatest ? (
          <p className="notice notice--warning">
            Sie lesen eine frühere Fassung (Fassung {version.versionNumber}).{" "}
            <Link to={basePath}>{pt.currentVersion}</Link>
          </p>
        ) : null}
        <MetaList
          items={[
            version.documentKind ? { term: pt.document, value: documentLabel } : null,
            version.title ? { term: pt.subject, value: version.title } : null,
            version.documentDate ? { term: pt.date, value: <DateText iso={version.documentDate} /> } : null,
            version.issuedByLabel ? { term: pt.issuedBy, value: version.issuedByLabel } : null,
            version.caseOfficerLabel ? { term: pt.caseOfficer, value: version.caseOfficerLabel } : null,
            answer.leadOrganizationName ? { term: pt.lead, value: answer.leadOrganizationName } : null,
            answer.contributorNames.length
              ? { term: pt.contributors, value: answer.contributorNames.join(", ") }
              : null,
            { term: pt.published, value: <DateText iso={version.publishedOn} /> },
            version.correctionNote ? { term: pt.correction, value: version.correctionNote } : null,
          ]}
        />
        {answer.isLatest && answer.inventories.length ? (
          <DownloadLinks
            label={exportTexts.inventoryDownload}
            csv={`${basePath}/werkzeuge.csv`}
            json={`${basePath}/werkzeuge.json`}
          />
        ) : null}
        <RichText html={version.introHtml} className="answer__intro" />
        {answer.versionWithholdings.map((withholding) => (
          <WithheldNotice key={withholding.id} withholding={withholding} />
        ))}
        {version.preambleHtml ? (
          <>
            <h3>{version.preambleLabel ?? pt.preamble}</h3>
            <RichText html={version.preambleHtml} />
          </>
        ) : null}
      </section>

      {hasParts ? (
        <section aria-labelledby="fragen-antworten">
          <h2 id="fragen-antworten">{words.partsAndAnswers}</h2>
          <QuestionAnswerGrid rows={answer.rows} inventories={answer.inventories} words={words} />
        </section>
      ) : null}

      {leftover.length ? (
        <section aria-labelledby="werkzeuge">
          <h2 id="werkzeuge">{pt.overviews}</h2>
          {leftover.map((inventory) => (
            <ToolInventory key={inventory.id} inventory={inventory} />
          ))}
        </section>
      ) : null}

      {answer.consultations.map((consultation) => (
        <ConsultationStatement key={consultation.id} consultation={consultation} />
      ))}

      {version.closingHtml || version.signatory ? (
        <section aria-labelledby="schluss" className="answer__closing">
          <h2 id="schluss" className="visually-hidden">
            Schluss und Unterschrift
          </h2>
          <RichText html={version.closingHtml} />
          {version.signatory ? (
            <p className="signatory">
              <span className="muted">{pt.signedBy}</span>{" "}
              {[version.signatory.name, version.signatory.roleLabel].filter(Boolean).join(", ")}
            </p>
          ) : null}
        </section>
      ) : null}

      {answer.signOffSteps.length ? (
        <section aria-labelledby="zeichnung">
          <h2 id="zeichnung">{pt.signOff}</h2>
          <ol className="sign-off">
            {answer.signOffSteps.map((step) => (
              <li key={step.position}>
                <span className="sign-off__label">{step.label}</span>
                {step.condition ? <span className="sign-off__condition"> ({step.condition})</span> : null}
                {" – "}
                <span className="sign-off__status">{signOffStepStatusLabels[step.status]}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {answer.attachments.length ? (
        <section aria-labelledby="anlagen">
          <h2 id="anlagen">{pt.attachments(answer.attachments.length)}</h2>
          <ol className="attachments">
            {answer.attachments.map((attachment) => (
              <li key={attachment.position}>
                {attachment.title}
                {" – "}
                {attachment.file ? (
                  <a href={`${basePath}/anlagen/${attachment.id}`} download>
                    {attachment.file.fileName} ({formatFileSize(attachment.file.size)})
                  </a>
                ) : (
                  <span className="muted">{pt.fileMissing}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {answer.versions.length > 1 ? (
        <section aria-labelledby="fassungen">
          <h2 id="fassungen">{pt.versions}</h2>
          <ol className="versions">
            {answer.versions.map((v) => (
              <li key={v.versionNumber}>
                {v.versionNumber === version.versionNumber ? (
                  <strong aria-current="page">Fassung {v.versionNumber}</strong>
                ) : (
                  <Link
                    to={
                      v === answer.versions[answer.versions.length - 1]
                        ? basePath
                        : `${basePath}?fassung=${v.versionNumber}`
                    }
                  >
                    Fassung {v.versionNumber}
                  </Link>
                )}
                , veröffentlicht am <DateText iso={v.publishedOn} />
                {v.correctionNote ? <> – Berichtigung: {v.correctionNote}</> : null}
                {v.versionNumber !== version.versionNumber ? (
                  <>
                    {" "}
                    (
                    <Link
                      to={`${basePath}?${version.versionNumber === answer.versions[answer.versions.length - 1]!.versionNumber ? "" : `fassung=${version.versionNumber}&`}vergleich=${v.versionNumber}`}
                    >
                      Änderungen gegenüber Fassung {v.versionNumber}
                    </Link>
                    )
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </>
  );
}

/** Word-level changes between two published versions; React escapes the text, <ins>/<del> mark the changes. */
export function VersionDiff({ comparison }: { comparison: VersionComparison }) {
  const changed = comparison.segments.some((s) => s.kind !== "same");
  return (
    <section aria-labelledby="vergleich" className="version-diff">
      <h2 id="vergleich">
        Änderungen von Fassung {comparison.from} zu Fassung {comparison.to}
      </h2>
      {changed ? (
        <p className="diff-text preserve-lines">
          {comparison.segments.map((segment, i) =>
            segment.kind === "added" ? (
              <ins key={i}>{segment.text}</ins>
            ) : segment.kind === "removed" ? (
              <del key={i}>{segment.text}</del>
            ) : (
              <span key={i}>{segment.text}</span>
            ),
          )}
        </p>
      ) : (
        <p>Der Text der beiden Fassungen ist gleich.</p>
      )}
    </section>
  );
}
