import { ComparisonQuery, type RevisionComparison } from '@zerodraft/shared/api/comparison.ts';
import { Hono } from 'hono';
import { type ComparisonParts, compareRevisions } from '../comparison/compare-revisions.ts';
import type { AppEnv } from './context.ts';
import { requireDocumentStanding } from './standing.ts';

/** The comparison of two revisions of a document (issue 6), for whoever may read both. */
export function comparisonRoutes(parts: ComparisonParts) {
  return new Hono<AppEnv>().get('/documents/:documentId/comparison', async (c) => {
    const { standing, document } = await requireDocumentStanding(c, parts.store, c.req.param('documentId'));
    const query = ComparisonQuery.parse(c.req.query());
    return c.json((await compareRevisions(parts, standing, document, query)) satisfies RevisionComparison);
  });
}
