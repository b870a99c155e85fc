// The replay server's OAuth side, as Mastodon documents it: registering an app
// (methods/apps), authorizing with PKCE S256 (methods/oauth#authorize: the
// signed-in person approves or denies at once), the token endpoint
// (authorization_code, client_credentials) and revocation.
import { createHash } from 'node:crypto';
import { arrayField, error, json, stringField, type Route } from './replay-http.ts';
import { secret, type ReplayState, type Token } from './replay-state.ts';

export interface OAuthOptions {
  /** Whether the person approves or denies the authorization. */
  authorization: 'approve' | 'deny';
  /** The account that signs in to authorize; default the first one created. */
  authorizeAs?: string;
}

export function addOAuthRoutes(route: Route, state: ReplayState, options: OAuthOptions): void {
  // methods/apps#create: POST /api/v1/apps → CredentialApplication; 422 on a bad redirect URI.
  route('POST', '/api/v1/apps', 'none', undefined, ({ fields }) => {
    const name = stringField(fields.client_name);
    const redirectUris = arrayField(fields.redirect_uris).flatMap((value) => value.split(/\s+/)).filter(Boolean);
    const scopes = (stringField(fields.scopes) || 'read').split(/[\s+]+/).filter(Boolean);
    if (!name) return error(422, "Validation failed: Application name can't be blank");
    if (redirectUris.length === 0) return error(422, "Validation failed: Redirect URI can't be blank");
    for (const uri of redirectUris) {
      if (uri !== 'urn:ietf:wg:oauth:2.0:oob' && !/^[a-z][a-z0-9+.-]*:\/\/[^\s]+$/i.test(uri)) return error(422, 'Validation failed: Redirect URI must be an absolute URI.');
    }
    const unknown = scopes.find((scope) => !/^(read|write|follow|push|profile|admin:(read|write))(:[a-z_]+)?$/.test(scope));
    if (unknown) return error(422, 'Validation failed: Scopes must only contain valid scopes');
    const app = { id: state.ids.next(), name, website: stringField(fields.website) || null, clientId: secret(32), clientSecret: secret(32), redirectUris, scopes };
    state.apps.set(app.clientId, app);
    return json(200, {
      id: app.id,
      name: app.name,
      website: app.website,
      scopes: app.scopes,
      redirect_uri: app.redirectUris.join('\n'),
      redirect_uris: app.redirectUris,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      client_secret_expires_at: 0,
    });
  });

  // methods/oauth#authorize. Mastodon shows a form; here the signed-in person approves or denies at once.
  // Errors about the client or redirect URI are shown, not redirected (RFC 6749 §4.1.2.1).
  route('GET', '/oauth/authorize', 'none', undefined, ({ url }) => {
    const q = url.searchParams;
    const app = state.apps.get(q.get('client_id') ?? '');
    if (!app) return { status: 401, html: '<p>Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.</p>' };
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!app.redirectUris.includes(redirectUri)) return { status: 400, html: '<p>The redirect uri included is not valid.</p>' };
    const back = (params: Record<string, string>) => {
      if (redirectUri === 'urn:ietf:wg:oauth:2.0:oob') return { status: 200, html: `<p>Copy this authorization code: <code>${params.code ?? params.error}</code></p>` };
      const target = new URL(redirectUri);
      for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
      const stateParam = q.get('state');
      if (stateParam !== null) target.searchParams.set('state', stateParam);
      return { status: 302, headers: { location: target.toString() }, html: '<p>Redirecting</p>' };
    };
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type', error_description: 'The authorization server does not support this response type.' });
    const scopes = (q.get('scope') ?? 'read').split(/[\s+]+/).filter(Boolean);
    if (!scopes.every((scope) => app.scopes.includes(scope) || app.scopes.includes(scope.split(':')[0]))) {
      return back({ error: 'invalid_scope', error_description: 'The requested scope is invalid, unknown, or malformed.' });
    }
    const challenge = q.get('code_challenge');
    const method = q.get('code_challenge_method');
    if (challenge !== null && method !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'The code_challenge_method must be S256.' });
    }
    const person = options.authorizeAs ? state.accountByUsername(options.authorizeAs) : state.accounts.values().next().value;
    if (!person) return { status: 302, headers: { location: `${state.origin}/auth/sign_in` }, html: '' };
    if (options.authorization === 'deny') {
      return back({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.' });
    }
    const code = secret(32);
    state.grants.set(code, { code, clientId: app.clientId, redirectUri, scopes, accountId: person.id, codeChallenge: challenge, codeChallengeMethod: method, expiresAt: Date.now() + 10 * 60_000, used: false });
    return back({ code });
  });

  // methods/oauth#token: authorization_code (with PKCE, 4.3+) and client_credentials.
  route('POST', '/oauth/token', 'none', undefined, ({ fields, request }) => {
    let clientId = stringField(fields.client_id);
    let clientSecret = stringField(fields.client_secret);
    const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (basic) [clientId, clientSecret] = Buffer.from(basic[1], 'base64').toString().split(':').map(decodeURIComponent);
    const app = state.apps.get(clientId);
    const invalidGrant = () =>
      error(400, 'invalid_grant', 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.');
    if (!app || app.clientSecret !== clientSecret) {
      return error(401, 'invalid_client', 'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.');
    }
    const grantType = stringField(fields.grant_type);
    let token: Token;
    if (grantType === 'authorization_code') {
      const grant = state.grants.get(stringField(fields.code));
      if (!grant || grant.used || grant.expiresAt < Date.now() || grant.clientId !== app.clientId || grant.redirectUri !== stringField(fields.redirect_uri)) return invalidGrant();
      grant.used = true; // single use, whatever happens next (RFC 6749 §4.1.2)
      if (grant.codeChallenge !== null) {
        const verifier = stringField(fields.code_verifier);
        if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return invalidGrant();
        const computed = createHash('sha256').update(verifier, 'ascii').digest('base64url');
        if (computed !== grant.codeChallenge) return invalidGrant();
      }
      token = state.issueToken(grant.accountId, grant.scopes, app.clientId);
    } else if (grantType === 'client_credentials') {
      token = state.issueToken(null, (stringField(fields.scope) || 'read').split(/[\s+]+/), app.clientId);
    } else {
      return error(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.');
    }
    return json(200, { access_token: token.token, token_type: 'Bearer', scope: token.scopes.join(' '), created_at: Math.floor(token.createdAt.getTime() / 1000) }, { 'cache-control': 'no-store', pragma: 'no-cache' });
  });

  // methods/oauth#revoke
  route('POST', '/oauth/revoke', 'none', undefined, ({ fields }) => {
    const app = state.apps.get(stringField(fields.client_id));
    const token = state.tokens.get(stringField(fields.token));
    if (!app || app.clientSecret !== stringField(fields.client_secret) || (token && token.clientId !== app.clientId)) {
      return error(403, 'unauthorized_client', 'You are not authorized to revoke this token');
    }
    if (token) token.revoked = true;
    return json(200, {});
  });
}
