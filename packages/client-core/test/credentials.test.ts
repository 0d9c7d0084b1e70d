import { describe, expect, it } from 'vitest';
import { sessionAuth, tokenAuth } from '../src/index.js';

// The auth flows, not each product wrapper, refuse unusable credentials: a direct caller gets the same check.
describe('credentials are checked where the auth flows consume them', () => {
  const grantTypes = { password: 'password', refresh: 'refresh_token' };
  it.each([
    ['missing', {}],
    ['no password', { username: 'admin' }],
    ['non-string password', { username: 'admin', password: 42 }],
  ])('tokenAuth refuses %s, naming the token endpoint', (_, creds) => {
    expect(() => tokenAuth({ ...(creds as object), tokenPath: '/oauth2/token', grantTypes } as never)).toThrow(
      'auth must be { username: string, password: string } (used for the OAuth2 password grant at POST /oauth2/token).',
    );
  });
  it('sessionAuth refuses a missing username, naming the logon endpoint', () => {
    expect(() => sessionAuth({ password: 'pw' } as never)).toThrow(/auth must be .*HTTP Basic logon at POST \/sessionMngr\/\?v=latest/);
  });
  it('accepts string credentials', () => {
    expect(typeof tokenAuth({ username: 'u', password: 'p', tokenPath: '/token', grantTypes })).toBe('function');
    expect(typeof sessionAuth({ username: 'u', password: 'p' })).toBe('function');
  });
});
