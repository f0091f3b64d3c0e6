/**
 * Measures the OParl paper list on a bench corpus (issue 14): time and SQL statements of the first page, of
 * the next pages reached through links.next, and of a modified_since list. Not part of `npm run bench`.
 *   QUAESTIO_COUNT_STATEMENTS=1 npx tsx test/bench/oparl-pages.ts postgres://…/bench_oparl [body-slug]
 */
import { sql } from "drizzle-orm";
import { countStatementsOf, openDatabase } from "../../app/server/core/db.server";
import { handleOparlRequest } from "../../app/server/public/oparl/oparl.server";

const ORIGIN = "http://bench.quaestio.test";

async function main() {
  const url = process.argv[2];
  const slug = process.argv[3] ?? "landtag-nrw";
  if (!url) throw new Error("usage: oparl-pages.ts <postgres url> [body slug]");
  const handle = await openDatabase({ kind: "postgres", url });
  const get = async (href: string) => {
    const { pathname, search } = new URL(href);
    const segments = pathname
      .replace(/^\/oparl\/v1\/?/, "")
      .split("/")
      .filter(Boolean);
    const started = performance.now();
    const { value, statements } = await countStatementsOf(() =>
      handleOparlRequest(new Request(`${ORIGIN}${pathname}${search}`), segments, handle.db),
    );
    const body = value.body as { data: unknown[]; links?: { next?: string } };
    return { ms: Math.round(performance.now() - started), statements, n: body.data.length, next: body.links?.next };
  };
  const list = `${ORIGIN}/oparl/v1/body/${slug}/paper`;
  let href: string | undefined = list;
  for (let page = 1; page <= 5 && href; page++) {
    const r = await get(href);
    console.log(JSON.stringify({ what: `paper page ${page}`, ms: r.ms, statements: r.statements, elements: r.n }));
    href = r.next;
  }
  const since = `${list}?modified_since=${encodeURIComponent(new Date(Date.now() - 30 * 86400_000).toISOString())}`;
  const r = await get(since);
  console.log(
    JSON.stringify({ what: "paper modified_since 30 days", ms: r.ms, statements: r.statements, elements: r.n }),
  );
  // A deep page: the cursor of an element near the end of the list.
  const [late] = (await handle.db.execute(
    sql`select i.updated_at as m, i.id::text as id from inquiries i join bodies b on b.id = i.body_id
        where b.slug = ${slug} and i.visibility = 'public' and i.status <> 'draft' and i.public_ref is not null
        order by i.updated_at desc, i.id desc offset 100 limit 1`,
  )) as unknown as { m: Date; id: string }[];
  if (late) {
    const after = `${new Date(late.m).toISOString().replace("Z", "000Z")}_${late.id}`;
    const deep = await get(`${list}?after=${encodeURIComponent(after)}`);
    console.log(
      JSON.stringify({ what: "paper deep page", ms: deep.ms, statements: deep.statements, elements: deep.n }),
    );
  }
  for (const kind of ["consultation", "file", "person"]) {
    const k = await get(`${ORIGIN}/oparl/v1/body/${slug}/${kind}`);
    console.log(JSON.stringify({ what: `${kind} page 1`, ms: k.ms, statements: k.statements, elements: k.n }));
  }
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
