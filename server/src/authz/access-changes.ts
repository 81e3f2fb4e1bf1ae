/**
 * Told about every change to who may do what, so that open websocket connections follow it at
 * once: write access gained or lost, a revision no longer visible closed with a reason.
 */
export interface AccessChanges {
  /** A participant's role, pen, sections or delegation changed, or they were removed. */
  participantChanged(meetingId: string, userId: string): void;
}
