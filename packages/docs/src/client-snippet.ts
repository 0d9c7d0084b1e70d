import { summarizeAuth } from './auth-flows.js';
import { isXml, listOperations, resolveRef, serverUrl, type OpenApiDoc, type OperationRef } from './openapi.js';

const ident = (s: string): string => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : JSON.stringify(s));

/** A GET the snippet can show: one with required path parameters reads best (`/things/{ID}`), else the first GET. */
function pickGet(doc: OpenApiDoc): OperationRef | undefined {
  const gets = listOperations(doc).filter((o) => o.method === 'get');
  return gets.find((o) => (o.operation.parameters ?? []).some((p) => p.in === 'path')) ?? gets[0];
}

function paramsArg(op: OperationRef): string {
  const groups = new Map<string, string[]>();
  for (const p of op.operation.parameters ?? []) {
    if (!(p.in === 'path' || (p.in === 'query' && p.required))) continue;
    groups.set(p.in, [...(groups.get(p.in) ?? []), `${ident(p.name)}: '<${p.name}>'`]);
  }
  if (groups.size === 0) return '';
  const inner = [...groups].map(([where, fields]) => `${where}: { ${fields.join(', ')} }`).join(', ');
  return `, { params: { ${inner} } }`;
}

/** True when some response of the API can be XML (EM): the client then offers `format: 'xml'`. */
export function speaksXml(doc: OpenApiDoc): boolean {
  return listOperations(doc).some(({ operation }) =>
    Object.values(operation.responses ?? {}).some((r) => Object.keys(resolveRef(doc, r).content ?? {}).some(isXml)),
  );
}

/**
 * The "use the generated client" snippet of the index page: `createClient` of `@veeam-rest/<slug>`
 * with the first server URL, built-in auth and one typed GET taken from the spec.
 */
export function clientSnippet(slug: string, doc: OpenApiDoc): string {
  const server = doc.servers?.[0];
  const baseUrl = server ? serverUrl(server) : 'https://host/api';
  const lines = [
    `import { createClient } from '@veeam-rest/${slug}';`,
    '',
    'const client = createClient({',
    `  baseUrl: '${baseUrl}',`,
    '  auth: { username, password },',
  ];
  // A token endpoint outside the base URL (VB for Azure: /api/oauth2/token, unversioned) is found by the client.
  for (const entry of summarizeAuth(doc).entryOperations.filter((e) => e.url)) {
    lines.push(`  // the client gets its tokens from ${entry.method} ${entry.url}, outside baseUrl: nothing to configure`);
  }
  if (speaksXml(doc)) lines.push("  format: 'xml', // optional: XML on the wire, decoded into the same typed objects as JSON");
  lines.push('});');
  const get = pickGet(doc);
  if (get) {
    lines.push('', `const { data, error } = await client.GET('${get.path}'${paramsArg(get)});`);
  }
  return lines.join('\n');
}
