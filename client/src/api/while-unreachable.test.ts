import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './http.ts';
import { whileUnreachable } from './while-unreachable.ts';

const unreachable = () => new ApiRequestError(0, 'unreachable', 'Zerodraft cannot reach its server.');

describe('whileUnreachable', () => {
  it('waits through a server restart and answers with what the server sends once it is back', async () => {
    const failures = [unreachable(), new ApiRequestError(503, 'unexpected_error', 'HTTP 503')];
    let calls = 0;
    const answer = await whileUnreachable(
      async () => {
        calls++;
        const failure = failures.shift();
        if (failure) throw failure;
        return 'Draft 1';
      },
      undefined,
      [1, 1, 1],
    );
    expect(answer).toBe('Draft 1');
    expect(calls).toBe(3);
  });

  it('gives up after the last wait with the error the user should read', async () => {
    let calls = 0;
    const failing = whileUnreachable(
      async () => {
        calls++;
        throw unreachable();
      },
      undefined,
      [1, 1],
    );
    await expect(failing).rejects.toMatchObject({ status: 0, message: 'Zerodraft cannot reach its server.' });
    expect(calls).toBe(3);
  });

  it('does not retry an answer the server meant, such as a revision that is not there', async () => {
    let calls = 0;
    const failing = whileUnreachable(
      async () => {
        calls++;
        throw new ApiRequestError(404, 'not_found', 'The revision does not exist.');
      },
      undefined,
      [1, 1],
    );
    await expect(failing).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  it('stops waiting when the page is left', async () => {
    const leaving = new AbortController();
    const failing = whileUnreachable(
      async () => {
        leaving.abort(new DOMException('The page was left', 'AbortError'));
        throw unreachable();
      },
      leaving.signal,
      [60_000],
    );
    await expect(failing).rejects.toMatchObject({ name: 'AbortError' });
  });
});
