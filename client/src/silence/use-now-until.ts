import { useEffect, useState } from 'react';
import { untilNextChange } from './countdown.ts';

/**
 * The reader's clock, read again each time the countdown to `deadline` would say something
 * new (each minute, then each second in the last one), and no more once it has passed.
 */
export function useNowUntil(deadline: string | null): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (deadline === null) return;
    const fresh = Date.now();
    // The clock moved on since it was last read (a deadline just set, a tab woken from sleep).
    if (fresh - now.getTime() >= 1000) {
      setNow(new Date(fresh));
      return;
    }
    const wait = untilNextChange(Date.parse(deadline) - fresh);
    if (wait === null) return;
    const timer = setTimeout(() => setNow(new Date()), wait);
    return () => clearTimeout(timer);
  }, [deadline, now]);
  return now;
}
