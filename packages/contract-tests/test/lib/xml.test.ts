import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator, type ResponseInput, type Validator } from '../../src/index.js';
import { FIXTURE_ROOT, fixture } from './helpers.js';

let v: Validator;
beforeAll(async () => { v = await createValidator({ rootDir: FIXTURE_ROOT }); });
afterAll(async () => { await v.close(); });

const entityXml = fixture('specs/enterprise-manager/examples/getBackupSession/200-entity.xml');
const em = (over: Partial<ResponseInput>): ResponseInput => ({
  product: 'enterprise-manager', method: 'GET', url: '/api/backupSessions/1?format=Entity',
  status: 200, contentType: 'application/xml', body: entityXml, ...over,
});

describe('XML validation', () => {
  it('accepts the example (XSD in the JVM) and names the schema', async () => {
    expect(await v.validate(em({}))).toMatchObject({ ok: true, outcome: 'valid', operationId: 'getBackupSession', schema: 'BackupJobSession' });
  });

  it.each([
    ['enum changed', (x: string) => x.replace('<State>Stopped', '<State>Stoped'), '7:24', 'Stoped'],
    ['required element removed', (x: string) => x.replace('  <Progress>100</Progress>\n', ''), '8:15', undefined],
    ['wrong type', (x: string) => x.replace('<Progress>100', '<Progress>lots'), '8:28', 'lots'],
    ['required attribute removed', (x: string) => x.replace(' Type="BackupJobSession"', ''), '2:', undefined],
  ])('rejects a mutant: %s, at line:column', async (_n, mutate, at, actual) => {
    const r = await v.validate(em({ body: mutate(entityXml) }));
    expect(r).toMatchObject({ ok: false, outcome: 'invalid' });
    expect(r.errors[0]!.path.startsWith(at)).toBe(true);
    if (actual) expect(r.errors[0]!.actual).toBe(actual);
  });

  it('checks the root element against the selected representation and namespace', async () => {
    const wrongRep = await v.validate(em({ url: '/api/backupSessions/1' }));
    expect(wrongRep.errors[0]).toMatchObject({ path: '2:1', expected: '{http://www.veeam.com/ent/v1.0}EntityRef', actual: '{http://www.veeam.com/ent/v1.0}BackupJobSession' });
    const wrongNs = await v.validate(em({ body: entityXml.replace('ent/v1.0', 'ent/v2.0') }));
    expect(wrongNs.outcome).toBe('invalid');
    expect(wrongNs.errors[0]!.message).toBe('root element does not match the response schema');
  });

  it('validates many documents with one JVM start', async () => {
    const fresh = await createValidator({ rootDir: FIXTURE_ROOT });
    try {
      const inputs = Array.from({ length: 40 }, (_, i) => em({ body: i % 2 ? entityXml : entityXml.replace('<State>Stopped', '<State>Nope') }));
      const results = await fresh.validateMany(inputs);
      expect(results.map((r) => r.ok)).toEqual(inputs.map((_, i) => i % 2 === 1));
      await fresh.validate(em({}));
      expect(fresh.xsd.jvmStarts).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('mixes JSON and XML in one batch, keeping input order', async () => {
    const json = fixture('specs/enterprise-manager/examples/getBackupSession/200-entity.json');
    const rs = await v.validateMany([em({}), em({ contentType: 'application/json', body: json }), em({ body: '<broken' })]);
    expect(rs.map((r) => r.outcome)).toEqual(['valid', 'valid', 'malformed']);
  });
});

describe('hostile XML is refused before the JVM', () => {
  it.each([
    ['XXE (file)', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0">&x;</BackupJobSession>', '2:1'],
    ['XXE (URL)', '<!DOCTYPE r SYSTEM "http://127.0.0.1:1/x.dtd"><r/>', '1:1'],
    ['billion laughs', '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>', '2:1'],
  ])('%s', async (_n, body, at) => {
    const r = await v.validate(em({ body }));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]!.path).toBe(at);
    expect(r.errors[0]!.message).toMatch(/DOCTYPE declarations are refused/);
  });

  it('not well-formed: line:column', async () => {
    const r = await v.validate(em({ body: '<BackupJobSession xmlns="http://www.veeam.com/ent/v1.0">\n  <State>Stopped</Stat>\n</BackupJobSession>' }));
    expect(r.outcome).toBe('malformed');
    expect(r.errors[0]!.path).toMatch(/^2:\d+$/);
  });

  it('a declared non-UTF-8 encoding', async () => {
    const r = await v.validate(em({ body: '<?xml version="1.0" encoding="ISO-8859-1"?><a/>' }));
    expect(r).toMatchObject({ outcome: 'malformed' });
    expect(r.errors[0]!.message).toContain('only UTF-8');
  });
});

describe('missing JDK', () => {
  it('reports the XML body as skipped-no-jdk (never valid), naming JDK 17+ and JAVA_HOME', async () => {
    const noJava = await createValidator({ rootDir: FIXTURE_ROOT, javaHome: '/nonexistent/jdk' });
    try {
      // The helper may already be compiled (cache by hash), then starting `java` fails instead of javac.
      const r = await noJava.validate(em({}));
      expect(r).toMatchObject({ ok: false, outcome: 'skipped-no-jdk', operationId: 'getBackupSession' });
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ kind: 'no-jdk', path: '/' });
      expect(r.errors[0]!.message).toMatch(/needs a JDK 17\+.*JAVA_HOME/);
    } finally {
      await noJava.close();
    }
  });
});

describe('JVM lifecycle', () => {
  it('close() ends the JVM (no process left behind) and a later call starts a new one', async () => {
    const fresh = await createValidator({ rootDir: FIXTURE_ROOT });
    await fresh.validate(em({}));
    const pid = fresh.xsd.pid!;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await fresh.close();
    expect(fresh.xsd.pid).toBeUndefined();
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    expect((await fresh.validate(em({}))).ok).toBe(true);
    expect(fresh.xsd.jvmStarts).toBe(2);
    await fresh.close();
  });

  it('a JVM that dies mid-run fails the pending documents with a clear error, then restarts', async () => {
    const fresh = await createValidator({ rootDir: FIXTURE_ROOT });
    try {
      await fresh.validate(em({}));
      const pending = fresh.validateMany(Array.from({ length: 200 }, () => em({})));
      process.kill(fresh.xsd.pid!, 'SIGKILL');
      await expect(pending).rejects.toThrow(/XsdBatch JVM exited/);
      expect((await fresh.validate(em({}))).ok).toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a body over the size limit before parsing', async () => {
    const small = await createValidator({ rootDir: FIXTURE_ROOT, maxBodyBytes: 1000 });
    const r = await small.validate(em({ body: entityXml + ' '.repeat(1000) }));
    expect(r).toMatchObject({ outcome: 'malformed' });
    expect(r.errors[0]!.message).toMatch(/more than the limit of 1000/);
    await small.close();
  });
});
