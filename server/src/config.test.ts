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
});
