import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { CloseCode } from '@zerodraft/shared/protocol.ts';
import { WebSocketServer } from 'ws';
import { createApp } from './app.ts';
import { ApiTokens } from './auth/api-tokens.ts';
import { SignInLimiter } from './auth/rate-limit.ts';
import { Sessions } from './auth/sessions.ts';
import { type Clock, systemClock } from './clock.ts';
import { Rooms } from './collab/rooms.ts';
import type { Config } from './config.ts';
import { InProcessBus } from './notifications/bus.ts';
import { Notifier } from './notifications/notifier.ts';
import { NotificationStreams } from './notifications/streams.ts';
import { recordNewProposals } from './proposals/record-new.ts';
import { RevisionCirculation } from './revisions/circulation.ts';
import { SilenceProcedures } from './silence/procedures.ts';
import { startSilenceScheduler } from './silence/scheduler.ts';
import type { Store } from './store/store.ts';

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Stops accepting, closes every socket with 1001, stores every open revision; the store stays open. */
  close(): Promise<void>;
}

/** How often a silent socket is pinged; one that misses a pong is dropped. */
const HEARTBEAT_MS = 30_000;

/**
 * Starts the HTTP and websocket server on `config.port` (0 picks a free port). Before it
 * listens, it adopts every silence procedure whose deadline passed while it was down.
 */
export async function startServer({
  store,
  config,
  clock = systemClock,
}: {
  store: Store;
  config: Config;
  clock?: Clock;
}): Promise<RunningServer> {
  const sessions = new Sessions(store, { ttlMs: config.sessionTtlMs });
  const notificationBus = new InProcessBus();
  const notificationStreams = new NotificationStreams({ maxOpen: config.maxNotificationStreams });
  const notifier = new Notifier({ store, bus: notificationBus });
  const rooms = new Rooms({
    store,
    idleMs: config.roomIdleMs,
    compactAfterUpdates: config.compactAfterUpdates,
    compactAfterBytes: config.compactAfterBytes,
    enforceSuggestions: config.enforceSuggestions,
    // Outside the room's queue: the record is a change of its own, queued behind the proposal.
    onProposalsAdded: (room, connection, ids) =>
      void recordNewProposals(room, connection, ids, () => clock.now()).catch((error) =>
        console.error(`Revision ${room.revisionId}: could not record new proposals`, error),
      ),
    onNotificationsStored: (stored) => notifier.published(stored),
  });
  const apiTokens = new ApiTokens(store);
  const silence = new SilenceProcedures({ store, rooms, clock, notifier });
  await silence.adoptDue();
  const app = createApp({
    store,
    sessions,
    apiTokens,
    rooms,
    accessChanges: rooms,
    silence,
    circulation: new RevisionCirculation({ store, rooms, clock, notifier }),
    signInLimiter: new SignInLimiter(),
    config,
    clock,
    notifications: { bus: notificationBus, streams: notificationStreams },
  });
  sessions.onSignOut((tokenHash) =>
    rooms.closeConnections(
      (c) => c.principal.kind === 'session' && c.principal.tokenHash === tokenHash,
      CloseCode.Unauthorized,
    ),
  );
  sessions.onSignOut((tokenHash) =>
    notificationStreams.endWhere((p) => p.kind === 'session' && p.tokenHash === tokenHash),
  );
  apiTokens.onRevoke((tokenId) => notificationStreams.endWhere((p) => p.kind === 'token' && p.tokenId === tokenId));
  apiTokens.onRevoke((tokenId) =>
    rooms.closeConnections(
      (c) => c.principal.kind === 'token' && c.principal.tokenId === tokenId,
      CloseCode.Unauthorized,
    ),
  );
  // ws enforces a hard cap itself (closing with 1009 but no reason); up to it, the endpoint
  // checks the configured limit and says why it closes.
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes * 2 });
  const server = createAdaptorServer({ fetch: app.fetch, websocket: { server: wss } });

  const alive = new WeakSet<object>();
  wss.on('connection', (socket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const heartbeat = setInterval(() => {
    const now = new Date();
    rooms.closeConnections(
      (c) => c.principal.kind === 'session' && c.principal.expiresAt <= now,
      CloseCode.Unauthorized,
    );
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const scheduler = startSilenceScheduler(silence, config.silenceSweepMs);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      clearInterval(heartbeat);
      scheduler.stop();
      notificationStreams.endAll();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await rooms.closeAll(CloseCode.GoingAway);
      for (const socket of wss.clients) socket.close(CloseCode.GoingAway.code, CloseCode.GoingAway.reason);
      if ('closeAllConnections' in server) server.closeAllConnections();
      await stopped;
    },
  };
}
