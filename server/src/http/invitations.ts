import { randomBytes, randomUUID } from 'node:crypto';
import {
  AcceptInvitationRequest,
  type CreatedInvitation,
  CreateInvitationRequest,
  type InvitationList,
  type InvitationPreview,
  type InvitationStatus,
  NewPassword,
} from '@zerodraft/shared/api/invitations.ts';
import { placeProblem } from '@zerodraft/shared/api/participants.ts';
import { type Context, Hono } from 'hono';
import { personIn, recordAct } from '../audit/audit-log.ts';
import { clientAddress } from '../auth/client-address.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import type { SignInLimiter } from '../auth/rate-limit.ts';
import { hashToken, type Sessions } from '../auth/sessions.ts';
import type { AccessChanges } from '../authz/access-changes.ts';
import { authorizePlacement } from '../authz/placement.ts';
import { authorize, standingIn } from '../authz/standing.ts';
import type { Config } from '../config.ts';
import type { InvitationRecord, Store, UserRecord } from '../store/store.ts';
import type { AppEnv } from './context.ts';
import { HttpError, notFound, notSignedIn, parseJson } from './errors.ts';
import { describeMe } from './me.ts';
import { isAllowedOrigin } from './security.ts';
import { setSessionCookie } from './session.ts';

export interface InvitationRoutesOptions {
  store: Store;
  sessions: Sessions;
  signInLimiter: SignInLimiter;
  accessChanges: AccessChanges;
  config: Pick<Config, 'allowedOrigins' | 'trustProxy' | 'invitationTtlMs' | 'cookieSecure' | 'sessionTtlMs'>;
}

function statusOf(invitation: InvitationRecord, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  return new Date(invitation.expiresAt) <= now ? 'expired' : 'pending';
}

const used = () =>
  new HttpError(
    410,
    'invitation_used',
    'This invitation has already been used. Sign in, or ask the Secretariat for a new invitation.',
  );
const expired = () =>
  new HttpError(410, 'invitation_expired', 'This invitation has expired. Ask the Secretariat for a new one.');

/** Why a link no longer admits anyone, as a 410 the invitee can act on; null while it does. */
function gone(invitation: InvitationRecord, now: Date): HttpError | null {
  const status = statusOf(invitation, now);
  return status === 'accepted' ? used() : status === 'expired' ? expired() : null;
}

/**
 * Invitations by link (the product sends no mail): the Chair or the Secretariat creates one
 * for an email, role and delegation and copies the link; the invitee opens it, sets a password
 * (or gives the one of their existing account) and joins. Links expire and work once; only a
 * hash of each token is stored, as for sessions.
 */
