// A consumer bundled by Vite/esbuild/webpack (moduleResolution "bundler"): type-check only.
import { createClient, type Schema, type paths } from '@veeam-rest/enterprise-manager';
import { createClient as createM365 } from '@veeam-rest/m365';
import { createClient as createAzure } from '@veeam-rest/azure';
import type { BaseClientOptions } from '@veeam-rest/client-core';

const options: BaseClientOptions = { baseUrl: 'https://em.example.com:9398/api' };
const em = createClient({ ...options, auth: { username: 'svc', password: 'secret' } });
export async function sessionName(ID: string): Promise<Schema<'BackupJobSession'>['Name'] | undefined> {
  const { data } = await em.GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } } });
  return data && 'JobName' in data ? data.Name : undefined;
}
// @ts-expect-error not an EM path
export const wrong: keyof paths = '/no/such/path';
export const others = [createM365, createAzure];
