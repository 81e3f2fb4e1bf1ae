import { type Clock, formatDateTime, readerClock } from './format.ts';

/** A moment in the venue's time; the reader's own time is offered alongside when it differs. */
export function DateTime({ iso, clock }: { iso: string; clock: Clock }) {
  const venue = formatDateTime(iso, clock);
  const reader = readerClock();
  const readerText = reader.timeZone === clock.timeZone ? null : formatDateTime(iso, reader);
  return (
    <time dateTime={iso} title={readerText ?? undefined}>
      {venue}
    </time>
  );
}
