// An ES module consumer, as the READMEs show it. Type errors marked @ts-expect-error must stay errors:
// if the declarations degraded to `any`, tsc would report the directive as unused.
import { createClient as createEm, type Schema as EmSchema } from '@veeam-rest/enterprise-manager';
import { createClient as createM365, type paths as M365Paths } from '@veeam-rest/m365';
import { createClient as createAzure, type paths as AzurePaths } from '@veeam-rest/azure';
import { Secret, VeeamError } from '@veeam-rest/client-core';

const auth = { username: 'svc', password: 'secret' };
const em = createEm({ baseUrl: 'http://127.0.0.1:9/api', auth, format: 'xml' });
const m365 = createM365({ baseUrl: 'http://127.0.0.1:9/v3', auth });
const azure = createAzure({ baseUrl: 'http://127.0.0.1:9/api/v2', auth, tls: { ca: new Uint8Array(0) } });

const name: EmSchema<'BackupJobSession'>['Name'] = 'Fileserver Backup@2014-10-19 05:22:52';
// @ts-expect-error a number is not a session name
const wrong: EmSchema<'BackupJobSession'>['Name'] = 42;
// @ts-expect-error not an EM path
void (() => em.GET('/no/such/path'));
const m365Path: keyof M365Paths = '/JobSessions/{id}';
const azurePath: keyof AzurePaths = '/jobSessions';
// @ts-expect-error m365 paths are not azure paths
const notAzure: keyof AzurePaths = '/JobSessions/{id}';

console.log(JSON.stringify({
  module: 'esm',
  clients: [typeof em.GET, typeof m365.GET, typeof azure.GET],
  secret: String(new Secret('x')),
  errorClass: typeof VeeamError,
  types: [name, wrong, m365Path, azurePath, notAzure].length,
}));
await Promise.all([em.close(), m365.close(), azure.close()]);
