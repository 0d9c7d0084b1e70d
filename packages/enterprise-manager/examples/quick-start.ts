// Runnable quick start (README): logs on, reads recent backup sessions page by page, follows a link to
// the full session, prints it in XML mode too, and logs off.
//   pnpm --filter @veeam-rest/contract-tests exec veeam-contract mock --product enterprise-manager --port 9399
//   EM_URL=http://127.0.0.1:9399/api EM_USER=admin EM_PASSWORD=password node --import tsx examples/quick-start.ts
import { createClient } from '@veeam-rest/enterprise-manager';

/** Runs the walkthrough against `baseUrl`; returns what it printed. */
export async function quickStart(baseUrl: string, username: string, password: string): Promise<string[]> {
  const out: string[] = [];
  const em = createClient({ baseUrl, auth: { username, password } });
  try {
    // Paged query service: typed references, page after page.
    let count = 0;
    for await (const ref of em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession', pageSize: 50 } } })) {
      if (count++ === 0) {
        // Hypermedia: the reference's Alternate link is the full entity.
        const alternate = ref.Links?.find((l) => l.Rel === 'Alternate');
        if (alternate) {
          const entity = await em.follow(alternate);
          if (entity.operationId === 'getBackupSession' && entity.data) out.push(`first session: ${entity.data.Name}`);
        }
      }
    }
    out.push(`sessions: ${count}`);

    // Same call, XML on the wire, same typed object.
    const ID = 'd46e39e0-1131-4585-91a7-e828ce7eafae';
    const { data, error } = await em.GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } }, format: 'xml' });
    out.push(error ? `error ${error.status}: ${JSON.stringify(error.body)}` : `via XML: ${data?.Name}`);
  } finally {
    await em.close();
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = await quickStart(process.env.EM_URL ?? 'http://127.0.0.1:9399/api', process.env.EM_USER ?? 'admin', process.env.EM_PASSWORD ?? 'password');
  for (const line of lines) console.log(line);
}
