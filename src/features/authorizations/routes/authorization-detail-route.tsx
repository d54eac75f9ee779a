import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Connected app</PageTitle>
      <h1>Connected app</h1>
      <p>Details of this authorization will be shown here.</p>
    </>
  );
}
