import { describeError } from '../../lib/api-error.ts';
import { PageTitle } from '../ui/page-title.tsx';
import { Button, ButtonLink } from '../ui/button.tsx';

/**
 * What a person sees when a page fails to load or render: what happened and two ways on. A failed
 * lazy chunk (a new deployment while the tab was open, or a network drop) is the common case.
 */
export function RouteErrorPage({ error }: { error: unknown }) {
  const chunkFailed =
    error instanceof TypeError && /dynamically imported module|Importing a module/i.test(error.message);
  return (
    <>
      <PageTitle>Something went wrong</PageTitle>
      <h1>Something went wrong</h1>
      <div className="alert alert--error" role="alert">
        <p>
          {chunkFailed
            ? 'Part of the portal could not be loaded. Your connection may have dropped, or the portal was updated.'
            : describeError(error)}
        </p>
      </div>
      <p className="actions">
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <ButtonLink variant="secondary" to="/">
          Go to the home page
        </ButtonLink>
      </p>
    </>
  );
}
