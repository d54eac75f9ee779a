import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>My energy</PageTitle>
      <h1>My energy</h1>
      <p>Your usage points will be listed here.</p>
    </>
  );
}
