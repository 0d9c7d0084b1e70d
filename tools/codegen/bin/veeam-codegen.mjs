#!/usr/bin/env node
// Runs the TypeScript sources through tsx: the tool is never built, so there is no stale dist to cache.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
