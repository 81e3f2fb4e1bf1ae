import type { Meeting } from '@zerodraft/shared/api/meetings.ts';
import type { MeetingRecord } from '../store/store.ts';

/** A meeting as every answer of the API gives it: its stored record without what is the server's own. */
export const meetingView = (m: MeetingRecord): Meeting => ({
  id: m.id,
  title: m.title,
  symbol: m.symbol,
  venue: m.venue,
  timeZone: m.timeZone,
  startsOn: m.startsOn,
  endsOn: m.endsOn,
  silenceNoticeHours: m.silenceNoticeHours,
});
