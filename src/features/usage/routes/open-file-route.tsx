import { PageTitle } from '../../../components/ui/page-title.tsx';

export function Component() {
  return (
    <>
      <PageTitle>Open a Green Button file</PageTitle>
      <h1>Open a Green Button file</h1>
      <p>Open a Green Button file to chart it.</p>
    </>
  );
}
