// Worker threads do not inherit tsx's TypeScript loader, so the chart worker registers it itself
// before loading the TypeScript worker (the same under `npm start`, the CLI and vitest).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
