/**
 * Types of the generated XML mapping (`packages/<product>/src/generated/xml.gen.ts`): everything the
 * decoder needs to turn an XML body into exactly the object the JSON representation gives.
 */

/** Value type of a mapped property; dates stay strings, as in JSON. */
export type XmlValueType = 'string' | 'integer' | 'number' | 'boolean' | 'date-time' | 'object' | 'array';

/** How one JSON property is found in the XML. */
export interface XmlPropMapping {
  /** JSON property name. */
  readonly prop: string;
  /** `attribute` of the element, child `element`, or the element's own `text` content. */
  readonly kind: 'attribute' | 'element' | 'text';
  /** XML local name: the attribute, the child element, or for arrays the wrapper (wrapped) or the repeated item (unwrapped). */
  readonly name: string;
  readonly type: XmlValueType;
  /** JSON allows `null`: an absent attribute/element (or `xsi:nil`) decodes to `null`. */
  readonly nullable: boolean;
  /** The JSON object always has this property. */
  readonly required: boolean;
  /** Component schema name for `object` values and `object` array items. */
  readonly ref?: string;
  /** Arrays: items sit inside a wrapper element (`<Links><Link/></Links>`). */
  readonly wrapped?: boolean;
  /** Arrays: local name of each item element. */
  readonly itemName?: string;
  /** Arrays: value type of each item. */
  readonly itemType?: Exclude<XmlValueType, 'array'>;
}

/** Mapping of one component schema. */
export interface XmlSchemaMapping {
  /** Root element name when the schema can be a document root (`xml.name`). */
  readonly element?: string;
  /** Properties in JSON order (child elements in XML document order). */
  readonly props: readonly XmlPropMapping[];
}

/** The generated `xmlMapping` constant of a product. */
export interface XmlMapping {
  /** Namespace of every element (`http://www.veeam.com/ent/v1.0`), or null when elements have none. */
  readonly namespace: string | null;
  readonly schemas: Readonly<Record<string, XmlSchemaMapping>>;
}
