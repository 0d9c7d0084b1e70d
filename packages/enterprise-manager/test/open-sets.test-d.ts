// Open sets (LinkType, LinkRel, ReferenceType) type as `'Known' | ... | (string & {})`: any string is
// accepted, and the known values survive as literals (editors complete them) instead of widening to string.
import { describe, expectTypeOf, it } from 'vitest';
import type { Schema } from '../src/index.js';

describe('open sets', () => {
  it('accept any string and keep the known values as literals', () => {
    expectTypeOf<'ObjectInJobList'>().toMatchTypeOf<Schema<'LinkType'>>();
    expectTypeOf<'SomethingAFutureVersionAdds'>().toMatchTypeOf<Schema<'LinkType'>>();
    expectTypeOf<Extract<Schema<'LinkType'>, 'JobReference'>>().toEqualTypeOf<'JobReference'>();
    expectTypeOf<Extract<Schema<'LinkRel'>, 'Alternate'>>().toEqualTypeOf<'Alternate'>();
    expectTypeOf<Extract<Schema<'ReferenceType'>, 'BackupJobSessionReference'>>().toEqualTypeOf<'BackupJobSessionReference'>();
    expectTypeOf<Schema<'LinkType'>>().not.toEqualTypeOf<string>();
  });
});
