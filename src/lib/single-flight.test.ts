import { expect, test } from 'vitest';
import { singleFlight } from './single-flight.ts';

test('concurrent callers share one call; a later caller starts a new one', async () => {
  let calls = 0;
  let release: (value: number) => void = () => {};
  const renew = singleFlight(() => {
    calls++;
    return new Promise<number>((resolve) => (release = resolve));
  });
  const first = renew();
  const second = renew();
  release(7);
  await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
  expect(calls).toBe(1);
  const third = renew();
  release(8);
  await expect(third).resolves.toBe(8);
  expect(calls).toBe(2);
});

test('a failure is shared too, and does not stick', async () => {
  let calls = 0;
  const renew = singleFlight(async () => {
    calls++;
    if (calls === 1) throw new Error('refresh refused');
    return 'ok';
  });
  await expect(Promise.all([renew(), renew()])).rejects.toThrow('refresh refused');
  await expect(renew()).resolves.toBe('ok');
});
