import { performance } from 'node:perf_hooks';
import { DOCUMENT_FIELD } from '@zerodraft/shared/protocol.ts';
import * as Y from 'yjs';
import { ShadowDoc } from '../shadow.ts';
import { checkUpdate, type Sender } from './suggestion-policy.ts';

/** How long the policy took over each keystroke, in milliseconds. */
export interface KeystrokeTimings {
  /** The check alone (`checkUpdate`). */
  check: number[];
  /** Trying the update on the shadow copy and checking it, as `Room` does for each update. */
  tryAndCheck: number[];
}

/**
 * For `pnpm bench` (issue 5: one keystroke's check, p99 < 2 ms on a 1,500-paragraph revision
 * with 500 pending proposals): `sender` types `count` characters at the end of paragraph `pid`,
 * one update each, in their own name (`attributes`: the Y.Text attributes each character
 * carries, e.g. the sender's insertion mark). Each update is tried on a shadow copy of `room`
 * and checked as `Room` does, then applied to `room`. Throws if one is refused.
 */
export function timeKeystrokeChecks(
  room: Y.Doc,
  sender: Sender,
  pid: string,
  count: number,
  attributes: Record<string, unknown> = {},
): KeystrokeTimings {
  const shadow = new ShadowDoc(room);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const paragraph = [
    ...client.getXmlFragment(DOCUMENT_FIELD).createTreeWalker((node) => node instanceof Y.XmlElement),
  ].find((node) => (node as Y.XmlElement).getAttribute('pid') === pid);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`Paragraph ${pid} holds no text to type into`);
  const timings: KeystrokeTimings = { check: [], tryAndCheck: [] };
  try {
    for (let i = 0; i < count; i++) {
      const before = Y.encodeStateVector(client);
      text.insert(text.length, i % 6 === 5 ? ' ' : 'a', { ...attributes });
      const update = Y.encodeStateAsUpdate(client, before);
      const start = performance.now();
      if (shadow.try(update, room) !== 'changes' || !shadow.lastChange) throw new Error('A keystroke changed nothing');
      const tried = performance.now();
      const verdict = checkUpdate(room, shadow.lastChange, sender);
      const checked = performance.now();
      if (!verdict.accepted) throw new Error(`Keystroke ${i + 1} was refused: ${verdict.reason}`);
      timings.check.push(checked - tried);
      timings.tryAndCheck.push(checked - start);
      Y.applyUpdate(room, update);
    }
  } finally {
    shadow.destroy();
    client.destroy();
  }
  return timings;
}
