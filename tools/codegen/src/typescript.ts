// TypeScript through require(), not `import`: an ESM import of its 9 MB CommonJS file makes Node scan
// the whole file for named exports (cjs-module-lexer), about 0.4 s of every codegen process.
import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

/** The TypeScript compiler API (factory, printer, enums), loaded as CommonJS. */
export const ts: typeof TypeScript = createRequire(import.meta.url)('typescript');
