import { Link } from 'react-router';
import { PageTitle } from '../ui/page-title.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p className="actions">
        <Link className="button" to="/">
          Go to the home page
        </Link>
      </p>
    </>
  );
}
