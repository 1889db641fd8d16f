import { performance } from 'node:perf_hooks';
import { glossary } from '../src/commands/glossary';
import { tiers } from '../src/commands/tiers';
import { TERMS } from '../src/domain/glossary';
import { SOURCES } from '../src/domain/sources';
const qs: [typeof glossary, string][] = [];
for (const t of TERMS) for (let n = 1; n <= 5; n++) qs.push([glossary, t.name.slice(0, n)]);
for (const s of SOURCES) for (const k of [s.id, s.name]) for (let n = 1; n <= 5; n++) qs.push([tiers, k.slice(0, n)]);
// warm JIT with garbage queries
for (let i = 0; i < 2000; i++) { glossary.autocomplete!({ name: 'term', value: 'zq' + i }, {}); tiers.autocomplete!({ name: 'source', value: 'zq' + i }, {}); }
let a = performance.now();
for (const [c, q] of qs) c.autocomplete!({ name: c === glossary ? 'term' : 'source', value: q }, {});
const cold = (performance.now() - a) / qs.length;
a = performance.now();
for (const [c, q] of qs) c.autocomplete!({ name: c === glossary ? 'term' : 'source', value: q }, {});
const warm = (performance.now() - a) / qs.length;
console.log(qs.length, 'cold µs', (cold * 1000).toFixed(1), 'warm µs', (warm * 1000).toFixed(1), new Set(qs.map(q => q[1])).size);
