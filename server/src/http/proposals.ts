import {
  DecisionRequest,
  ParagraphStatusRequest,
  type ParagraphStatusSaved,
  type ProposalActResult,
  type ProposalSaved,
  RationaleRequest,
  SectionStateRequest,
  type SectionStateSaved,
  StanceRequest,
} from '@zerodraft/shared/api/proposals.ts';
import { type Context, Hono } from 'hono';
import { type RevisionStanding, standingOnRevision } from '../authz/standing.ts';
import {
  type ActParts,
  decide,
  setParagraphStatus,
  setRationale,
  setSectionState,
  setStance,
  withdraw,
} from '../proposals/acts.ts';
import type { AppEnv } from './context.ts';
import { notFound, notSignedIn, parseJson } from './errors.ts';

/** The caller's standing towards the revision of the path; 404 when it does not exist for them. */
async function revisionStanding(c: Context<AppEnv>, parts: ActParts): Promise<RevisionStanding> {
  const principal = c.get('principal');
  if (!principal) throw notSignedIn();
  const standing = await standingOnRevision(parts.store, principal, c.req.param('revisionId') ?? '');
  if (!standing) throw notFound('The revision');
  return standing;
}

/**
 * Acts on a circulated revision (issue 5): stances, rationales, withdrawals and decisions on
 * proposals, paragraph status and open or closed sections. Each is one change of the
 * revision's text and records, made by the server (proposals/acts.ts).
 */
export function proposalRoutes(parts: ActParts) {
  const proposalPath = '/revisions/:revisionId/proposals/:proposalId';
  return new Hono<AppEnv>()
    .put(`${proposalPath}/stance`, async (c) => {
      const standing = await revisionStanding(c, parts);
      const { stance } = await parseJson(c, StanceRequest);
      const proposal = await setStance(parts, standing, c.req.param('proposalId'), stance);
      return c.json({ proposal } satisfies ProposalSaved);
    })
    .put(`${proposalPath}/rationale`, async (c) => {
      const standing = await revisionStanding(c, parts);
      const { rationale } = await parseJson(c, RationaleRequest);
      const proposal = await setRationale(parts, standing, c.req.param('proposalId'), rationale);
      return c.json({ proposal } satisfies ProposalSaved);
    })
    .post(`${proposalPath}/withdraw`, async (c) => {
      const standing = await revisionStanding(c, parts);
      const result = await withdraw(parts, standing, c.req.param('proposalId'));
      return c.json(result satisfies ProposalActResult);
    })
    .post('/revisions/:revisionId/decisions', async (c) => {
      const standing = await revisionStanding(c, parts);
      const request = await parseJson(c, DecisionRequest);
      const result = await decide(parts, standing, request);
      return c.json(result satisfies ProposalActResult);
    })
    .put('/revisions/:revisionId/paragraphs/:pid/status', async (c) => {
      const standing = await revisionStanding(c, parts);
      const { status } = await parseJson(c, ParagraphStatusRequest);
      const saved = await setParagraphStatus(parts, standing, c.req.param('pid'), status);
      return c.json(saved satisfies ParagraphStatusSaved);
    })
    .put('/revisions/:revisionId/sections/:sid/state', async (c) => {
      const standing = await revisionStanding(c, parts);
      const { closed } = await parseJson(c, SectionStateRequest);
      const saved = await setSectionState(parts, standing, c.req.param('sid'), closed);
      return c.json(saved satisfies SectionStateSaved);
    });
}
