import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Usage point</PageTitle>
      <h1>Usage point</h1>
      <p>The chart of this usage point will be shown here.</p>
    </>
  );
}
