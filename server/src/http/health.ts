import { Hono } from 'hono';
import type { Rooms } from '../collab/rooms.ts';

/** `GET /api/health`: the process is up and serving; used by load balancers and tests. */
export function healthRoutes({ rooms }: { rooms: Rooms }) {
  return new Hono().get('/health', (c) => c.json({ status: 'ok', openRevisions: rooms.openRevisionIds.length }));
}
