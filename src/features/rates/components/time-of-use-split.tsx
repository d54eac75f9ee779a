import { formatQuantity, type TimeOfUseShare } from '../../../espi/index.ts';
import { TableRegion } from '../../../components/ui/table-region.tsx';
import { dollars } from './money.ts';

const KIND_NAMES: Record<TimeOfUseShare['kind'], string> = {
  peak: 'Peak',
  shoulder: 'Shoulder',
  'off-peak': 'Off-peak',
  'all-day': 'All hours (no time of use)',
};

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

/** How much of the year's use fell in each time-of-use period of the current plan, and what it cost there. */
export function TimeOfUseSplit(props: { split: TimeOfUseShare[]; planName: string }) {
  return (
    <TableRegion label="Your use by time of day">
      <table>
        <caption>Your use by time-of-use period on {props.planName}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col" className="number">
              Use
            </th>
            <th scope="col" className="number">
              Share of use
            </th>
            <th scope="col" className="number">
              Energy cost
            </th>
          </tr>
        </thead>
        <tbody>
          {props.split.map((share) => (
            <tr key={share.kind} data-kind={share.kind}>
              {/* The hours of each period are in the plan's description below: the kind is enough here. */}
              <th scope="row">{KIND_NAMES[share.kind]}</th>
              <td className="number">{formatQuantity(share.kWh, 'kWh')}</td>
              <td className="number">{percent.format(share.shareOfUse)}</td>
              <td className="number">{dollars(share.cost)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
