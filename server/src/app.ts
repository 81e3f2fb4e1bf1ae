import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { COLLAB_PATH } from '@zerodraft/shared/protocol.ts';
import { Hono } from 'hono';
import type { ApiTokens } from './auth/api-tokens.ts';
import { authenticate } from './auth/authenticate.ts';
import type { SignInLimiter } from './auth/rate-limit.ts';
import type { Sessions } from './auth/sessions.ts';
import type { AccessChanges } from './authz/access-changes.ts';
import type { Clock } from './clock.ts';
import { collabRoutes } from './collab/endpoint.ts';
import type { Rooms } from './collab/rooms.ts';
import type { Config } from './config.ts';
import { auditRoutes } from './http/audit.ts';
import { comparisonRoutes } from './http/comparison.ts';
import { compilationRoutes } from './http/compilation.ts';
import type { AppEnv } from './http/context.ts';
import { errorResponse } from './http/errors.ts';
import { facilitatorRoutes } from './http/facilitators.ts';
import { healthRoutes } from './http/health.ts';
import { invitationRoutes } from './http/invitations.ts';
import { meetingRoutes } from './http/meetings.ts';
import { notificationRoutes } from './http/notifications.ts';
import { participantRoutes } from './http/participants.ts';
import { proposalRoutes } from './http/proposals.ts';
import { revisionRoutes } from './http/revisions.ts';
import { csrfProtection, requestBodyLimit, securityHeaders } from './http/security.ts';
import { sessionRoutes } from './http/session.ts';
import { silenceRoutes } from './http/silence.ts';
import { tokenRoutes } from './http/tokens.ts';
import type { NotificationBus } from './notifications/bus.ts';
import type { NotificationStreams } from './notifications/streams.ts';
import type { RevisionCirculation } from './revisions/circulation.ts';
import type { SilenceProcedures } from './silence/procedures.ts';
import type { Store } from './store/store.ts';

export interface AppParts {
  store: Store;
  sessions: Sessions;
  apiTokens: ApiTokens;
  rooms: Rooms;
  /** Told of every change to a participant, so their open connections follow it. */
  accessChanges: AccessChanges;
  /** Silence procedures: started, broken, withdrawn and adopted on the server's clock. */
  silence: SilenceProcedures;
  /** Revisions started, circulated and acknowledged. */
  circulation: RevisionCirculation;
  signInLimiter: SignInLimiter;
  config: Config;
  /** The time every act is recorded at. */
  clock: Clock;
  /** Notifications: the bus that brings them, once stored, to the open streams of this instance. */
  notifications: { bus: NotificationBus; streams: NotificationStreams };
}

/** Builds the Hono app from its parts; no logic of its own. */
export function createApp({
  store,
  sessions,
  apiTokens,
  rooms,
  accessChanges,
  silence,
  circulation,
  signInLimiter,
  config,
  clock,
  notifications,
}: AppParts) {
  const app = new Hono<AppEnv>();
  app.onError(errorResponse);
  app.use(securityHeaders(config));
  app.use('/api/*', csrfProtection(config));
  app.use('/api/*', requestBodyLimit(config.maxBodyBytes));
  // Only the API and the collaboration endpoint need to know who asks; static files do not.
  const identify = authenticate({ sessions, apiTokens });
  app.use('/api/*', identify);
  app.use(`${COLLAB_PATH}/*`, identify);
  app.route('/api', healthRoutes({ rooms }));
  app.route(
    '/api',
    sessionRoutes({
      store,
      sessions,
      signInLimiter,
      trustProxy: config.trustProxy,
      cookieSecure: config.cookieSecure,
      sessionTtlMs: config.sessionTtlMs,
    }),
  );
  app.route('/api', tokenRoutes({ store, apiTokens }));
  app.route('/api', invitationRoutes({ store, sessions, signInLimiter, accessChanges, config }));
  app.route('/api', meetingRoutes({ store }));
  app.route('/api', participantRoutes({ store, accessChanges }));
  app.route('/api', auditRoutes({ store }));
  app.route('/api', proposalRoutes({ store, rooms, now: () => clock.now() }));
  app.route('/api', compilationRoutes({ store, rooms, clock }));
  app.route('/api', comparisonRoutes({ store, rooms }));
  app.route('/api', silenceRoutes({ store, silence }));
  app.route('/api', facilitatorRoutes({ store, clock }));
  app.route('/api', revisionRoutes({ store, circulation }));
  app.route(
    '/api',
    notificationRoutes({
      store,
      bus: notifications.bus,
      streams: notifications.streams,
      clock,
      keepAliveMs: config.notificationKeepAliveMs,
    }),
  );
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'not_found', message: `There is no ${c.req.method} ${c.req.path}.` } }, 404),
  );
  app.route(
    COLLAB_PATH,
    collabRoutes({ store, rooms, maxMessageBytes: config.maxMessageBytes, allowedOrigins: config.allowedOrigins }),
  );

  const clientDir = config.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    app.use('*', serveStatic({ root: clientDir }));
    // The client routes in the browser: any other page is the app's index.html.
    app.get('*', serveStatic({ root: clientDir, path: 'index.html' }));
  }
  return app;
}
