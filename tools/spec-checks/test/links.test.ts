import { afterAll, describe, expect, it } from 'vitest';
import { jsonLinks, methodForRel, xmlLinks } from '../src/checks/links.js';
import { formatFinding } from '../src/findings.js';
import { runChecks } from '../src/run.js';
import { cleanFixtures, fixtureCopy } from './helpers.js';

afterAll(cleanFixtures);

describe('link extraction', () => {
  it('finds JSON href/Href anywhere, with Rel or the _links key as relation', () => {
    expect(jsonLinks({ Links: [{ Rel: 'Stop', Href: 'h1' }], _links: { self: { href: 'h2' } } })).toEqual([
      { href: 'h1', rel: 'Stop', where: '/Links/0/Href' },
      { href: 'h2', rel: 'self', where: '/_links/self/href' },
    ]);
  });

  it('finds XML Href attributes with their Rel and line:column', () => {
    expect(xmlLinks('<A Href="x">\n  <Link Rel="Delete" Href="y?a=1&amp;b=2"/>\n</A>')).toEqual([
      { href: 'x', rel: undefined, where: '1:1' },
      { href: 'y?a=1&b=2', rel: 'Delete', where: '2:3' },
    ]);
  });

  it.each([['Stop', 'POST'], ['delete', 'DELETE'], ['Alternate', 'GET'], [undefined, 'GET']])('Rel %s -> %s', (rel, method) => {
    expect(methodForRel(rel)).toBe(method);
  });
});

describe('link closure', () => {
  it('lists every unmatched href with file, position and reason', async () => {
    const root = fixtureCopy({
      'specs/enterprise-manager/examples/listBackupSessions/200.xml': (t) => t
        .replace('?action=stop"', '?action=pause"')
        .replace('<Link Rel="Alternate"', '<Link Rel="Down" Href="https://em.example.com:9398/api/backupSessions/1/taskSessions"/>\n      <Link Rel="Delete" Href="https://em.example.com:9398/api/backupSessions/1"/>\n      <Link Rel="Alternate"'),
      'specs/m365/examples/listJobSessionsForJob/200.json': (t) => t.replace('/v3/Jobs/3/JobSessions', '/v3/Jobs/3/Sessions'),
    });
    const [links] = await runChecks(root, ['links']);
    expect(links!.failures.map((f) => formatFinding(f, root))).toEqual([
      'specs/enterprise-manager/examples/listBackupSessions/200.xml:4:7: enterprise-manager GET /backupSessions 200 application/xml [default]: unmatched href https://em.example.com:9398/api/backupSessions/1/taskSessions (GET): no path template matches',
      'specs/enterprise-manager/examples/listBackupSessions/200.xml:5:7: enterprise-manager GET /backupSessions 200 application/xml [default]: unmatched href https://em.example.com:9398/api/backupSessions/1 (DELETE): path is documented for GET, POST but not DELETE (Rel="Delete")',
      'specs/enterprise-manager/examples/listBackupSessions/200.xml:7:7: enterprise-manager GET /backupSessions 200 application/xml [default]: unmatched href https://em.example.com:9398/api/backupSessions/1?action=pause (POST): stopBackupSession query "action" does not allow "pause" (stop)',
      'specs/m365/examples/listJobSessionsForJob/200.json /0/_links/job/href: m365 GET /Jobs/{id}/JobSessions 200 application/json [seed]: unmatched href https://vbo.example.com:4443/v3/Jobs/3/Sessions (GET): no path template matches',
    ]);
    expect(links!.notes).toHaveLength(1);
  });

  it('matches case-insensitively only where the spec root says so', async () => {
    const root = fixtureCopy({ 'specs/m365/openapi.yaml': (t) => t.replace('x-veeam-case-insensitive-paths: true', 'x-veeam-case-insensitive-paths: false') });
    const [links] = await runChecks(root, ['links']);
    expect(links!.failures.map((f) => f.message)).toEqual([
      expect.stringContaining('unmatched href https://vbo.example.com:4443/v3/jobsessions/7 (GET)'),
      expect.stringContaining('unmatched href https://vbo.example.com:4443/v3/jobsessions/1 (GET)'),
    ]);
    // The dead-link template is lower case like the link, so it still matches.
    expect(links!.notes).toHaveLength(1);
  });

  it('accepts links to real but undescribed endpoints listed in x-veeam-undescribed-links, by template and relation', async () => {
    const root = fixtureCopy({
      'specs/enterprise-manager/openapi.yaml': (t) => t.replace('paths:\n', 'x-veeam-undescribed-links:\n  - template: /managedServers\n    reason: Out of scope.\n  - template: /backupSessions/{ID}\n    rel: Delete\n    reason: Not described.\npaths:\n'),
      'specs/enterprise-manager/examples/listBackupSessions/200.xml': (t) => t.replace('<Link Rel="Alternate"', '<Link Rel="Down" Href="https://em.example.com:9398/api/managedServers"/>\n      <Link Rel="Delete" Href="https://em.example.com:9398/api/backupSessions/1"/>\n      <Link Rel="Edit" Href="https://em.example.com:9398/api/backupSessions/1"/>\n      <Link Rel="Alternate"'),
    });
    const [links] = await runChecks(root, ['links']);
    // The entry with rel: Delete does not hide the Edit link of the same path.
    expect(links!.failures.map((f) => f.message)).toEqual([expect.stringContaining('unmatched href https://em.example.com:9398/api/backupSessions/1 (PUT): path is documented for GET, POST but not PUT (Rel="Edit")')]);
    expect(links!.summary).toMatch(/, 2 links to undescribed endpoints accepted$/);
  });
});
