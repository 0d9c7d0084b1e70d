#!/usr/bin/env node
// Runs the TypeScript sources through tsx (the tool is never built, as tools/codegen). Redocly is
// loaded before tsx's hooks: its hundreds of ESM files load about twice as fast outside them.
import { register } from 'tsx/esm/api';

await import('@redocly/openapi-core');
register();
const { main } = await import('../src/upgrade/cli.ts');
process.exitCode = await main(process.argv.slice(2));
