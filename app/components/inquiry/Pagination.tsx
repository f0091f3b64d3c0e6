import { Link } from "@remix-run/react";

/**
 * Page links for lists (`?seite=N`). Plain links, so they work without JavaScript; the current page is named
 * for screen readers.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Seiten" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              Vorherige Seite
            </Link>
          </li>
        ) : null}
        <li>
          <span aria-current="page">
            Seite {page} von {pageCount}
          </span>
        </li>
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              Nächste Seite
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
