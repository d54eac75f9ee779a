import { useState } from 'react';
import { nowInSeconds } from '../../../espi/index.ts';

/**
 * The time the component first rendered, in epoch seconds: what reminders ("Ends in 12 days") and the
 * renewal date are counted from. Fixed for the component's life, so a render stays pure (a re-render
 * never moves a date); day-sized figures do not need a ticking clock.
 */
export function useNowSeconds(): number {
  const [now] = useState(() => nowInSeconds());
  return now;
}
