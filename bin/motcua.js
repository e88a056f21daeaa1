#!/usr/bin/env node
// `npx motcua ...`: runs the TypeScript command line through tsx.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/index.ts');
