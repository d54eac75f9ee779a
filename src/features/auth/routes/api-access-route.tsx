import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>API access</PageTitle>
      <h1>API access</h1>
      <p>Obtain an API token for your own data here.</p>
    </>
  );
}
