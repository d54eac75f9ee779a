import { describe, expect, it } from 'vitest';
import type { PreviewSeries } from '../custodian/oauth/consent-preview.ts';
import { bucketLabel, previewSummary } from './consent-preview-text.ts';

const LA = 'America/Los_Angeles';
// Local midnights in Sacramento: 1 May, 1 June, 1 July 2024.
const months: PreviewSeries = {
  usagePointId: 'up-1001-e',
  reading: 'Electricity used',
  unit: 'kWh',
  bucket: 'month',
  points: [
    { start: Date.parse('2024-05-01T07:00:00Z') / 1000, value: 310.4 },
    { start: Date.parse('2024-06-01T07:00:00Z') / 1000, value: 702.6 },
    { start: Date.parse('2024-07-01T07:00:00Z') / 1000, value: 655 },
  ],
};

describe('the consent preview in words', () => {
  it('labels months and days in the meter’s zone, not the reader’s', () => {
    expect(bucketLabel(months, months.points[1]?.start ?? 0, LA)).toBe('Jun 2024');
    // The label follows the meter's zone whatever the zone of the machine running the test.
    expect(bucketLabel({ ...months, bucket: 'day' }, months.points[1]?.start ?? 0, LA)).toBe('Jun 1');
  });

  it('says the total, the highest bucket and when, with the unit', () => {
    expect(previewSummary(months, LA)).toBe(
      'Electricity used: 1,668 kWh over 3 months; the most in Jun 2024, 703 kWh.',
    );
    expect(previewSummary({ ...months, points: [] }, LA)).toBe('No readings in this window yet.');
  });
});
