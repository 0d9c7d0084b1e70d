import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFinding, type CheckResult } from '../src/findings.js';
import { runChecks, type CheckName } from '../src/run.js';
import { cleanFixtures, fixtureCopy, GOOD } from './helpers.js';

afterAll(cleanFixtures);

const byName = (rs: CheckResult[], n: string) => rs.find((r) => r.name === n)!;
const lines = (r: CheckResult, root: string) => r.failures.map((f) => formatFinding(f, root));
async function run(root: string, only: CheckName[]) { return runChecks(root, only); }

describe('the correct fixture', () => {
  it('passes every check, and each check really checked something', async () => {
    const rs = await runChecks(GOOD);
    expect(rs.map((r) => [r.name, r.failures.map((f) => f.message)])).toEqual([
      ['lint', []], ['examples', []], ['mutation', []], ['links', []], ['xsd-consistency', []], ['conformance', []],
    ]);
    expect(byName(rs, 'examples').summary).toMatch(/^9 examples \(7 JSON, 2 XML\)/);
    expect(byName(rs, 'mutation').summary).toMatch(/4 seed examples, 12 mutants \(4 enum, 4 required, 4 type\)/);
    expect(byName(rs, 'links').summary).toMatch(/^12 hrefs checked, 0 unmatched, 1 dead links accepted/);
    expect(byName(rs, 'links').notes[0]).toContain('https://vbo.example.com:4443/v3/jobsessions/7/log');
    expect(byName(rs, 'xsd-consistency').summary).toMatch(/^5 namespaced schemas/);
    // No API of this fixture names an upstream document (test/conformance.test.ts has one that does).
    expect(byName(rs, 'conformance').summary).toMatch(/^0 APIs with an upstream document/);
  }, 60_000);
});

describe('lint (redocly lint + custom rules)', () => {
  it('reports a bad operationId verb, missing security, a missing example and an undocumented extension', async () => {
    const root = fixtureCopy({
      'specs/enterprise-manager/paths/backupSessions.yaml': (t) => t
        .replace('operationId: listBackupSessions', 'operationId: fetchBackupSessions')
        .replace('  security:\n    - RestSvcSessionId: []\n', '')
        .replace('  responses:', '  x-veeam-shiny: true\n  responses:'),
      'specs/m365/openapi.yaml': (t) => t.replace(/              examples:\n                seed:\n(.*\n){4}/, ''),
    });
    const [lint] = await run(root, ['lint']);
    const out = lines(lint!, root).join('\n');
    expect(out).toContain('specs/enterprise-manager/paths/backupSessions.yaml:4:16: operationId "fetchBackupSessions" must be camelCase verb + noun');
    expect(out).toMatch(/backupSessions\.yaml:1:1: Operation must declare `security` explicitly.*\[veeam\/operation-security-explicit\]/);
    expect(out).toMatch(/x-veeam-shiny is not documented in docs\/extensions\.md.*\[veeam\/documented-extensions\]/);
    expect(out).toMatch(/specs\/m365\/openapi\.yaml:\d+:\d+: Response media type has no example.*\[veeam\/response-media-examples\]/);
  }, 60_000);

  it('reports an extension in the wrong place or with a wrong value', async () => {
    const root = fixtureCopy({
      'specs/m365/openapi.yaml': (t) => t.replace('x-veeam-case-insensitive-paths: true', 'x-veeam-case-insensitive-paths: "yes"').replace('x-veeam-origin: seed', 'x-veeam-origin: copied'),
    });
    const out = lines((await run(root, ['lint']))[0]!, root).join('\n');
    expect(out).toContain('x-veeam-case-insensitive-paths must be a boolean.');
    expect(out).toContain('x-veeam-origin must be "seed" or "constructed".');
  }, 60_000);
});

