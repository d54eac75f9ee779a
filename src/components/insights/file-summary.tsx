/**
 * An opened file's summary, before its chart: totals per usage point (service) and direction, the cost where
 * the file gives it, the period and the average day, then when the energy is used (the average day's shape
 * and the hour × weekday heatmap of its last 13 weeks). Worked out in the parse worker (espi/insights/).
 */
import {
  DISPLAY_LOCALE,
  formatMoney,
  serviceLabel,
  type EspiDocument,
  type LocalTime,
  type UsagePoint,
} from '../../espi/index.ts';
import { TableRegion } from '../ui/table-region.tsx';
import { DayShapeTable, HeatmapTable } from './profile-tables.tsx';

const quantity = new Intl.NumberFormat(DISPLAY_LOCALE, { maximumFractionDigits: 1 });
const FLOW_WORDS = { delivered: 'Delivered (used)', received: 'Received (sent to the grid)', net: 'Net' };

export function FileSummary(props: { doc: EspiDocument; usagePoint: UsagePoint; clock: LocalTime }) {
  const { doc, clock } = props;
  const all = doc.insights ?? [];
  const chosen = all[doc.usagePoints.indexOf(props.usagePoint)];
  const day = (t: number) => clock.toIsoLocal(t).slice(0, 10);
  const rows = all.filter((i) => i.flows.length > 0 && i.span);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="file-summary-title" className="file-summary">
      <h3 id="file-summary-title">Summary</h3>
      <TableRegion label="Totals of the file">
        <table>
          <caption>Totals per usage point and direction</caption>
          <thead>
            <tr>
              <th scope="col">Usage point</th>
              <th scope="col">Direction</th>
              <th scope="col">Total</th>
              <th scope="col">Cost</th>
              <th scope="col">Period</th>
              <th scope="col">Average day</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap((i) =>
              i.flows.map((f) => (
                <tr key={`${i.index}-${f.flow}`}>
                  <th scope="row">
                    {doc.usagePoints[i.index]?.meta.title ?? `Usage point ${i.index + 1}`} (
                    {serviceLabel(i.serviceKind)})
                  </th>
                  <td>{FLOW_WORDS[f.flow]}</td>
                  <td>
                    {quantity.format(f.use)} {f.unit}
                  </td>
                  <td>{f.cost === undefined ? 'not given' : formatMoney(f.cost, i.currency)}</td>
                  <td>{i.span && `${day(i.span.start)} to ${day(i.span.end - 1)} (${i.span.days} days)`}</td>
                  <td>
                    {i.span && i.span.days > 0 ? `${quantity.format(f.use / i.span.days)} ${f.unit}` : '–'}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableRegion>
      {chosen?.profile && (
        <>
          <DayShapeTable shape={chosen.profile.dayShape} unit={chosen.unit} />
          <HeatmapTable
            heatmap={chosen.profile.heatmap}
            unit={chosen.unit}
            from={day(chosen.profile.heatmap.start)}
            to={day(chosen.profile.heatmap.end - 1)}
          />
        </>
      )}
    </section>
  );
}
