import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './security.ts';

const config = { allowedOrigins: ['https://drafts.example.org'] };

describe('isAllowedOrigin', () => {
  it("allows the server's own origin, as the Host header names it", () => {
    expect(isAllowedOrigin('http://127.0.0.1:8080', 'http://127.0.0.1:8080/api/session', config)).toBe(true);
    expect(isAllowedOrigin('http://localhost', 'http://localhost:80/collab/r1', config)).toBe(true);
  });

  it('allows a configured origin, and no other', () => {
    expect(isAllowedOrigin('https://drafts.example.org', 'http://10.0.0.5:8080/api/x', config)).toBe(true);
    expect(isAllowedOrigin('https://drafts.example.org.evil.test', 'http://10.0.0.5:8080/api/x', config)).toBe(false);
    expect(isAllowedOrigin('http://drafts.example.org', 'http://10.0.0.5:8080/api/x', config)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:8081', 'http://127.0.0.1:8080/api/x', config)).toBe(false);
  });

  it('refuses a missing, opaque or malformed origin', () => {
    expect(isAllowedOrigin(undefined, 'http://127.0.0.1:8080/api/x', config)).toBe(false);
    expect(isAllowedOrigin('null', 'http://127.0.0.1:8080/api/x', config)).toBe(false);
    expect(isAllowedOrigin('not an origin', 'http://127.0.0.1:8080/api/x', config)).toBe(false);
  });
});
