import { readFileSync } from 'node:fs';

/** `targetNamespace` of an XSD (an attribute of its root element), read without a full parse. */
export function xsdTargetNamespace(file: string): string | undefined {
  const text = readFileSync(file, 'utf8');
  return /<(?:\w+:)?schema\b[^>]*\btargetNamespace\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
}
