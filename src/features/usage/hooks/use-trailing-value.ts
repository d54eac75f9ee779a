import { startTransition, useEffect, useState } from 'react';

/**
 * `value` one commit behind: it is taken up only after the render that brought it has been committed, in a
 * transition of its own. A component that draws two heavy things gives the second one this value, so the
 * browser gets a frame between the two instead of one long task for both (a recharts chart settles its
 * layout in a commit React cannot interrupt). Undefined until the first commit.
 */
export function useTrailingValue<T>(value: T): T | undefined {
  const [trailing, setTrailing] = useState<T>();
  useEffect(() => {
    startTransition(() => setTrailing(() => value));
  }, [value]);
  return trailing;
}
