import type { MetaFunction } from "@remix-run/node";
import { DownloadLinks } from "~/components/download-links";
import { exportTexts } from "~/domain/texts/exports";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { TableRegion } from "~/components/table-region";
import { formatNumber } from "~/domain/format";
import { toolTexts as t } from "~/domain/texts/tools";
import { loadToolCatalogue } from "~/server/public/tools.server";

export async function loader() {
  return { tools: await loadToolCatalogue() };
}

export const meta: MetaFunction = () => [
  { title: `${t.catalogueTitle} – Quaestio` },
  { name: "description", content: t.catalogueMetaDescription },
];

export default function ToolCatalogue() {
  const { tools } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t.catalogueTitle} lead={t.catalogueLead} />
      {tools.length === 0 ? (
        <p>{t.noTools}</p>
      ) : (
        <TableRegion caption={t.catalogueCaption} className="tool-list">
          <thead>
            <tr>
              <th scope="col">{t.columnTool}</th>
              <th scope="col">{t.columnCategory}</th>
              <th scope="col">{t.columnBodies}</th>
              <th scope="col">{t.columnAnswers}</th>
              <th scope="col">{t.columnFacts}</th>
            </tr>
          </thead>
          <tbody>
            {tools.map((tool) => (
              <tr key={tool.slug}>
                <th scope="row">
                  <Link to={`/werkzeuge/${tool.slug}`}>{tool.name}</Link>
                </th>
                <td>{tool.category ?? t.none}</td>
                <td>{tool.bodyNames.length ? tool.bodyNames.join(", ") : t.none}</td>
                <td className="num">{formatNumber(tool.answerCount)}</td>
                <td className="num">{formatNumber(tool.factCount)}</td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      {tools.length ? (
        <DownloadLinks label={exportTexts.catalogueDownload} csv="/werkzeuge.csv" json="/werkzeuge.json" />
      ) : null}
    </>
  );
}
