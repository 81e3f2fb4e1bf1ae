import { upgradeWebSocket } from '@hono/node-server';
import { CloseCode, type CloseReason } from '@zerodraft/shared/protocol.ts';
import { Hono } from 'hono';
import type { WebSocket } from 'ws';
import { standingOnRevision } from '../authz/standing.ts';
import type { AppEnv } from '../http/context.ts';
import { isAllowedOrigin } from '../http/security.ts';
import type { Store } from '../store/store.ts';
import { Connection } from './connection.ts';
import type { Rooms } from './rooms.ts';

export interface CollabOptions {
  store: Store;
  rooms: Rooms;
  maxMessageBytes: number;
  allowedOrigins: string[];
}

function formatBytes(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MiB', 1024 * 1024] : bytes >= 1024 ? ['KiB', 1024] : ['bytes', 1];
  const value = bytes / size;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/**
 * The y-websocket endpoint `/collab/:revisionId`. The upgrade needs a valid session (401
 * otherwise); an unknown revision is accepted and then closed with 4404, because a browser's
 * WebSocket cannot read the status of a refused upgrade.
 */
export function collabRoutes({ store, rooms, maxMessageBytes, allowedOrigins }: CollabOptions) {
  return new Hono<AppEnv>().get(
    '/:revisionId',
    async (c, next) => {
      // Browsers always send Origin on a websocket; a page of another site must not ride the
      // user's cookie into the text. Programs (no Origin) authenticate like any API client.
      const origin = c.req.header('origin');
      if (origin !== undefined && !isAllowedOrigin(origin, c.req.url, { allowedOrigins })) {
        return c.text('Connections from this origin are refused.', 403);
      }
      if (!c.get('principal')) return c.text('Sign in to open this revision.', 401);
      await next();
    },
    upgradeWebSocket(async (c) => {
      const revisionId = c.req.param('revisionId') ?? '';
      const principal = c.get('principal');
      if (!principal) throw new Error('unreachable: the principal was checked before the upgrade');
      const standing = await standingOnRevision(store, principal, revisionId);
      return {
        onOpen(_event, ws) {
          if (!standing) {
            ws.close(CloseCode.RevisionNotFound.code, CloseCode.RevisionNotFound.reason);
            return;
          }
          const connection = new Connection(ws.raw as WebSocket, standing);
          const room = rooms.open(revisionId).then(
            (r) => {
              r.join(connection);
              void rooms.reassess(r, connection);
              return r;
            },
            (error) => {
              console.error(`Revision ${revisionId}: could not be opened`, error);
              connection.close(CloseCode.InternalError);
              return null;
            },
          );
          const socket = connection.socket;
          socket.on('message', (data: Buffer, isBinary: boolean) => {
            // Refused in turn, behind the messages that arrived before it, which are still stored.
            const refuseInTurn = (close: CloseReason, detail: string) =>
              void room.then((r) =>
                r ? r.enqueue(() => connection.refuse(close, detail)) : connection.refuse(close, detail),
              );
            if (!isBinary) {
              refuseInTurn(CloseCode.MalformedMessage, 'text frames are not part of the protocol');
              return;
            }
            if (data.byteLength > maxMessageBytes) {
              refuseInTurn(
                CloseCode.MessageTooBig,
                `${formatBytes(data.byteLength)} is over the ${formatBytes(maxMessageBytes)} limit`,
              );
              return;
            }
            const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
            void room.then((r) => r?.receive(connection, bytes));
          });
          socket.on('close', () => {
            connection.markClosed();
            void room.then((r) => {
              if (!r) return;
              r.leave(connection);
              rooms.released(r);
            });
          });
        },
      };
    }),
  );
}
