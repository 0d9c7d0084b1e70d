/** Schema-guided XML decoding for enterprise-manager bodies (see decode.ts). */
export { decodeXml, type DecodeXmlOptions } from './decode.js';
export { XmlDecodeError, type XmlDecodeErrorCode } from './errors.js';
export type { XmlMapping, XmlPropMapping, XmlSchemaMapping, XmlValueType } from './mapping.js';
