import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccessChanges } from '../authz/access-changes.ts';
import { SqliteStore } from '../store/sqlite.ts';
import type { AppEnv } from './context.ts';
import { errorResponse } from './errors.ts';
import { participantRoutes } from './participants.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A meeting with a Chair (Kenya) and a delegate (Mexico); `actingAs` serves the routes to one of them. */
async function meeting() {
  const dir = mkdtempSync(join(tmpdir(), 'zd-participants-'));
  dirs.push(dir);
  const store = new SqliteStore({ path: join(dir, 'zerodraft.db') });
  await store.createMeeting({
    id: 'm1',
    title: 'BMS7',
    symbol: 'A/CONF.192/BMS/2021',
    venue: 'New York',
    timeZone: 'America/New_York',
    startsOn: null,
    endsOn: null,
  });
  for (const [userId, name, code, role] of [
    ['u-chair', 'Amina Wanjiru', 'KEN', 'chair'],
    ['u-lucia', 'Lucía Hernández', 'MEX', 'delegation'],
  ] as const) {
    await store.createUser({ id: userId, email: `${userId}@example.org`, name, passwordHash: 'x' });
    await store.createDelegation({ id: code, meetingId: 'm1', name: code, code, kind: 'state' });
    await store.addParticipant({ meetingId: 'm1', userId, delegationId: code, role, hasPen: false, sections: [] });
  }
  const told: string[] = [];
  const accessChanges: AccessChanges = {
    participantChanged: (meetingId, userId) => told.push(`${meetingId}/${userId}`),
  };
  const actingAs = async (userId: string) => {
    const user = await store.findUserById(userId);
    if (!user) throw new Error(userId);
    const app = new Hono<AppEnv>();
    app.onError(errorResponse);
    app.use(async (c, next) => {
      c.set('principal', { kind: 'session', user, tokenHash: 'h', expiresAt: new Date(Date.now() + 60_000) });
      await next();
    });
    return app.route('/api', participantRoutes({ store, accessChanges }));
  };
  const patch = (body: unknown) => ({
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { store, told, actingAs, patch };
}

describe('participant routes', () => {
  it('tells open connections of a role change and of a removal, and of nothing else', async () => {
    const { store, told, actingAs, patch } = await meeting();
    const chair = await actingAs('u-chair');
    const lucia = await actingAs('u-lucia');

    expect((await lucia.request('/api/meetings/m1/participants/u-chair', patch({ role: 'observer' }))).status).toBe(
      403,
    );
    expect((await chair.request('/api/meetings/m1/participants/u-lucia', patch({ hasPen: true }))).status).toBe(400);
    expect((await chair.request('/api/meetings/m1/participants/u-chair', patch({ role: 'observer' }))).status).toBe(
      403,
    );
    expect((await chair.request('/api/meetings/m1/participants/u-lucia', patch({ role: 'delegation' }))).status).toBe(
      200,
    );
    expect(told).toEqual([]);

    expect((await chair.request('/api/meetings/m1/participants/u-lucia', patch({ role: 'observer' }))).status).toBe(
      200,
    );
    expect(told).toEqual(['m1/u-lucia']);
    expect((await chair.request('/api/meetings/m1/participants/u-lucia', { method: 'DELETE' })).status).toBe(204);
    expect(told).toEqual(['m1/u-lucia', 'm1/u-lucia']);
    expect((await store.listAudit({ meetingId: 'm1' })).map((e) => e.action)).toEqual([
      'participant.remove',
      'participant.update',
    ]);
    await store.close();
  });
});
