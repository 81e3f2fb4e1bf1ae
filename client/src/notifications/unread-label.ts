/** The accessible name of the header's notifications link: "Notifications, 2 unread". */
export function unreadLabel(unread: number | null): string {
  if (unread === null) return 'Notifications';
  return `Notifications, ${unread === 0 ? 'none' : unread} unread`;
}
