// What a loaded API is, wherever it came from (bundled from a checkout, or read from the shipped specs).
import type { Product } from '../types.js';

export { xsdTargetNamespace } from './xsd.js';

/** One bundled API document plus where it came from. */
export interface LoadedSpec {
  product: Product;
  /** Registry alias, e.g. `enterprise-manager@v1`. */
  alias: string;
  /** API version, e.g. `v1`. */
  version: string;
  /** Absolute path of the document messages name: the root `openapi.yaml` of a checkout, or the shipped `openapi.json`. */
  rootFile: string;
  /** The bundled document (local `#/components/...` refs kept, examples inlined). */
  doc: OpenApiDoc;
  /** XSD files of the API (`<spec dir>/xsd/*.xsd`, or their shipped copies), absolute paths. */
  xsdFiles: string[];
}

/** The parts of an OpenAPI 3.1 document this package reads. */
export interface OpenApiDoc {
  openapi: string;
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, Schema>; responses?: Record<string, unknown> };
  [ext: `x-${string}`]: unknown;
}

/** A JSON Schema (OpenAPI 3.1 dialect) node. */
export type Schema = Record<string, any>;
