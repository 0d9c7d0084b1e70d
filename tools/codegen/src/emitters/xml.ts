import { pointerSegment, specFail } from '../errors.js';
import { deref, type OpenApiDoc, type Ref, type Schema } from '../openapi.js';
import { constStatement, header, importType, printStatements, sortKeys, type Literal } from './print.js';

type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'object' | 'array';

/** A schema with `type: [T, "null"]` or `oneOf: [X, {type: null}]` split into T and nullability. */
interface Unwrapped {
  schema: Schema;
  ref: string | undefined;
  nullable: boolean;
}

/** True when the spec speaks XML: a schema with `xml` or a response/request media type ending in `xml`. */
export function hasXml(doc: OpenApiDoc): boolean {
  if (Object.values(doc.components?.schemas ?? {}).some((s) => s.xml !== undefined)) return true;
  const isXml = (content: unknown) => Object.keys((content as Record<string, unknown> | undefined) ?? {}).some((t) => XML_MEDIA.test(t));
  for (const item of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(deref<Record<string, unknown>>(doc, item).value)) {
      if (typeof op !== 'object' || op === null) continue;
      const { requestBody, responses } = op as { requestBody?: unknown; responses?: Record<string, unknown> };
      if (requestBody !== undefined && isXml(deref<{ content?: unknown }>(doc, requestBody as Ref).value.content)) return true;
      for (const r of Object.values(responses ?? {})) if (isXml(deref<{ content?: unknown }>(doc, r as Ref).value.content)) return true;
    }
  }
  return false;
}

const XML_MEDIA = /^[^/]+\/(?:[^;]*\+)?xml\b/i;

/** Builds the `xmlMapping` constant: every object component of a spec with XML (sorted by name). */
export function buildXmlMapping(doc: OpenApiDoc, source: string): Literal {
  if (!hasXml(doc)) return { namespace: null, schemas: {} };
  const schemas = doc.components?.schemas ?? {};
  const namespaces = new Set(Object.values(schemas).flatMap((s) => (s.xml?.namespace === undefined ? [] : [s.xml.namespace])));
  if (namespaces.size > 1) {
    specFail(source, '/components/schemas', `expected one XML namespace, found ${[...namespaces].join(', ')}`);
  }
  const out: Record<string, Literal> = {};
  for (const [name, raw] of Object.entries(schemas)) {
    const schema = deref<Schema>(doc, raw).value;
    if (!isObjectSchema(schema)) continue;
    const pointer = `/components/schemas/${pointerSegment(name)}`;
    const required = new Set(schema.required ?? []);
    const props = Object.entries(schema.properties ?? {}).map(([prop, p]) =>
      propMapping(doc, source, `${pointer}/properties/${pointerSegment(prop)}`, prop, p, required.has(prop)),
    ) as { kind: string }[];
    if (props.some((p) => p.kind === 'text') && props.filter((p) => p.kind !== 'attribute').length > 1) {
      specFail(source, pointer, 'a schema with an x-veeam-text property has no other child elements or text properties');
    }
    out[name] = { element: schema.xml?.name, props: props as Literal[] };
  }
  return { namespace: [...namespaces][0] ?? null, schemas: sortKeys(out) };
}

function isObjectSchema(schema: Schema): boolean {
  return schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) || schema.properties !== undefined;
}

/** One property's mapping (see tools/codegen/README.md for the naming rules). */
function propMapping(doc: OpenApiDoc, source: string, pointer: string, prop: string, raw: Schema, required: boolean): Literal {
  const { schema, ref, nullable } = unwrap(doc, source, pointer, raw);
  const type = valueType(schema, ref, source, pointer);
  // The element name comes from the property (xml next to a $ref, on the inline schema or on the
  // inline oneOf member), never from the referenced component's root xml.name.
  const xml = { ...(ref === undefined ? schema.xml : {}), ...raw.xml };
  // x-veeam-text (docs/extensions.md): the element's own text, as in <Day Name="Sunday">1,1</Day>.
  const kind = xml.attribute === true ? 'attribute' : xml['x-veeam-text'] === true ? 'text' : 'element';
  if (kind !== 'element' && (type === 'object' || type === 'array')) {
    specFail(source, pointer, `XML ${kind === 'text' ? 'text content' : 'attribute'} must be a simple value, not ${type}`);
  }
  if (type === 'object') return { prop, kind, name: xml.name ?? prop, type, nullable, required, ref };
  if (type !== 'array') return { prop, kind, name: xml.name ?? prop, type, nullable, required };
  if (schema.items === undefined) specFail(source, pointer, 'an array needs "items" to map to XML');
  const item = unwrap(doc, source, `${pointer}/items`, schema.items);
  const itemType = valueType(item.schema, item.ref, source, `${pointer}/items`);
  if (itemType === 'array') specFail(source, `${pointer}/items`, 'arrays of arrays have no XML form');
  const wrapped = xml.wrapped === true;
  const itemName =
    schema.items.xml?.name ?? (item.ref !== undefined ? item.schema.xml?.name : undefined) ?? (wrapped ? undefined : xml.name) ?? item.ref ?? prop;
  return {
    prop,
    kind,
    name: wrapped ? (xml.name ?? prop) : itemName,
    type,
    nullable,
    required,
    ref: item.ref,
    wrapped,
    itemName,
    itemType,
  };
}

/** Resolves `$ref`s and splits off `null` (`type: [T, "null"]`, `oneOf: [X, {type: "null"}]`). */
function unwrap(doc: OpenApiDoc, source: string, pointer: string, raw: Schema): Unwrapped {
  let nullable = false;
  let current: Schema = raw;
  const members = current.oneOf ?? current.anyOf;
  if (members !== undefined) {
    const nonNull = members.filter((m) => !(m.type === 'null'));
    nullable = nonNull.length < members.length;
    if (nonNull.length !== 1) specFail(source, pointer, 'expected one non-null oneOf/anyOf member for an XML-mapped property');
    current = nonNull[0]!;
  }
  let resolved: { value: Schema; name: string | undefined };
  try {
    resolved = deref<Schema>(doc, current);
  } catch (e) {
    specFail(source, pointer, (e as Error).message);
  }
  const schema = resolved.value;
  if (Array.isArray(schema.type) && schema.type.includes('null')) nullable = true;
  return { schema, ref: resolved.name, nullable };
}

function valueType(schema: Schema, ref: string | undefined, source: string, pointer: string): ValueType {
  const types = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]).filter((t) => t !== 'null');
  const t = types.length === 1 ? types[0] : undefined;
  if (t === 'string') return schema.format === 'date-time' ? 'date-time' : 'string';
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'array') return t;
  if (t === 'object' || (t === undefined && schema.properties !== undefined)) {
    if (ref === undefined) specFail(source, pointer, 'an XML-mapped object must be a $ref to a component schema');
    return 'object';
  }
  if (t === undefined && schema.enum !== undefined && schema.enum.every((v) => typeof v === 'string')) return 'string';
  return specFail(source, pointer, `cannot map type ${JSON.stringify(schema.type ?? null)} to XML (expected one of string, integer, number, boolean, object, array, optionally with "null")`);
}

/** `xml.gen.ts`. */
export function emitXml(doc: OpenApiDoc, source: string): string {
  return (
    header(source, doc.info.version) +
    printStatements([importType(['XmlMapping'], '@veeam-rest/client-core'), constStatement('xmlMapping', buildXmlMapping(doc, source), 'XmlMapping')])
  );
}
