import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Grant bulk access</PageTitle>
      <h1>Grant bulk access</h1>
      <p>The grant wizard will be here.</p>
    </>
  );
}
