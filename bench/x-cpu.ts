import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { startStandIn } from '../src/standin/server';
import { deployCommands } from '../src/deploy-commands';

const which = process.argv[2] ?? 'tierbot';
const prof = process.argv.includes('--prof');
const s = await startStandIn({ token: 'MTAwMDAwMDAwMDAwMDAwMDAx.bench.' + 'x'.repeat(40) });
await deployCommands({ token: s.token, clientId: s.applicationId, guildId: s.guildIds[0], apiUrl: s.apiUrl });
const only = process.env.KINDS?.split(',');
const entry = which === 'tierbot' ? 'bench/tierbot-bot.ts' : 'bench/baseline-bot.ts';
const child = spawn(process.execPath, [...(prof ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof2'] : []), '--import', 'tsx', entry], {
  env: { ...process.env, DISCORD_TOKEN: s.token, DISCORD_API_URL: s.apiUrl, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
await new Promise<void>((resolve) => {
  const on = (l: string) => { console.error('child:', l.slice(0, 200)); if (/ready|Ready!/.test(l)) resolve(); };
  createInterface({ input: child.stdout! }).on('line', on);
  createInterface({ input: child.stderr! }).on('line', on);
});
await s.waitForReady();
const cpu = () => {
  const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};
const kinds: Record<string, () => ReturnType<typeof s.sendCommand>> = {
  glossary: () => s.sendCommand('glossary', { term: 'cpe' }),
  tiersSource: () => s.sendCommand('tiers', { source: 'Mediakix' }),
  autocomplete: () => s.sendAutocomplete('tiers', 'source', 'medi'),
  help: () => s.sendCommand('help', {}),
  tier: () => s.sendCommand('tier', { followers: String(Math.floor(Math.random() * 2_000_000)) }),
  compare: () => s.sendCommand('compare', { budget: '5000' }),
  tiersOverview: () => s.sendCommand('tiers', {}),
  glossaryIndex: () => s.sendCommand('glossary', {}),
};
const N = Number(process.env.N ?? 1000);
console.error('driver: bot ready');
for (let round = 0; round < 2; round++) {
  for (const [name, send] of Object.entries(kinds).filter(([k]) => !only || only.includes(k))) {
    const lat: number[] = [];
    const c0 = cpu();
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      await s.waitForAnswer(send());
      lat.push(performance.now() - t);
    }
    lat.sort((a, b) => a - b);
    if (round === 1) console.log(which.padEnd(9), name.padEnd(13), 'cpu ms/int', ((cpu() - c0) / N).toFixed(3), 'p50', lat[N >> 1]!.toFixed(2), 'p99', lat[Math.floor(N * 0.99)]!.toFixed(2));
  }
}
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
await s.close();
process.exit(0);
