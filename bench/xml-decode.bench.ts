// XML decode throughput: decodeXml (scan + mapping-driven conversion to the JSON-shaped object) vs a
// raw fast-xml-parser parse of the same bytes (the naive way: an untyped tree, no mapping) vs
// JSON.parse of the JSON twin (the floor: what the JSON media type costs). Goal: decodeXml >= 0.5x FXP.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { Bench } from 'tinybench';
import { decodeXml } from '../packages/client-core/src/xml/index.js';
import { xmlMapping } from '../packages/enterprise-manager/src/generated/xml.gen.js';

const examples = new URL('../specs/enterprise-manager/examples/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, examples), 'utf8');

/** A large session list: the seed's Refs repeated (the shape EM returns for /backupSessions). */
function largeList(count: number): { xml: string; json: string } {
  const xml = read('listBackupSessions/200.xml');
  const refs = xml.slice(xml.indexOf('<Ref '), xml.lastIndexOf('</EntityReferences>'));
  const json = JSON.parse(read('listBackupSessions/200.json')) as { Refs: unknown[] };
  const reps = Math.ceil(count / json.Refs.length);
  return {
    xml: `<EntityReferences xmlns="http://www.veeam.com/ent/v1.0">\n${refs.repeat(reps)}</EntityReferences>\n`,
    json: JSON.stringify({ Refs: Array.from({ length: reps }, () => json.Refs).flat() }),
  };
}

const docs = [
  { name: 'entity (getBackupSession 200-entity)', xml: read('getBackupSession/200-entity.xml'), json: read('getBackupSession/200-entity.json'), candidates: ['EntityRef', 'BackupJobSession'] },
  { name: 'list of 500 refs (listBackupSessions)', ...largeList(500), candidates: ['EntityReferences'] },
];

const fxp = new XMLParser({ ignoreAttributes: false, processEntities: false, attributeNamePrefix: '' });
const rows: string[] = [];
const ratios: string[] = [];
for (const doc of docs) {
  // Sanity: the decoder must give the JSON twin, or the comparison is meaningless.
  if (JSON.stringify(decodeXml(doc.xml, xmlMapping, doc.candidates)) !== JSON.stringify(JSON.parse(doc.json))) {
    throw new Error(`${doc.name}: decodeXml does not give the JSON twin`);
  }
  const bytes = Buffer.byteLength(doc.xml);
  const bench = new Bench({ time: 700, warmupTime: 100 });
  bench
    .add('decodeXml', () => decodeXml(doc.xml, xmlMapping, doc.candidates))
    .add('fast-xml-parser parse', () => fxp.parse(doc.xml))
    .add('JSON.parse (JSON twin)', () => JSON.parse(doc.json));
  await bench.run();
  const hz: Record<string, number> = {};
  for (const task of bench.tasks) {
    const r = task.result as { throughput?: { mean: number }; latency?: { mean: number } } | undefined;
    const perSec = r?.latency?.mean ? 1000 / r.latency.mean : 0;
    hz[task.name] = perSec;
    const size = task.name.startsWith('JSON') ? Buffer.byteLength(doc.json) : bytes;
    rows.push(`| ${doc.name} | ${task.name} | ${(size / 1024).toFixed(1)} KiB | ${perSec.toFixed(0)} | ${((perSec * size) / 2 ** 20).toFixed(1)} |`);
  }
  const vsFxp = hz.decodeXml! / hz['fast-xml-parser parse']!;
  const vsJson = hz.decodeXml! / hz['JSON.parse (JSON twin)']!;
  ratios.push(`- ${doc.name}: decodeXml = **${vsFxp.toFixed(2)}x** fast-xml-parser (goal >= 0.5x: ${vsFxp >= 0.5 ? 'met' : 'NOT met'}), ${vsJson.toFixed(2)}x JSON.parse.`);
}

process.stdout.write(
  [
    '## XML decode throughput (enterprise-manager)',
    '',
    'decodeXml = hand-written scanner + mapping-driven conversion to the JSON-shaped object; fast-xml-parser = raw parse of the same bytes into an untyped tree (attributes on, entities off); JSON.parse = the JSON twin (floor).',
    '',
    '| document | decoder | size | docs/s | MB/s |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...ratios,
    '',
  ].join('\n'),
);
