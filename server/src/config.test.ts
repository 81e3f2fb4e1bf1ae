import { describe, expect, it } from 'vitest';
import { configFromEnv, defaultConfig } from './config.ts';

describe('configFromEnv', () => {
  it('reads ALLOWED_ORIGINS as a comma-separated list of origins', () => {
    expect(
      configFromEnv({ ALLOWED_ORIGINS: 'https://drafts.example.org, http://localhost:5173/' }).allowedOrigins,
    ).toEqual(['https://drafts.example.org', 'http://localhost:5173']);
    expect(configFromEnv({}).allowedOrigins).toEqual([]);
  });

  it('stops start-up on an ALLOWED_ORIGINS entry that is not an origin', () => {
    expect(() => configFromEnv({ ALLOWED_ORIGINS: 'https://drafts.example.org/app' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => configFromEnv({ ALLOWED_ORIGINS: 'drafts.example.org' })).toThrow(/ALLOWED_ORIGINS/);
  });

  it('keeps invitations for 7 days, bodies to 64 KiB and X-Forwarded-For untrusted unless told otherwise', () => {
    expect(defaultConfig).toMatchObject({
      invitationTtlMs: 7 * 24 * 3600_000,
      maxBodyBytes: 64 * 1024,
      trustProxy: false,
    });
    expect(configFromEnv({ INVITATION_TTL_HOURS: '48', MAX_BODY_BYTES: '1024', TRUST_PROXY: 'true' })).toMatchObject({
      invitationTtlMs: 48 * 3600_000,
      maxBodyBytes: 1024,
      trustProxy: true,
    });
  });

  it('keeps quiet notification streams alive every 25 s and holds 5,000 open unless told otherwise', () => {
    expect(defaultConfig).toMatchObject({ notificationKeepAliveMs: 25_000, maxNotificationStreams: 5_000 });
    expect(configFromEnv({ NOTIFICATION_KEEP_ALIVE_MS: '10000', MAX_NOTIFICATION_STREAMS: '200' })).toMatchObject({
      notificationKeepAliveMs: 10_000,
      maxNotificationStreams: 200,
    });
    expect(() => configFromEnv({ MAX_NOTIFICATION_STREAMS: 'many' })).toThrow(/MAX_NOTIFICATION_STREAMS/);
  });

  it('checks suggestions unless SUGGESTION_POLICY is off, and stops start-up on any other value', () => {
    expect(defaultConfig.enforceSuggestions).toBe(true);
    expect(configFromEnv({}).enforceSuggestions).toBe(true);
    expect(configFromEnv({ SUGGESTION_POLICY: '' }).enforceSuggestions).toBe(true);
    expect(configFromEnv({ SUGGESTION_POLICY: 'on' }).enforceSuggestions).toBe(true);
    expect(configFromEnv({ SUGGESTION_POLICY: 'off' }).enforceSuggestions).toBe(false);
    for (const value of ['false', '0', 'OFF', 'no', 'disabled']) {
      expect(() => configFromEnv({ SUGGESTION_POLICY: value })).toThrow(
        `SUGGESTION_POLICY must be on or off, got "${value}"`,
      );
    }
  });
});
