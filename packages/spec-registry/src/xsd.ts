import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The XSD files beside a spec (`<specDir>/xsd/*.xsd`), absolute paths sorted by name; [] when none. */
export function findXsdFiles(specDir: string): string[] {
  const dir = path.join(specDir, 'xsd');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xsd'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** `targetNamespace` of an XSD (an attribute of its root element), read without a full parse. */
export function xsdTargetNamespace(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  return /<(?:\w+:)?schema\b[^>]*\btargetNamespace\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
}