describe('bad input names file and position, no stack trace', () => {
  it('broken YAML in a path file', async () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/paths/backupSessions.yaml': (t) => t.replace('  summary: List backup sessions', '  summary: [List backup sessions') });
    const [load] = await run(root, ['examples']);
    expect(load!.name).toBe('load');
    const out = lines(load!, root)[0]!;
    expect(out).toMatch(/^specs\/enterprise-manager\/paths\/backupSessions\.yaml.*\d+:\d+/);
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('a $ref to a missing file', async () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/paths/backupSessions.yaml': (t) => t.replace('EntityReferences.yaml', 'EntityRefs.yaml') });
    const [load] = await run(root, ['examples']);
    const out = lines(load!, root)[0]!;
    expect(out).toMatch(/^specs\/enterprise-manager\/paths\/backupSessions\.yaml:\d+:\d+ \(#\/get\/responses\/200\/content\/application~1xml\/schema\): Can't resolve \$ref/);
    expect(out).toContain('EntityRefs.yaml');
  });

  it('an invalid JSON example file: file:line:column', async () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/examples/getBackupSession/200-entity.json': (t) => t.replace('"State": "Stopped",', '"State": "Stopped",,') });
    const [load] = await run(root, ['examples']);
    expect(lines(load!, root)).toEqual([expect.stringMatching(/^specs\/enterprise-manager\/examples\/getBackupSession\/200-entity\.json:6:22: invalid JSON example: Expected double-quoted property name/)]);
  });

  it('a malformed XML example: file:line:column', async () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/examples/getBackupSession/200-entity.xml': (t) => t.replace('<State>Stopped</State>', '<State>Stopped</Stat>') });
    const [ex] = await run(root, ['examples']);
    expect(lines(ex!, root)).toEqual([expect.stringMatching(/^specs\/enterprise-manager\/examples\/getBackupSession\/200-entity\.xml:7:\d+: .*XML is not well-formed/)]);
  });

  it('an XML example the XSD rejects, and a JSON example the schema rejects', async () => {
    const root = fixtureCopy({
      'specs/enterprise-manager/examples/getBackupSession/200-entity.xml': (t) => t.replace('<Progress>100', '<Progress>full'),
      'specs/enterprise-manager/examples/getBackupSession/200-entity.json': (t) => t.replace('"Progress": 100', '"Progress": "full"'),
    });
    const out = lines((await run(root, ['examples']))[0]!, root);
    expect(out).toContainEqual(expect.stringMatching(/200-entity\.xml:8:\d+: .*'full' is not a valid value for 'integer'/));
    expect(out).toContainEqual(expect.stringMatching(/200-entity\.json \/Progress: .*must be integer/));
  });

  it('an example of a case of a representation (200-entity-<case>) validates against that representation', async () => {
    const ENTITY = 'specs/enterprise-manager/examples/getBackupSession/200-entity';
    const XML = readFileSync(path.join(GOOD, `${ENTITY}.xml`), 'utf8');
    const root = fixtureCopy({
      [`${ENTITY}-stopped.xml`]: XML.replace('<Progress>100', '<Progress>99'),
      'specs/enterprise-manager/paths/backupSessions_{ID}.yaml': (t) => t.replace(
        '              externalValue: ../examples/getBackupSession/200-entity.xml\n',
        '              externalValue: ../examples/getBackupSession/200-entity.xml\n            stopped:\n              summary: Stopped\n              description: Seed page.\n              x-veeam-origin: seed\n              externalValue: ../examples/getBackupSession/200-entity-stopped.xml\n'),
    });
    const [examples] = await run(root, ['examples']);
    // Picked by the variant's first word (entity -> BackupJobSession), not the default EntityRef.
    expect(lines(examples!, root)).toEqual([]);
    expect(examples!.summary).toMatch(/^10 examples \(7 JSON, 3 XML\)/);
  });
});

describe('schema errors', () => {
  it('a schema Ajv cannot compile names the spec file and JSON pointer', async () => {
    const root = fixtureCopy({ 'specs/enterprise-manager/components/schemas/BackupJobSession.yaml': (t) => t.replace('format: date-time', 'format: timespan') });
    const [ex] = await run(root, ['examples']);
    expect(lines(ex!, root)).toEqual([
      'specs/enterprise-manager/openapi.yaml #/components/schemas/BackupJobSession: schema cannot be compiled: unknown format "timespan" ignored in schema at path "#/properties/EndTimeUTC"',
    ]);
  });
});

describe('mutation', () => {
  it('reports the surviving mutant when the XSD is permissive', async () => {
    // OpenAPI keeps the JobType enum (the site is found from the schema), the XSD loses it.
    const root = fixtureCopy({ 'specs/enterprise-manager/xsd/veeam-ent-v1.xsd': (t) => t.replace('<xs:element name="JobType" type="JobType"/>', '<xs:element name="JobType" type="xs:string"/>') });
    const [m] = await run(root, ['mutation']);
    expect(lines(m!, root)).toEqual([
      'specs/enterprise-manager/examples/getBackupSession/200-entity.xml /BackupJobSession/JobType: enterprise-manager GET /backupSessions/{ID} 200 application/xml [entity]: mutant survived (enum: element JobType value changed); the schema accepts it',
      'specs/enterprise-manager/examples/getBackupSession/200-entity.xml /BackupJobSession/JobType: enterprise-manager GET /backupSessions/{ID} 200 application/xml [entity]: mutant survived (type: element JobType given a value of the wrong type); the schema accepts it',
    ]);
  });
});
