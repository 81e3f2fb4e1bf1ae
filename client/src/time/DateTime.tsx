import { type Clock, formatDateTime, readerClock } from './format.ts';

/**
 * A moment in the venue's time. The reader's own time is offered alongside when it differs:
 * as a tooltip, or written out with `both`, as a deadline should be (DESIGN.md §5).
 */
export function DateTime({ iso, clock, both = false }: { iso: string; clock: Clock; both?: boolean }) {
  const venue = formatDateTime(iso, clock);
  const reader = readerClock();
  const readerText = reader.timeZone === clock.timeZone ? null : formatDateTime(iso, reader);
  return (
    <time dateTime={iso} title={both ? undefined : (readerText ?? undefined)}>
      {venue}
      {both && readerText && ` — ${readerText}`}
    </time>
  );
}
