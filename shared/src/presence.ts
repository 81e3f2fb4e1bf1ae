/**
 * What each connected client publishes in the `user` field of its Yjs awareness state. The
 * server overwrites it with the signed-in user's own name and delegation (DESIGN.md §3), so
 * the client only fills in what the server will also say.
 */
export interface PresenceUser {
  /** The person, e.g. "Amina Odhiambo". */
  name: string;
  /** The delegation the person speaks for, e.g. "Kenya". */
  delegation: string;
  /** `#rrggbb`, from `delegationColour(delegation code)`. */
  colour: string;
}

/**
 * Twelve hues far enough apart to tell delegations apart at a glance, each dark enough that
 * white label text on it reaches WCAG AA contrast (4.5:1). Six-digit hex because the
 * collaboration caret appends an alpha byte to draw the selection highlight.
 */
export const DELEGATION_PALETTE = [
  '#0b5cad',
  '#b3261e',
  '#1b7a3a',
  '#7b3fa6',
  '#a34700',
  '#00707a',
  '#c2185b',
  '#5c6b00',
  '#4a4fb8',
  '#7a5200',
  '#455a64',
  '#8e244d',
] as const;

/**
 * The colour of a delegation wherever it appears (carets, presence chips), the same on every
 * screen and every day: a hash of its code picks from the palette. Two delegations may share a
 * colour; the chip and caret label always carry the delegation's name as well.
 */
export function delegationColour(delegationCode: string): string {
  let hash = 0x811c9dc5;
  for (const char of delegationCode.trim().toUpperCase()) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  // FNV-1a alone leaves the low bits of short codes poorly mixed; MurmurHash3's finaliser fixes
  // that before the modulo.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash = (hash ^ (hash >>> 16)) >>> 0;
  return DELEGATION_PALETTE[hash % DELEGATION_PALETTE.length] ?? DELEGATION_PALETTE[0];
}
