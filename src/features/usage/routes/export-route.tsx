import { Link } from 'react-router';
import { PageTitle } from '../../../components/ui/page-title.tsx';
import { QueryView } from '../../../components/ui/query-view.tsx';
import { useUsagePoints } from '../hooks/use-usage.ts';
import { ExportMetersForm } from '../components/export-meters-form.tsx';
import '../components/usage.css';

/** Download My Data for many meters at once (issue 16). */
export function Component() {
  const points = useUsagePoints();
  return (
    <>
      <PageTitle>Download my data</PageTitle>
      <p>
        <Link to="/usage">Back to My energy</Link>
      </p>
      <h1>Download my data</h1>
      <p>
        Every reading of the meters and days you choose, in one file written as it goes. For one meter and the
        days on its chart, use the download on that meter&apos;s page.
      </p>
      <QueryView
        query={points}
        loading="Loading your meters"
        errorTitle="Your meters could not be loaded"
        empty={(data) =>
          data.length === 0
            ? { title: 'No meters on this account yet', body: <p>There is nothing to download yet.</p> }
            : undefined
        }
      >
        {(usagePoints) => <ExportMetersForm usagePoints={usagePoints} />}
      </QueryView>
    </>
  );
}
