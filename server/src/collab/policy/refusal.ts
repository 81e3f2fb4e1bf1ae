/**
 * Why the policy refuses an update, in words a delegate understands: the message becomes the
 * close reason (DESIGN.md §3, step 3), so it stays short (close reasons are cut at 123 bytes).
 */
export class Refusal extends Error {
  override readonly name = 'Refusal';
}

export function refuse(reason: string): never {
  throw new Refusal(reason);
}

/** A name from the document or the update, quoted and cut short enough for a close reason. */
export function quoted(name: string, max = 24): string {
  return `"${name.length > max ? `${name.slice(0, max - 1)}…` : name}"`;
}
