import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from, for rate limiting. Anyone can send `X-Forwarded-For`, so
 * it is read only behind a proxy the configuration trusts, and then only its last entry: the
 * one that proxy appended.
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() : undefined;
  return forwarded || getConnInfo(c).remote.address || 'unknown';
}