export function invitationRoutes({ store, sessions, signInLimiter, accessChanges, config }: InvitationRoutesOptions) {
  /** The link's own origin: the page the Chair or Secretariat is using, when it is one we serve. */
  function linkOrigin(c: Context): string {
    const origin = c.req.header('origin');
    return origin && isAllowedOrigin(origin, c.req.url, config) ? new URL(origin).origin : new URL(c.req.url).origin;
  }

  async function findByToken(token: string): Promise<InvitationRecord> {
    const invitation = token.length <= 256 ? await store.findInvitationByTokenHash(hashToken(token)) : undefined;
    if (!invitation)
      throw new HttpError(404, 'not_found', 'This invitation link is not valid. Check that it was copied whole.');
    return invitation;
  }

  async function openInvitation(token: string): Promise<InvitationRecord> {
    const invitation = await findByToken(token);
    const refusal = gone(invitation, new Date());
    if (refusal) throw refusal;
    return invitation;
  }

  /** The account accepting: the existing one if its password is right (rate-limited like sign-in), or a new one. */
  async function accountFor(
    c: Context,
    invitation: InvitationRecord,
    { name, password }: AcceptInvitationRequest,
  ): Promise<UserRecord> {
    const existing = await store.findUserByEmail(invitation.email);
    if (existing) {
      const proved = await signInLimiter.attempt(existing.email, clientAddress(c, config.trustProxy), async () =>
        (await verifyPassword(password, existing.passwordHash)) ? existing : null,
      );
      if (!proved)
        throw new HttpError(
          401,
          'wrong_credentials',
          `${invitation.email} already has a Zerodraft account, and that is not its password. Enter the password you sign in with.`,
        );
      return proved;
    }
    if (!name) throw new HttpError(400, 'name_required', 'Give your name, as the other participants will see it.');
    const checked = NewPassword.safeParse(password);
    if (!checked.success)
      throw new HttpError(400, 'weak_password', checked.error.issues[0]?.message ?? 'Choose a longer password.');
    const passwordHash = await hashPassword(password);
    try {
      return await store.createUser({ id: randomUUID(), email: invitation.email, name, passwordHash });
    } catch (error) {
      // Another acceptance of the same link created the account first, and claims the link.
      if (await store.findUserByEmail(invitation.email)) throw used();
      throw error;
    }
  }

  return new Hono<AppEnv>()
    .post('/meetings/:meetingId/invitations', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const request = await parseJson(c, CreateInvitationRequest);
      const inMeeting = await standingIn(store, principal, c.req.param('meetingId'));
      if (!inMeeting) throw notFound('The meeting');
      authorize(inMeeting, 'manageParticipants');

      const meetingId = inMeeting.meeting.id;
      const delegation = await store.findDelegation(request.delegationId);
      if (!delegation || delegation.meetingId !== meetingId)
        throw new HttpError(400, 'invalid_request', 'That delegation is not part of this meeting. Add it first.');
      const problem = placeProblem(request);
      if (problem) throw new HttpError(400, 'invalid_request', problem);
      const email = request.email.toLowerCase();
      const user = await store.findUserByEmail(email);
      const alreadyInvited = (await store.listInvitations(meetingId)).find(
        (i) => i.email === email && i.acceptedAt === null && new Date(i.expiresAt) > new Date(),
      );
      if (alreadyInvited) {
        throw new HttpError(
          409,
          'already_invited',
          `${email} already has an invitation to this meeting that has not been used; it expires at ${alreadyInvited.expiresAt}.`,
        );
      }
      authorizePlacement(inMeeting, {
        userId: user?.id ?? null,
        before: null,
        after: { role: request.role, hasPen: request.hasPen ?? false },
      });
      if (user && (await store.findParticipant(meetingId, user.id)))
        throw new HttpError(
          409,
          'already_participant',
          `${email} already takes part in this meeting. Change their role on the roster instead.`,
        );

      const token = randomBytes(32).toString('base64url');
      const invitation = await store.createInvitation({
        id: randomUUID(),
        tokenHash: hashToken(token),
        meetingId,
        delegationId: delegation.id,
        email,
        role: request.role,
        hasPen: request.hasPen ?? false,
        sections: request.sections ?? [],
        invitedBy: principal.user.id,
        expiresAt: new Date(Date.now() + config.invitationTtlMs).toISOString(),
      });
      await recordAct(store, inMeeting, {
        action: 'invitation.create',
        target: personIn(email, delegation.name),
        detail: {
          role: invitation.role,
          hasPen: invitation.hasPen,
          sections: invitation.sections,
          expiresAt: invitation.expiresAt,
        },
      });
      const body: CreatedInvitation = {
        id: invitation.id,
        url: `${linkOrigin(c)}/invitations/${token}`,
        expiresAt: invitation.expiresAt,
      };
      return c.json(body, 201);
    })
    .get('/meetings/:meetingId/invitations', async (c) => {
      const principal = c.get('principal');
      if (!principal) throw notSignedIn();
      const inMeeting = await standingIn(store, principal, c.req.param('meetingId'));
      if (!inMeeting) throw notFound('The meeting');
      authorize(inMeeting, 'manageParticipants');

      const [invitations, delegations] = await Promise.all([
        store.listInvitations(inMeeting.meeting.id),
        store.listDelegations(inMeeting.meeting.id),
      ]);
      const now = new Date();
      const body: InvitationList = { invitations: [] };
      for (const i of invitations) {
        const delegation = delegations.find((d) => d.id === i.delegationId);
        if (!delegation) continue;
        body.invitations.push({
          id: i.id,
          email: i.email,
          role: i.role,
          delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
          hasPen: i.hasPen,
          sections: i.sections,
          status: statusOf(i, now),
          createdAt: i.createdAt,
          expiresAt: i.expiresAt,
          acceptedAt: i.acceptedAt,
        });
      }
      return c.json(body);
    })
    .get('/invitations/:token', async (c) => {
      const invitation = await openInvitation(c.req.param('token'));
      const [meeting, delegation, account] = await Promise.all([
        store.findMeeting(invitation.meetingId),
        store.findDelegation(invitation.delegationId),
        store.findUserByEmail(invitation.email),
      ]);
      if (!meeting || !delegation) throw notFound('The meeting of this invitation');
      const body: InvitationPreview = {
        meeting: { id: meeting.id, title: meeting.title },
        delegation: { id: delegation.id, name: delegation.name, code: delegation.code },
        role: invitation.role,
        email: invitation.email,
        accountExists: account !== undefined,
        expiresAt: invitation.expiresAt,
      };
      return c.json(body);
    })
    .post('/invitations/:token/accept', async (c) => {
      const token = c.req.param('token');
      const request = await parseJson(c, AcceptInvitationRequest);
      const invitation = await openInvitation(token);
      const user = await accountFor(c, invitation, request);

      // The store's claim is the arbiter: of two acceptances racing, one wins; the other learns why.
      if (!(await store.acceptInvitation(invitation.id, user.id, new Date().toISOString())))
        throw gone(await findByToken(token), new Date()) ?? used();
      accessChanges.participantChanged(invitation.meetingId, user.id);

      const { token: sessionToken, session } = await sessions.start(user);
      const joined = await standingIn(store, session, invitation.meetingId);
      if (joined)
        await recordAct(store, joined, {
          action: 'invitation.accept',
          target: personIn(user.name, joined.delegation.name),
          detail: { invitationId: invitation.id, email: invitation.email, role: invitation.role },
        });
      setSessionCookie(c, sessionToken, config);
      return c.json(await describeMe(store, user));
    });
}
