import { type ApiTokenList, CreateApiTokenRequest, type CreatedApiToken } from '@zerodraft/shared/api/tokens.ts';
import { Hono } from 'hono';
import type { ApiTokens } from '../auth/api-tokens.ts';
import { standingIn } from '../authz/standing.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, parseJson } from './errors.ts';
import { requireSession } from './session.ts';

/**
 * Personal API tokens: `POST /api/meetings/:meetingId/tokens` creates one for a meeting the
 * caller takes part in, `GET /api/tokens` lists one's own, `DELETE /api/tokens/:id` revokes one.
 * Only a signed-in browser manages them (`requireSession`): a token cannot mint tokens.
 */
export function tokenRoutes({ store, apiTokens }: { store: Store; apiTokens: ApiTokens }) {
  return new Hono<AppEnv>()
    .post('/meetings/:meetingId/tokens', async (c) => {
      const session = requireSession(c);
      const { name } = await parseJson(c, CreateApiTokenRequest);
      // Any participant may script what they may do by hand; the token carries no more than that.
      const inMeeting = await standingIn(store, session, c.req.param('meetingId'));
      if (!inMeeting) throw notFound('The meeting');
      const { token, record } = await apiTokens.create(session.user.id, inMeeting.meeting.id, name);
      const body: CreatedApiToken = {
        id: record.id,
        name: record.name,
        token,
        meetingId: record.meetingId,
        createdAt: record.createdAt,
      };
      return c.json(body, 201);
    })
    .get('/tokens', async (c) => {
      const session = requireSession(c);
      const body: ApiTokenList = {
        tokens: (await store.listApiTokens(session.user.id)).map((t) => ({
          id: t.id,
          name: t.name,
          meetingId: t.meetingId,
          createdAt: t.createdAt,
          lastUsedAt: t.lastUsedAt,
          revokedAt: t.revokedAt,
        })),
      };
      return c.json(body);
    })
    .delete('/tokens/:id', async (c) => {
      const session = requireSession(c);
      if (!(await apiTokens.revoke(c.req.param('id'), session.user.id))) throw notFound('The API token');
      return c.body(null, 204);
    });
}
