import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Bulk access</PageTitle>
      <h1>Bulk access</h1>
      <p>Your bulk access grants will be listed here.</p>
    </>
  );
}
