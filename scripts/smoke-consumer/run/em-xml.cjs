// The EM client in XML mode against a running `veeam-contract mock --product enterprise-manager`.
// usage: node em-xml.cjs BASE_URL USER PASSWORD
const { createClient } = require('@veeam-rest/enterprise-manager');

async function main() {
  const [baseUrl, username, password] = process.argv.slice(2);
  const em = createClient({ baseUrl, auth: { username, password }, format: 'xml' });
  try {
    const ID = 'd46e39e0-1131-4585-91a7-e828ce7eafae';
    const { data, error, response } = await em.GET('/backupSessions/{ID}', { params: { path: { ID }, query: { format: 'Entity' } } });
    if (error) throw new Error(`GET /backupSessions/{ID}: ${error.status} ${JSON.stringify(error.body)}`);
    const contentType = response.headers.get('content-type') ?? '';
    if (!contentType.includes('xml')) throw new Error(`expected an XML response, got ${contentType}`);
    if (typeof data.Name !== 'string' || !Array.isArray(data.Links)) throw new Error(`not decoded: ${JSON.stringify(data).slice(0, 200)}`);
    let refs = 0;
    for await (const ref of em.paginate('listQueryResults', { params: { query: { type: 'BackupJobSession' } } })) {
      if (typeof ref.Name !== 'string') throw new Error(`query result without a name: ${JSON.stringify(ref)}`);
      refs++;
    }
    console.log(JSON.stringify({ contentType, name: data.Name, links: data.Links.length, queryRefs: refs }));
  } finally {
    await em.close();
  }
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
