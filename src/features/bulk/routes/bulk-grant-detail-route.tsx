import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Bulk grant</PageTitle>
      <h1>Bulk grant</h1>
      <p>This grant will be shown here.</p>
    </>
  );
}
