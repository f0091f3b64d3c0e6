import { exportTexts as t } from "~/domain/texts/exports";

/**
 * "Herunterladen: CSV · JSON" under a list, a search or an inventory. Plain links (the files come with
 * Content-Disposition: attachment), so they work without JavaScript; `reloadDocument` is not needed because
 * these are <a> elements, not Remix links.
 */
export function DownloadLinks({
  csv,
  json,
  note,
  label = t.download,
}: {
  csv: string;
  json: string;
  note?: string;
  label?: string;
}) {
  return (
    <p className="download-links no-print">
      {label}{" "}
      <a href={csv} download title={t.csvTitle}>
        {t.csv}
      </a>
      {" · "}
      <a href={json} download title={t.jsonTitle}>
        {t.json}
      </a>
      {note ? <span className="download-links__note"> {note}</span> : null}
    </p>
  );
}
