import { ButtonLink } from '../../../components/ui/button.tsx';

/** Previous and next pages as links, so every page of a long list has its own address. */
export function Pagination(props: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  /** What is paged, for the navigation landmark's name. */
  label?: string;
}) {
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={props.label ?? 'Pages of connected apps'}>
      {page > 1 ? (
        <ButtonLink variant="secondary" small to={props.hrefFor(page - 1)}>
          Previous page
        </ButtonLink>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <ButtonLink variant="secondary" small to={props.hrefFor(page + 1)}>
          Next page
        </ButtonLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
