import {
  BreakSilenceRequest,
  type SilenceList,
  type SilenceSaved,
  StartSilenceRequest,
} from '@zerodraft/shared/api/silence.ts';
import { type Context, Hono } from 'hono';
import { type RevisionStanding, standingOnRevision } from '../authz/standing.ts';
import type { SilenceProcedures } from '../silence/procedures.ts';
import type { Store } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn, parseJson } from './errors.ts';

async function revisionStanding(c: Context<AppEnv>, store: Store): Promise<RevisionStanding> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const standing = await standingOnRevision(store, principal, c.req.param('revisionId') ?? '');
  if (!standing) throw notFound('The revision');
  return standing;
}

/** The silence procedure of a revision (DESIGN.md §1): start, break, withdraw, and the record of each. */
export function silenceRoutes({ store, silence }: { store: Store; silence: SilenceProcedures }) {
  const path = '/revisions/:revisionId/silence';
  return new Hono<AppEnv>()
    .get(path, async (c) => {
      const standing = await revisionStanding(c, store);
      return c.json((await silence.list(standing)) satisfies SilenceList);
    })
    .post(path, async (c) => {
      const standing = await revisionStanding(c, store);
      const request = await parseJson(c, StartSilenceRequest);
      const procedure = await silence.start(standing, request);
      return c.json({ procedure } satisfies SilenceSaved, 201);
    })
    .post(`${path}/break`, async (c) => {
      const standing = await revisionStanding(c, store);
      const { objection } = await parseJson(c, BreakSilenceRequest);
      return c.json({ procedure: await silence.breakSilence(standing, objection) } satisfies SilenceSaved);
    })
    .post(`${path}/withdraw`, async (c) => {
      const standing = await revisionStanding(c, store);
      return c.json({ procedure: await silence.withdraw(standing) } satisfies SilenceSaved);
    });
}
