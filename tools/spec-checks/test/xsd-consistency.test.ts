import { afterAll, describe, expect, it } from 'vitest';
import { formatFinding } from '../src/findings.js';
import { runChecks } from '../src/run.js';
import { cleanFixtures, fixtureCopy } from './helpers.js';

afterAll(cleanFixtures);

const XSD = 'specs/enterprise-manager/xsd/veeam-ent-v1.xsd';
const SESSION = 'specs/enterprise-manager/components/schemas/BackupJobSession.yaml';

describe('OpenAPI <-> XSD consistency', () => {
  it('lists every difference of a deliberately different pair', async () => {
    const root = fixtureCopy({
      [XSD]: (t) => t
        .replace('<xs:enumeration value="Backup"/><xs:enumeration value="NasBackup"/>', '<xs:enumeration value="Backup"/><xs:enumeration value="AgentBackup"/>')
        .replace('<xs:element name="Progress" type="xs:int"/>', '<xs:element name="Progress" type="xs:string"/>')
        .replace('<xs:element name="EndTimeUTC" type="xs:dateTime" minOccurs="0"/>', '<xs:element name="EndTimeUTC" type="xs:dateTime"/>\n      <xs:element name="Extra" type="xs:string" minOccurs="0"/>')
        .replace('<xs:attribute name="Rel" type="xs:string" use="required"/>', '<xs:attribute name="Rel" type="xs:string"/>')
        .replace('<xs:element name="Ref" type="Ref" minOccurs="0" maxOccurs="unbounded"/>', '<xs:element name="Ref" type="Ref" minOccurs="0"/>'),
      [SESSION]: (t) => t.replace('Href: { type: string, xml: { attribute: true } }', 'Href: { type: string }'),
    });
    const [c] = await runChecks(root, ['xsd-consistency']);
    expect(c!.failures.map((f) => formatFinding(f, root)).sort()).toEqual([
      'specs/enterprise-manager/components/schemas/BackupJobSession.yaml: BackupJobSession: EndTimeUTC is optional in OpenAPI (required+nullable or not required = optional) but mandatory in the XSD',
      'specs/enterprise-manager/components/schemas/BackupJobSession.yaml: BackupJobSession: Href is an element in OpenAPI but an attribute in the XSD',
      'specs/enterprise-manager/components/schemas/BackupJobSession.yaml: BackupJobSession: JobType enum differs: only in OpenAPI [NasBackup], only in the XSD [AgentBackup]',
      'specs/enterprise-manager/components/schemas/BackupJobSession.yaml: BackupJobSession: Progress has type integer in OpenAPI but string (string) in the XSD',
      'specs/enterprise-manager/components/schemas/BackupJobSession.yaml: BackupJobSession: element Extra is in the XSD but not in the OpenAPI schema',
      'specs/enterprise-manager/components/schemas/EntityReferences.yaml: EntityReferences: Ref is an unwrapped array in OpenAPI but has maxOccurs 1 in the XSD',
      'specs/enterprise-manager/components/schemas/Link.yaml: Link: Rel is mandatory in OpenAPI (required+nullable or not required = optional) but optional in the XSD',
    ]);
  });

  it('reports a missing complexType and an unreadable XSD with its position', async () => {
    const missing = fixtureCopy({ [XSD]: (t) => t.replace(/<xs:complexType name="EntityRef">[\s\S]*?<\/xs:complexType>/, '') });
    const [a] = await runChecks(missing, ['xsd-consistency']);
    expect(a!.failures.map((f) => f.message)).toContain('EntityRef: no complexType "EntityRef" in veeam-ent-v1.xsd');
    const broken = fixtureCopy({ [XSD]: (t) => t.replace('<xs:complexType name="Link">', '<xs:complexType name="Link"') });
    const [b] = await runChecks(broken, ['xsd-consistency']);
    expect(b!.failures.map((f) => formatFinding(f, broken))).toEqual([expect.stringMatching(/^specs\/enterprise-manager\/xsd\/veeam-ent-v1\.xsd:\d+:\d+: XSD is not well-formed/)]);
  });

  it('reads the XML Object of a nullable oneOf property from the property itself', async () => {
    const root = fixtureCopy({
      'specs/enterprise-manager/components/schemas/Link.yaml': (t) => t.replace('Rel: { type: string, xml: { attribute: true } }', 'Rel: { oneOf: [{ type: string }, { type: "null" }], xml: { attribute: true } }'),
      [XSD]: (t) => t.replace('<xs:attribute name="Rel" type="xs:string" use="required"/>', '<xs:attribute name="Rel" type="xs:string" use="optional"/>'),
    });
    const [c] = await runChecks(root, ['xsd-consistency']);
    expect(c!.failures.map((f) => f.message)).toEqual([]);
  });
});
