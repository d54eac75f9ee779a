import { describe, expect, it } from 'vitest';
import {
  bulkIdOf,
  describeScope,
  durationInWords,
  formatScope,
  FUNCTION_BLOCKS,
  parseScope,
} from './scope.ts';

/** Function blocks the reference (section 4.3) lists. */
const STANDARD_BLOCKS = [
  ...Array.from({ length: 19 }, (_, i) => i + 1),
  27,
  28,
  29,
  ...Array.from({ length: 21 }, (_, i) => i + 31), // 31-51
  55,
  56,
  58,
  59,
  60,
  61,
];

describe('function blocks', () => {
  it('has a name, plain words and a category for every block the standard lists, and no others', () => {
    expect(
      Object.keys(FUNCTION_BLOCKS)
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(STANDARD_BLOCKS);
    for (const fb of STANDARD_BLOCKS) {
      const block = FUNCTION_BLOCKS[fb];
      expect(block?.name.length).toBeGreaterThan(3);
      expect(block?.plain.length).toBeGreaterThan(3);
    }
  });

  it.each(STANDARD_BLOCKS)('decodes FB=%i alone', (fb) => {
    const d = describeScope(`FB=${fb}`);
    const block = FUNCTION_BLOCKS[fb];
    if (!block) throw new Error(`FB ${fb}`);
    expect(d.unknownFunctionBlocks).toEqual([]);
    switch (block.category) {
      case 'technical':
        expect(d.technical).toEqual([{ fb, name: block.name }]);
        expect(d.data).toEqual([]);
        break;
      case 'delivery':
        expect(d.bulk).toBe(block.plain);
        break;
      case 'access':
        expect(d.data).toEqual([]);
        expect(d.access).toBe(fb === 2 ? 'one-time' : 'ongoing');
        break;
      default:
        expect(d.data).toEqual([block.plain]);
        expect(d.personalData).toBe(block.category === 'personal');
    }
  });

  it('notes the 41/44 numbering conflict', () => {
    expect(FUNCTION_BLOCKS[41]?.name).toMatch(/Authorization.*swapped/);
    expect(FUNCTION_BLOCKS[44]?.name).toMatch(/ApplicationInformation.*swapped/);
  });

  it('reports blocks no source defines', () => {
    expect(describeScope('FB=3_20_30_69').unknownFunctionBlocks).toEqual([20, 30, 69]);
  });
});

describe('parseScope', () => {
  it('reads every term of the grammar', () => {
    const s = parseScope(
      'FB=1_3_4_5_13_14_39;IntervalDuration=900_3600;BlockDuration=daily_monthly;HistoryLength=34128000;SubscriptionFrequency=86400;AccountCollection=3;BR=17;',
    );
    expect(s).toEqual({
      functionBlocks: [1, 3, 4, 5, 13, 14, 39],
      intervalDurations: [900, 3600],
      blockDurations: ['daily', 'monthly'],
      historyLength: { raw: '34128000', seconds: 34128000, asMonths: false },
      subscriptionFrequency: 86400,
      accountCollection: 3,
      bulkId: '17',
      unknownTerms: [],
      problems: [],
    });
  });

  it('accepts named intervals, a missing final semicolon and unknown terms', () => {
    const s = parseScope(
      'FB=1_3_4_5_13_14_15_16_19_37_39;IntervalDuration=monthly;BlockDuration=monthly;Custom=x;Flag',
    );
    expect(s.intervalDurations).toEqual(['monthly']);
    expect(s.unknownTerms).toEqual([
      { key: 'Custom', value: 'x' },
      { key: 'Flag', value: '' },
    ]);
  });

  it('reads a small HistoryLength as months (RI seed data: 13)', () => {
    expect(parseScope('HistoryLength=13').historyLength).toEqual({
      raw: '13',
      seconds: 13 * 30 * 86400,
      asMonths: true,
    });
    expect(parseScope('HistoryLength=94608000').historyLength?.asMonths).toBe(false);
  });

  it('reports values it cannot read and keeps the rest', () => {
    const s = parseScope('FB=1_x_3;HistoryLength=long;AccountCollection=some;BR=');
    expect(s.functionBlocks).toEqual([1, 3]);
    expect(s.problems).toHaveLength(4);
    expect(s.historyLength).toEqual({ raw: 'long', asMonths: false });
  });

  it('formats back to the same scope', () => {
    for (const text of [
      'FB=1_3_4_5_13_14_39;IntervalDuration=3600;BlockDuration=monthly;HistoryLength=13',
      'FB=1_3_4_5_13_14_34_35_39;IntervalDuration=900;BlockDuration=daily;HistoryLength=34128000;BR=17',
      'FB=4_5;SubscriptionFrequency=daily;AccountCollection=2;Custom=x;Flag',
    ])
      expect(formatScope(parseScope(text))).toBe(text);
    expect(formatScope(parseScope('FB=1_3;'))).toBe('FB=1_3');
  });

  it('matches bulk ids exactly', () => {
    expect(bulkIdOf('FB=35;BR=17')).toBe('17');
    expect(bulkIdOf('FB=35;BR=17') === '1').toBe(false);
    expect(bulkIdOf('FB=35')).toBeUndefined();
  });
});

describe('describeScope', () => {
  it('describes the reference examples', () => {
    const hourly = describeScope(
      'FB=1_3_4_5_13_14_15_19_37_39;IntervalDuration=3600;BlockDuration=monthly;HistoryLength=94608000',
    );
    expect(hourly.data).toEqual([
      'Electricity use at regular intervals',
      'Bill summaries (use per billing period)',
    ]);
    expect(hourly.intervalLength).toBe('1 hour');
    expect(hourly.blockLength).toBe('month');
    expect(hourly.history).toBe('3 years');
    expect(hourly.access).toBe('ongoing');
    expect(hourly.technical.map((t) => t.fb)).toEqual([13, 14, 19, 37, 39]);
    expect(hourly.summary).toBe(
      'Electricity use at regular intervals, bill summaries (use per billing period) (intervals of 1 hour); 3 years of history; ongoing.',
    );

    const seed = describeScope(
      'FB=1_3_4_5_13_14_39;IntervalDuration=3600;BlockDuration=monthly;HistoryLength=13',
    );
    expect(seed.history).toBe('13 months');
  });

  it('describes gas, water, net metering, costs, demand and power quality', () => {
    const d = describeScope(
      'FB=3_4_6_7_8_10_11_12_16_17_27_28_29;IntervalDuration=900_3600;HistoryLength=34128000',
    );
    expect(d.data).toEqual([
      'Electricity demand (your peak power draw)',
      'Net metering: energy used minus energy sent to the grid',
      'Energy you took from the grid and energy you sent back (solar)',
      'Natural gas use',
      'Water use',
      'The cost of your use in each interval',
      'Bill summaries with costs',
      'Power quality summaries (voltage, interruptions)',
      'Summary peak demand and previous-day figures',
      'Costs so far in the current billing period',
      'Temperature readings',
    ]);
    expect(d.intervalLength).toBe('15 minutes or 1 hour');
    expect(d.history).toBe('395 days (about 13 months)');
  });

  it('tells one-time from ongoing access', () => {
    expect(describeScope('FB=2_4_5').access).toBe('one-time');
    expect(describeScope('FB=2_3_4_5').access).toBe('ongoing');
    expect(describeScope('FB=2_4_5').accessText).toMatch(/once/);
  });

  it('flags bulk access, account collections, frequency and personal data', () => {
    const d = describeScope('FB=3_4_5_35_51_58;BR=17;AccountCollection=3;SubscriptionFrequency=3600');
    expect(d.bulk).toMatch(/bulk request 17/);
    expect(d.accounts).toBe('Covers 3 meters or accounts');
    expect(d.updates).toBe('every 1 hour');
    expect(d.personalData).toBe(true);
    expect(d.data).toContain('Your service address');
    expect(d.summary).toMatch(/; bulk\.$/);
  });

  it('keeps unknown terms and problems as notes', () => {
    expect(describeScope('FB=3;Custom=1;FB=x').notes).toEqual([
      'Unrecognised term Custom=1',
      'Function block "x" is not a number.',
    ]);
  });
});

describe('durationInWords', () => {
  it.each([
    [900, '15 minutes'],
    [3600, '1 hour'],
    [86400, '1 day'],
    [604800, '1 week'],
    [2592000, '1 month'],
    [34128000, '395 days (about 13 months)'],
    [63072000, '2 years'],
    [45, '45 seconds'],
  ])('%i s is %s', (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });
});
