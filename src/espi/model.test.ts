import { expect, test } from 'vitest';
import { NO_QUALITY } from './model.ts';

test('NO_QUALITY does not collide with any QualityOfReading code', () => {
  expect(NO_QUALITY).toBeGreaterThan(19);
});
