/**
 * `SUGGESTION_POLICY`, the switch `pnpm bench` uses to measure what the suggestion policy
 * costs, on the server as started in production (`node server/src/main.ts`): on unless set
 * off, really off when off (a delegate's untracked typing goes through), loud about it, and a
 * value other than on or off stops the start.
 */
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { paragraphs, plainText } from '../helpers/document-text.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { signIn } from '../helpers/session.ts';
import { announceEditor } from '../helpers/suggesting.ts';
import { makeTempDir, removeTempDir } from '../helpers/temp-dir.ts';
import { chair, mexico, newClient, newServerProcess, openDemo } from '../helpers/test-server.ts';
import { waitFor } from '../helpers/wait-for.ts';

const WARNING = 'SUGGESTION_POLICY=off: delegations can change any text. For benchmarks only.';

const firstWords = (doc: Y.Doc): Y.XmlText => {
  const text = paragraphs(doc)[0]?.get(0);
  if (!text) throw new Error('The demo draft has no paragraph');
  return text as Y.XmlText;
};

/** The Chair and Mexico on the demo draft; Mexico types "Firmly " untracked at the start of its first paragraph. */
async function mexicoTypesUntracked(server: ServerProcess) {
  const { cookie: chairCookie, revisionId } = await openDemo(server.url, chair);
  const kenya = await newClient(server.url, revisionId, chairCookie);
  const delegate = await newClient(server.url, revisionId, await signIn(server.url, mexico.email, mexico.password));
  expect(delegate.access).toMatchObject({ write: true, mode: 'propose' });
  announceEditor(delegate);
  firstWords(delegate.doc).insert(0, 'Firmly ', {});
  return { kenya, delegate };
}

describe('SUGGESTION_POLICY', () => {
  it('is on unless set: a delegate typing untracked text is refused', async () => {
    const server = await newServerProcess();
    const { kenya, delegate } = await mexicoTypesUntracked(server);
    const close = await delegate.firstClose();
    expect(close.code).toBe(CloseCode.UpdateRefused.code);
    expect(close.reason).toMatch(/the text can only change as Mexico's tracked proposal/);
    expect(plainText(firstWords(kenya.doc))).not.toMatch(/^Firmly /);
    expect(server.output()).not.toContain('SUGGESTION_POLICY');
  });

  it('off: the server warns at start, and a delegate typing untracked text reaches everyone', async () => {
    const server = await newServerProcess({ env: { SUGGESTION_POLICY: 'off' } });
    expect(server.output()).toContain(WARNING);
    const { kenya, delegate } = await mexicoTypesUntracked(server);
    await delegate.confirmPersisted(1);
    await waitFor(() => plainText(firstWords(kenya.doc)).startsWith('Firmly '), {
      what: "Mexico's untracked words at the Chair's",
    });
    expect(delegate.closes).toEqual([]);
  });

  it('stops the start on any value other than on or off', async () => {
    const dataDir = makeTempDir();
    try {
      await expect(newServerProcess({ dataDir, env: { SUGGESTION_POLICY: 'false' } })).rejects.toThrow(
        'SUGGESTION_POLICY must be on or off, got "false"',
      );
    } finally {
      removeTempDir(dataDir);
    }
  });
});
