import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Connected apps</PageTitle>
      <h1>Connected apps</h1>
      <p>The apps you authorized will be listed here.</p>
    </>
  );
}
