// Type-level x-veeam-representations (docs/extensions.md): the query value a call passes picks the
// response schema, as the runtime does when it chooses the XML decoder's schema (media.ts xmlCandidates).
import type { Readable } from './readable.js';

/**
 * The operations of a generated (`as const`) table that carry x-veeam-representations, keyed
 * `"<method> <path>"` as the spec writes them (`"get /backupSessions/{ID}"`). Empty for tables without
 * representations or without literal types.
 */
export type RepresentationIndex<Table> = {
  [Id in keyof Table as Table[Id] extends {
    readonly method: infer M extends string;
    readonly path: infer P extends string;
    readonly representations: { readonly parameter: string };
  }
    ? `${M} ${P}`
    : never]: Table[Id] extends { readonly representations: infer R } ? R : never;
};

/** x-veeam-representations of the operation at `Method` `Path`, or `null` when it has none. */
export type RepresentationAt<Table, Method extends string, Path> = `${Method} ${Path & string}` extends infer Key
  ? Key extends keyof RepresentationIndex<Table>
    ? RepresentationIndex<Table>[Key]
    : null
  : null;

/** The value of query parameter `Param` in the inferred init (`undefined` when absent). */
type QueryValue<Init, Param extends string> = Init extends { readonly params?: infer P }
  ? P extends { readonly query?: infer Q }
    ? Q extends object
      ? Param extends keyof Q
        ? Q[Param]
        : undefined
      : undefined
    : undefined
  : undefined;

/** The 2xx body of component schema `Name`, or `All` when `Schemas` does not name it. */
type SchemaData<Name, Schemas, All> = Name extends keyof Schemas ? Readable<Schemas[Name]> : All;

// Distributes over the value: a union of literals gives the union of their schemas. As at runtime, an
// absent/null value selects the default and a value the spec does not list leaves every candidate.
type Selected<Value, Default, Values, Schemas, All> = Value extends undefined | null
  ? SchemaData<Default, Schemas, All>
  : Value extends string | number | boolean
    ? `${Value}` extends keyof Values
      ? SchemaData<Values[`${Value}`], Schemas, All>
      : All
    : All;

/**
 * The typed 2xx body of a call: for an operation with representations `R`, the schema the call's query
 * selects (`?format=Entity` -> the entity, no `format` -> the reference), else `All` (every 2xx schema).
 * A non-literal value (`format: string`) keeps `All`.
 */
export type RepresentedData<All, R, Schemas, Init> = R extends {
  readonly parameter: infer Param extends string;
  readonly default: infer Default extends string;
  readonly values: infer Values;
}
  ? string extends Default | keyof Values
    ? All
    : Selected<QueryValue<Init, Param>, Default, Values, Schemas, All>
  : All;
