import { PageTitle } from '../ui/page-title.tsx';
import { ButtonLink } from '../ui/button.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <p className="actions">
        <ButtonLink to="/">Go to the home page</ButtonLink>
      </p>
    </>
  );
}
