import { demoAccounts } from '@zerodraft/server/demo/seed.ts';
import { ApiError } from '@zerodraft/shared/api/errors.ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../helpers/api.ts';
import { chair, mexico, newServer } from '../helpers/test-server.ts';

function signInAs(url: string, email: string, password: string, headers: Record<string, string> = {}) {
  return api(url, 'POST', '/api/session', { body: { email, password }, headers });
}

async function expectRefusedFor(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  const { error } = ApiError.parse(await response.json());
  expect(error.message).toBe(`Too many sign-in attempts. Try again in ${retryAfter} s.`);
  return retryAfter;
}

describe('Sign-in rate limiting', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('refuses the sixth failed sign-in on an account with 429 and Retry-After, and no other account', async () => {
    const server = await newServer();
    for (const email of [mexico.email, mexico.email.toUpperCase(), mexico.email, mexico.email, mexico.email]) {
      expect((await signInAs(server.url, email, 'not-the-password')).status).toBe(401);
    }

    const refused = await signInAs(server.url, mexico.email, mexico.password);
    expect(await expectRefusedFor(refused)).toBe(60);
    expect(refused.headers.getSetCookie()).toEqual([]);

    expect((await signInAs(server.url, chair.email, chair.password)).status).toBe(200);
  });

  it("forgets an account's failures once it signs in", async () => {
    const server = await newServer();
    for (let i = 0; i < 4; i++) expect((await signInAs(server.url, mexico.email, 'wrong')).status).toBe(401);
    expect((await signInAs(server.url, mexico.email, mexico.password)).status).toBe(200);

    for (let i = 0; i < 5; i++) expect((await signInAs(server.url, mexico.email, 'wrong')).status).toBe(401);
    await expectRefusedFor(await signInAs(server.url, mexico.email, mexico.password));
  });

  it('limits one address across accounts, whatever X-Forwarded-For it claims', async () => {
    const server = await newServer();
    const accounts = demoAccounts.slice(0, 5);
    for (const [i, account] of accounts.entries()) {
      for (let j = 0; j < 4; j++) {
        const spoofed = { 'x-forwarded-for': `203.0.113.${i * 4 + j}` };
        expect((await signInAs(server.url, account.email, 'wrong', spoofed)).status).toBe(401);
      }
    }
    const sixth = demoAccounts[5];
    if (!sixth) throw new Error('The demo has fewer than six accounts');
    await expectRefusedFor(await signInAs(server.url, sixth.email, sixth.password));
  });

  it("counts the address a trusted proxy appended to X-Forwarded-For, not the client's own claim", async () => {
    const server = await newServer({ trustProxy: true });
    const accounts = demoAccounts.slice(0, 5);
    for (const account of accounts) {
      for (let j = 0; j < 4; j++) {
        const forwarded = { 'x-forwarded-for': `10.9.9.${j}, 198.51.100.20` };
        expect((await signInAs(server.url, account.email, 'wrong', forwarded)).status).toBe(401);
      }
    }
    const sixth = demoAccounts[5];
    if (!sixth) throw new Error('The demo has fewer than six accounts');
    await expectRefusedFor(
      await signInAs(server.url, sixth.email, sixth.password, { 'x-forwarded-for': '198.51.100.20' }),
    );
    const elsewhere = await signInAs(server.url, sixth.email, sixth.password, { 'x-forwarded-for': '198.51.100.21' });
    expect(elsewhere.status).toBe(200);
  });

  it('never writes a password to the log, whatever goes wrong', async () => {
    const server = await newServer();
    const written: unknown[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(...args);
      });
    }
    const secret = 'correct horse battery staple';
    const responses = [];
    for (let i = 0; i < 6; i++) responses.push(await signInAs(server.url, mexico.email, secret));
    responses.push(await signInAs(server.url, 'nobody@bms7.example', secret));
    responses.push(await signInAs(server.url, 'not an email', secret));
    responses.push(await signInAs(server.url, mexico.email, secret.repeat(100)));
    responses.push(
      await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"email": "${mexico.email}", "password": "${secret}"`,
      }),
    );

    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429, 401, 400, 400, 400]);
    const answered = (await Promise.all(responses.map((r) => r.text()))).join('\n');
    const logged = written.map((w) => (w instanceof Error ? `${w.message}\n${w.stack}` : String(w))).join('\n');
    expect(answered).not.toContain(secret);
    expect(logged).not.toContain(secret);
  });
});
