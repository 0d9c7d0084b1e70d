// An ES module consumer, as the READMEs show it. Type errors marked @ts-expect-error must stay errors:
// if the declarations degraded to `any`, tsc would report the directive as unused.
import { createClient as createEm, type Schema as EmSchema } from '@veeam-rest/enterprise-manager';
import { createClient as createM365, type paths as M365Paths } from '@veeam-rest/m365';
import { createClient as createAzure, type paths as AzurePaths } from '@veeam-rest/azure';
import { createClient as createM365v8, type paths as M365v8Paths } from '@veeam-rest/m365/v8';
import { createClient as createAzureV81, type paths as AzureV81Paths } from '@veeam-rest/azure/v8.1';
import { Secret, VeeamError } from '@veeam-rest/client-core';

const auth = { username: 'svc', password: 'secret' };
const em = createEm({ baseUrl: 'http://127.0.0.1:9/api', auth, format: 'xml' });
const m365 = createM365({ baseUrl: 'http://127.0.0.1:9/v3', auth });
const azure = createAzure({ baseUrl: 'http://127.0.0.1:9/api/v2', auth, tls: { ca: new Uint8Array(0) } });
const m365v8 = createM365v8({ baseUrl: 'http://127.0.0.1:9/v8', auth });
const azureV81 = createAzureV81({ baseUrl: 'http://127.0.0.1:9/api/v8.1', auth });

const name: EmSchema<'BackupJobSession'>['Name'] = 'Fileserver Backup@2014-10-19 05:22:52';
// @ts-expect-error a number is not a session name
const wrong: EmSchema<'BackupJobSession'>['Name'] = 42;
// @ts-expect-error not an EM path
void (() => em.GET('/no/such/path'));
const m365Path: keyof M365Paths = '/JobSessions/{id}';
const azurePath: keyof AzurePaths = '/jobSessions';
// @ts-expect-error m365 paths are not azure paths
const notAzure: keyof AzurePaths = '/JobSessions/{id}';
// The version subpaths carry their own spec: v8 has /Organizations, the v3 root does not.
const v8Path: keyof M365v8Paths = '/Organizations';
// @ts-expect-error not a v3 path
const notV3: keyof M365Paths = '/Organizations';
const v81Path: keyof AzureV81Paths = '/system/about';

console.log(JSON.stringify({
  module: 'esm',
  clients: [typeof em.GET, typeof m365.GET, typeof azure.GET, typeof m365v8.GET, typeof azureV81.GET],
  secret: String(new Secret('x')),
  errorClass: typeof VeeamError,
  types: [name, wrong, m365Path, azurePath, notAzure, v8Path, notV3, v81Path].length,
}));
await Promise.all([em.close(), m365.close(), azure.close(), m365v8.close(), azureV81.close()]);
