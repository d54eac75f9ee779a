import { PageTitle } from '../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Demo controls</PageTitle>
      <h1>Demo controls</h1>
      <p>Faults and resets of the simulated utility will be set here.</p>
    </>
  );
}
