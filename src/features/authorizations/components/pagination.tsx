import { Link } from 'react-router';

/** Previous and next pages as links, so every page of a long list has its own address. */
export function Pagination(props: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages of connected apps">
      {page > 1 ? (
        <Link className="button button--secondary button--small" to={props.hrefFor(page - 1)}>
          Previous page
        </Link>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link className="button button--secondary button--small" to={props.hrefFor(page + 1)}>
          Next page
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
