// A certified OpenID Connect provider (oidc-provider) on 127.0.0.1 for the tests, with the
// admin's part automated: /interaction signs in "office" and consents to what was asked,
// giving offline_access only with prompt=consent (OpenID Connect Core 1.0 §11). POST
// /test/deny makes the next consent a refusal. Prints the issuer's URL on stdout once it listens.
import http from 'node:http';
import Provider from 'oidc-provider';

const deny = { next: false };
const configuration = {
  clients: [{
    client_id: 'smtpgui-oidc',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: ['http://127.0.0.1/'],
    grant_types: ['authorization_code', 'refresh_token',
      'urn:ietf:params:oauth:grant-type:device_code'],
    response_types: ['code'],
  }],
  scopes: ['openid', 'offline_access', 'smtp'],
  features: {
    devInteractions: { enabled: false },
    deviceFlow: { enabled: true },
    revocation: { enabled: true },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => ({ sub: id }) }),
  ttl: { AccessToken: 600, RefreshToken: 3600, DeviceCode: 600 },
};

let provider;
const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  provider = new Provider(issuer, configuration);
  provider.use(route);
  server.on('request', provider.callback());
  process.stdout.write(`${issuer}\n`);
});

async function route(ctx, next) {
  if (ctx.path.startsWith('/interaction/')) return interaction(ctx);
  if (ctx.path === '/test/deny' && ctx.method === 'POST') {
    deny.next = true;
    ctx.body = 'ok';
    return undefined;
  }
  return next();
}
async function interaction(ctx) {
  const { req, res } = ctx;
  const details = await provider.interactionDetails(req, res);
  const { prompt, params } = details;
  if (deny.next) {
    deny.next = false;
    return provider.interactionFinished(req, res,
      { error: 'access_denied', error_description: 'the test refused' });
  }
  if (prompt.name === 'login') {
    return provider.interactionFinished(req, res, { login: { accountId: 'office' } },
      { mergeWithLastSubmission: false });
  }
  const grant = new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
  const consentToOffline = String(params.prompt || '').split(' ').includes('consent');
  const scopes = String(params.scope || '').split(' ')
    .filter((s) => s && (s !== 'offline_access' || consentToOffline));
  grant.addOIDCScope(scopes.join(' '));
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: { grantId } },
    { mergeWithLastSubmission: true });
}

