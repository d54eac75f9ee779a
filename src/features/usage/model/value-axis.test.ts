import { describe, expect, it } from 'vitest';
import { formatMoney, formatQuantity } from '../../../espi/index.ts';
import { LABEL_CHAR_PX } from './time-ticks.ts';
import { valueAxisWidth } from './value-axis.ts';

const quantity = (v: number) => formatQuantity(v, '');

describe('valueAxisWidth', () => {
  it('is wide enough for 3,000,000 when the data reach 2,800,000 (not cut to 800,000)', () => {
    const width = valueAxisWidth(0, 2_800_000, quantity);
    expect(width).toBeGreaterThanOrEqual('3,000,000'.length * LABEL_CHAR_PX);
  });

  it('makes room for a minus sign and for money', () => {
    expect(valueAxisWidth(-1500, 3, quantity)).toBeGreaterThan(valueAxisWidth(0, 3, quantity));
    expect(valueAxisWidth(0, 1234, (v) => formatMoney(v, 840))).toBeGreaterThanOrEqual(
      '$2,000.00'.length * LABEL_CHAR_PX,
    );
  });
});
