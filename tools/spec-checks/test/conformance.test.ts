import { afterAll, describe, expect, it } from 'vitest';
import { conformanceCheck } from '../src/checks/conformance.js';
import { formatFinding } from '../src/findings.js';
import { runChecks } from '../src/run.js';
import { cleanFixtures, CONFORMANCE, fixtureCopy } from './helpers.js';

afterAll(cleanFixtures);

const V8 = 'specs/m365/v8';
const S = `${V8}/components/schemas`;
type Edits = Record<string, string | ((t: string) => string)>;

/** Findings of the conformance check over an edited copy of the fixture, as printed. */
async function findings(edits: Edits): Promise<string[]> {
  const root = fixtureCopy(edits, CONFORMANCE);
  return (await conformanceCheck(root)).failures.map((f) => formatFinding(f, root));
}

/** Appends a deviation list to a YAML object at the file's top level (or under `indent`). */
const record = (yaml: string) => (t: string) => `${t}x-veeam-deviations:\n${yaml}`;

describe('conformance: the fixture as written', () => {
  it('equals its vendor document: 3.1 nullability, path parameter names, letter case, */*, default and maps compare equal', async () => {
    const r = await conformanceCheck(CONFORMANCE);
    expect(r.failures).toEqual([]);
    // m365@v3 names no upstream document and is not compared.
    expect(r.summary).toBe('1 APIs with an upstream document (m365@v8), 3 operations compared, 0 recorded deviations, 0 problems');
  });

  it('runs as the `conformance` check of check:specs', async () => {
    const [c] = await runChecks(CONFORMANCE, ['conformance']);
    expect(c!.name).toBe('conformance');
    expect(c!.failures).toEqual([]);
  });
});

