// A CommonJS consumer (.cts): `import x = require()` compiles to require(), which loads our ES modules
// on Node >= 20.19 (require(esm)); TypeScript's nodenext checks it against the same declarations.
import em = require('@veeam-rest/enterprise-manager');
import m365 = require('@veeam-rest/m365');
import azure = require('@veeam-rest/azure');
import core = require('@veeam-rest/client-core');

const auth = { username: 'svc', password: 'secret' };
const emClient = em.createClient({ baseUrl: 'http://127.0.0.1:9/api', auth, format: 'json' });
const m365Client = m365.createClient({ baseUrl: 'http://127.0.0.1:9/v3', auth });
const azureClient = azure.createClient({ baseUrl: 'http://127.0.0.1:9/api/v2', auth });
// @ts-expect-error not an EM path
void (() => emClient.GET('/no/such/path'));
const state: em.Schema<'BackupJobSession'>['State'] = 'Stopped';

console.log(JSON.stringify({
  module: 'cjs',
  clients: [typeof emClient.GET, typeof m365Client.GET, typeof azureClient.GET],
  sameErrorClass: em.VeeamError === core.VeeamError,
  state,
}));
void Promise.all([emClient.close(), m365Client.close(), azureClient.close()]);