// One edit per kind of difference: the finding names the file + line:column + pointer where the record
// goes, the kind, the member, ours vs upstream and the operation/vendor place.
const KINDS: [string, Edits, string[]][] = [
  ['path: an operation the vendor does not document', { [`${V8}/openapi.yaml`]: (t) => t.replace('  /Jobs/{id}:', '  /Job/{id}:') }, [
    `${V8}/paths/Jobs_{id}.yaml:2:3 #/get: path: ours GET /v8/Job/{id}, upstream absent [getJob]`,
  ]],
  ['parameter: one of ours the vendor lacks (on the Parameter Object)', { [`${V8}/paths/Jobs_{id}.yaml`]: (t) => t.replace('  responses:', '    - { name: name, in: query, schema: { type: string } }\n  responses:') }, [
    `${V8}/paths/Jobs_{id}.yaml:8:7 #/get/parameters/1: parameter "name": ours query parameter, upstream absent [getJob parameter name]`,
  ]],
  ['parameter: one of the vendor\'s we lack (on the Operation)', { [`${V8}/paths/JobSessions.yaml`]: (t) => t.replace('    - { name: jobId, in: query, schema: { type: string, format: uuid } }\n', '') }, [
    `${V8}/paths/JobSessions.yaml:2:3 #/get: parameter "jobId": ours absent, upstream query parameter [listJobSessions (vendor #/paths/~1v8~1JobSessions/get/parameters/3)]`,
  ]],
  ['status: a 2xx the vendor lacks (`default` covers only failures)', { [`${V8}/paths/Jobs_{id}.yaml`]: (t) => t.replace("    '404':", "    '204':\n      description: Nothing.\n    '404':") }, [
    `${V8}/paths/Jobs_{id}.yaml:2:3 #/get: status "204": ours documented, upstream absent [getJob]`,
  ]],
  ['status: the vendor\'s failure response we do not describe', { [`${V8}/paths/token.yaml`]: (t) => t.replace(/    '401':[\s\S]*$/, '') }, [
    `${V8}/paths/token.yaml:2:3 #/post: status "default": ours absent, upstream documented [createToken]`,
  ]],
  ['media-type: one of ours the vendor lacks', { [`${V8}/paths/Jobs_{id}.yaml`]: (t) => t.replace("    '404':", '        application/xml:\n          schema: { type: string }\n    \'404\':') }, [
    `${V8}/paths/Jobs_{id}.yaml:2:3 #/get: media-type "200 application/xml": ours documented, upstream absent (vendor: application/json) [getJob]`,
  ]],
  ['member-added', { [`${S}/Job.yaml`]: (t) => `${t}  usn: { type: integer, format: int64 }\n` }, [
    `${S}/Job.yaml:1:1 #: member-added "usn": ours integer/int64, upstream absent [getJob 200 application/json  (vendor #/components/schemas/Job)]`,
  ]],
  ['member-missing', { [`${S}/Job.yaml`]: (t) => t.replace('  name: { type: string }\n', '') }, [
    `${S}/Job.yaml:1:1 #: member-missing "name": ours absent, upstream string [getJob 200 application/json  (vendor #/components/schemas/Job)]`,
  ]],
  ['type', { [`${S}/Job.yaml`]: (t) => t.replace('  name: { type: string }', '  name: { type: integer }') }, [
    `${S}/Job.yaml:1:1 #: type "name": ours integer, upstream string [getJob 200 application/json name (vendor #/components/schemas/Job/properties/name)]`,
  ]],
  ['format', { [`${S}/Job.yaml`]: (t) => t.replace('  id: { type: string, format: uuid }', '  id: { type: string }') }, [
    `${S}/Job.yaml:1:1 #: format "id": ours no format, upstream uuid [getJob 200 application/json id (vendor #/components/schemas/Job/properties/id)]`,
  ]],
  ['nullable: 3.1 type list against 3.0 nullable', { [`${S}/Job.yaml`]: (t) => t.replace("  description: { type: [string, 'null'] }", '  description: { type: string }') }, [
    `${S}/Job.yaml:1:1 #: nullable "description": ours not nullable, upstream nullable [getJob 200 application/json description (vendor #/components/schemas/Job/properties/description)]`,
  ]],
  ['nullable: a oneOf with null against 3.0 nullable (error bodies of two operations, one record place)', { [`${S}/Error.yaml`]: (t) => t.replace(/  errorCode:[\s\S]*$/, '  errorCode:\n    $ref: ./ErrorCode.yaml\n') }, [
    `${S}/Error.yaml:1:1 #: nullable "errorCode": ours not nullable, upstream nullable [createToken 401 application/json (vendor default application/json) errorCode (vendor #/components/schemas/Error/properties/errorCode)]`,
  ]],
  ['required (response member)', { [`${S}/Token.yaml`]: (t) => t.replace('required: [access_token, expires_in]', 'required: [access_token]') }, [
    `${S}/Token.yaml:1:1 #: required "expires_in": ours optional, upstream required [createToken 200 application/json  (vendor #/components/schemas/Token)]`,
  ]],
  ['required (parameter)', { [`${V8}/paths/JobSessions.yaml`]: (t) => t.replace('{ name: offset, in: query,', '{ name: offset, in: query, required: true,') }, [
    `${V8}/paths/JobSessions.yaml:4:7 #/get/parameters/0: required "offset": ours required, upstream optional [listJobSessions parameter offset]`,
  ]],
  ['enum-added (on the schema that holds the enum)', { [`${S}/PolicyType.yaml`]: (t) => t.replace('[Daily, Periodically]', '[Daily, Periodically, Monthly]') }, [
    `${S}/PolicyType.yaml:1:1 #: enum-added "Monthly": ours listed, upstream not listed [getJob 200 application/json schedulePolicy.type (vendor #/components/schemas/PolicyType)]`,
  ]],
  ['enum-missing (a parameter\'s inline enum)', { [`${V8}/paths/JobSessions.yaml`]: (t) => t.replace('enum: [Stopped, Running, Succeeded]', 'enum: [Stopped, Running]') }, [
    `${V8}/paths/JobSessions.yaml:8:15 #/get/parameters/2/schema: enum-missing "Succeeded": ours not listed, upstream listed [listJobSessions parameter status (vendor #/paths/~1v8~1JobSessions/get/parameters/2/schema)]`,
  ]],
  ['closed: additionalProperties false where the vendor leaves the object open', { [`${S}/Token.yaml`]: (t) => `${t}additionalProperties: false\n` }, [
    `${S}/Token.yaml:1:1 #: closed "additionalProperties": ours closed (additionalProperties: false), upstream open [createToken 200 application/json  (vendor #/components/schemas/Token)]`,
  ]],
  ['closed: an open string where the vendor lists the values (array items)', { [`${S}/Session.yaml`]: (t) => t.replace('    enum: [Stopped, Running, Success]\n', '') }, [
    `${S}/Session.yaml:5:5 #/properties/status: closed "enum": ours no enum (open), upstream closed set [Stopped, Running, Success] [listJobSessions 200 application/json results[].status (vendor #/components/schemas/Session/properties/status)]`,
  ]],
  ['type of array items, named with []', { [`${S}/Session.yaml`]: (t) => t.replace('    items: { type: string }', '    items: { type: integer }') }, [
    `${S}/Session.yaml:1:1 #: type "tags[]": ours integer, upstream string [listJobSessions 200 application/json results[].tags[] (vendor #/components/schemas/Session/properties/tags/items)]`,
  ]],
];

describe('conformance: each kind of difference is reported where its record goes', () => {
  it.each(KINDS)('%s', async (_name, edits, want) => {
    expect(await findings(edits)).toEqual(want);
  });
});

describe('conformance: deviation records', () => {
  const usn = { [`${S}/Job.yaml`]: (t: string) => `${t}  usn: { type: integer, format: int64 }\n` };

  it('a record silences exactly its difference', async () => {
    const root = fixtureCopy({
      [`${S}/Job.yaml`]: (t) => record(`  - kind: member-added\n    member: usn\n    upstream: absent\n    reason: Real servers send it.\n    evidence: https://example.com/capture\n`)(usn[`${S}/Job.yaml`](t)),
    }, CONFORMANCE);
    const r = await conformanceCheck(root);
    expect(r.failures).toEqual([]);
    expect(r.summary).toContain('1 recorded deviations');
  });

  it('a record with another member leaves the difference and is itself stale', async () => {
    expect(await findings({
      [`${S}/Job.yaml`]: (t) => record(`  - kind: member-added\n    member: usn2\n    reason: Real servers send it.\n    evidence: https://example.com/capture\n`)(usn[`${S}/Job.yaml`](t)),
    })).toEqual([
      `${S}/Job.yaml:1:1 #: member-added "usn": ours integer/int64, upstream absent [getJob 200 application/json  (vendor #/components/schemas/Job)]`,
      `${S}/Job.yaml:15:5 #/x-veeam-deviations/0: stale deviation: no member-added "usn2" difference is reported here (the vendor document agrees, or the record belongs on another object)`,
    ]);
  });

  it('a record on another object does not silence the difference (the enum-added record belongs on PolicyType, not Policy)', async () => {
    const out = await findings({
      [`${S}/PolicyType.yaml`]: (t) => t.replace('[Daily, Periodically]', '[Daily, Periodically, Monthly]'),
      [`${S}/Policy.yaml`]: record(`  - { kind: enum-added, member: Monthly, reason: Seen on a v8 server., evidence: https://example.com/x }\n`),
    });
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^specs\/m365\/v8\/components\/schemas\/PolicyType\.yaml:1:1 #: enum-added "Monthly"/);
    expect(out[1]).toMatch(/^specs\/m365\/v8\/components\/schemas\/Policy\.yaml:\d+:\d+ #\/x-veeam-deviations\/0: stale deviation: no enum-added "Monthly"/);
  });

  it('a record where the vendor document agrees is stale', async () => {
    expect(await findings({ [`${V8}/paths/token.yaml`]: (t) => t.replace('  operationId: createToken\n', '  operationId: createToken\n  x-veeam-deviations:\n    - { kind: status, member: 401, reason: Old., evidence: https://example.com/x }\n') })).toEqual([
      `${V8}/paths/token.yaml:4:7 #/post/x-veeam-deviations/0: stale deviation: no status "401" difference is reported here (the vendor document agrees, or the record belongs on another object)`,
    ]);
  });

  it('malformed records are errors naming the field', async () => {
    const out = await findings({
      [`${S}/Token.yaml`]: record([
        '  - { kind: member-extra, member: a, reason: r, evidence: https://example.com }',
        '  - { kind: member-added, member: a, evidence: https://example.com }',
        '  - { kind: member-added, member: a, reason: r, evidence: recordings/none.json }',
        '  - { kind: member-added, member: a, reason: r, evidence: https://example.com, note: x }',
        '',
      ].join('\n')),
    });
    expect(out).toEqual([
      `${S}/Token.yaml:8:5 #/x-veeam-deviations/0: x-veeam-deviations: kind "member-extra" is not one of path | parameter | status | media-type | member-added | member-missing | type | format | nullable | required | enum-added | enum-missing | closed`,
      `${S}/Token.yaml:9:5 #/x-veeam-deviations/1: x-veeam-deviations: reason must say why (a non-empty string)`,
      `${S}/Token.yaml:10:5 #/x-veeam-deviations/2: x-veeam-deviations: evidence "recordings/none.json" is neither an http(s) URL nor a file of the repository`,
      `${S}/Token.yaml:11:5 #/x-veeam-deviations/3: x-veeam-deviations: unknown field(s) note (allowed: kind, member, upstream, reason, evidence)`,
    ]);
  });

  it('evidence may be a repo-relative path of a recording', async () => {
    const root = fixtureCopy({
      'recordings/getJob/200.json': '{}\n',
      [`${S}/Job.yaml`]: (t) => record(`  - { kind: member-added, member: usn, reason: Real servers send it., evidence: recordings/getJob/200.json }\n`)(usn[`${S}/Job.yaml`](t)),
    }, CONFORMANCE);
    expect((await conformanceCheck(root)).failures).toEqual([]);
  });

  it('a path record naming a vendor operation compares with that one; naming none is an error', async () => {
    const moved = (upstream: string) => ({
      [`${V8}/openapi.yaml`]: (t: string) => t.replace('  /Jobs/{id}:', '  /Jobs/{id}/Old:'),
      [`${V8}/paths/Jobs_{id}.yaml`]: (t: string) => t
        .replace('  operationId: getJob\n', `  operationId: getJob\n  x-veeam-deviations:\n    - { kind: path, upstream: "${upstream}", reason: Renamed in v8., evidence: https://example.com/x }\n`),
    });
    const root = fixtureCopy(moved('GET /v8/Jobs/{jobId}/Legacy'), CONFORMANCE);
    const r = await conformanceCheck(root);
    expect(r.summary).toContain('3 operations compared, 1 recorded deviations');
    // Only Job_Legacy has the `full` query parameter: the path record made the check compare with it.
    expect(r.failures.map((f) => formatFinding(f, root))).toEqual([
      `${V8}/paths/Jobs_{id}.yaml:2:3 #/get: parameter "full": ours absent, upstream query parameter [getJob (vendor #/paths/~1v8~1Jobs~1{jobId}~1Legacy/get/parameters/1)]`,
    ]);
    expect(await findings(moved('GET /v8/Nowhere'))).toEqual([
      `${V8}/paths/Jobs_{id}.yaml:4:7 #/get/x-veeam-deviations/0: x-veeam-deviations: upstream "GET /v8/Nowhere" names no operation of the vendor document`,
    ]);
  });
});

describe('conformance: full paths through path- and operation-level servers', () => {
  const UP = `${V8}/upstream/up.json`;
  // The vendor serves the token at /auth/token, outside the /v8 base (as VB for Azure serves
  // /api/oauth2/token outside /api/v8.1); ours says so with a server override on the token path.
  const vendorMoved = { [UP]: (t: string) => t.replace('"/v8/token": {', '"/auth/token": {') };
  const ourServer = (url: string) => (t: string) => `servers:\n  - url: ${url}\n${t}`;

  it('a path-level server of ours is joined to the path: equal to the vendor full path, no record needed', async () => {
    const root = fixtureCopy({ ...vendorMoved, [`${V8}/paths/token.yaml`]: ourServer('https://{host}:4443/auth') }, CONFORMANCE);
    const r = await conformanceCheck(root);
    expect(r.failures).toEqual([]);
    expect(r.summary).toBe('1 APIs with an upstream document (m365@v8), 3 operations compared, 0 recorded deviations, 0 problems');
  });

  it('an operation-level server overrides the path item\'s and the document\'s', async () => {
    const root = fixtureCopy({
      ...vendorMoved,
      [`${V8}/paths/token.yaml`]: (t) => ourServer('https://{host}:4443/elsewhere')(t).replace('  operationId: createToken\n', '  operationId: createToken\n  servers:\n    - url: https://{host}:4443/auth/\n'),
    }, CONFORMANCE);
    expect((await conformanceCheck(root)).failures).toEqual([]);
  });

  it('the vendor\'s path-level server counts too', async () => {
    const root = fixtureCopy({ [UP]: (t) => t.replace('"/v8/token": {', '"/token": { "servers": [{ "url": "https://127.0.0.1:4443/v8/" }],') }, CONFORMANCE);
    expect((await conformanceCheck(root)).failures).toEqual([]);
  });

  it('without the override, or with another base, the path difference is unrecorded and fails', async () => {
    expect(await findings(vendorMoved)).toEqual([
      `${V8}/paths/token.yaml:2:3 #/post: path: ours POST /v8/token, upstream absent [createToken]`,
    ]);
    expect(await findings({ ...vendorMoved, [`${V8}/paths/token.yaml`]: ourServer('https://{host}:4443/oauth') })).toEqual([
      `${V8}/paths/token.yaml:4:3 #/post: path: ours POST /oauth/token, upstream absent [createToken]`,
    ]);
  });
});

describe('conformance: bad input', () => {
  it('a missing upstream file, and a malformed x-veeam-upstream', async () => {
    expect(await findings({ [`${V8}/openapi.yaml`]: (t) => t.replace('file: upstream/up.json', 'file: upstream/gone.json') })).toEqual([
      expect.stringMatching(/^specs\/m365\/v8\/openapi\.yaml:8:3 #\/x-veeam-upstream: x-veeam-upstream file upstream\/gone\.json does not exist \(\/.*\/upstream\/gone\.json\)$/),
    ]);
    expect(await findings({ [`${V8}/openapi.yaml`]: (t) => t.replace('  source: test fixture, written for these tests\n', '') })).toEqual([
      `${V8}/openapi.yaml:8:3 #/x-veeam-upstream: x-veeam-upstream must be {file: <path relative to this file>, source: <provenance>}`,
    ]);
  });

  it('broken YAML and a $ref to a missing file name the file and line:column', async () => {
    expect(await findings({ [`${S}/Job.yaml`]: (t) => t.replace('  name: { type: string }', '  name: { type: string') })).toEqual([
      expect.stringMatching(/^specs\/m365\/v8\/components\/schemas\/Job\.yaml:\d+:\d+: invalid YAML: /),
    ]);
    expect(await findings({ [`${S}/Job.yaml`]: (t) => t.replace('$ref: ./Policy.yaml', '$ref: ./Policies.yaml') })).toEqual([
      `${S}/Job.yaml:8:5: $ref ./Policies.yaml: file not found`,
    ]);
  });
});
