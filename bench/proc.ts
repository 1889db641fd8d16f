/** Memory and CPU of a process and its descendants, from /proc (or `ps`), for both benches. */

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export const HAS_PROC = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/** /proc/<pid>/stat fields after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
export function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The process and all its descendants (Tierbot's chart renderer is a child process). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  if (HAS_PROC) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const ppid = Number(statFields(Number(entry))?.[1]);
      if (ppid) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    }
  } else {
    for (const line of execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' }).trim().split('\n')) {
      const [pid, ppid] = line.trim().split(/\s+/).map(Number);
      if (pid && ppid) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length && tree.length < 64; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Resident memory of the whole process tree, in MB. */
export function treeRssMB(root: number): { rssMB: number; processes: number } {
  const pids = processTree(root);
  let kB = 0;
  for (const pid of pids) {
    if (HAS_PROC) {
      try {
        kB += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // exited meanwhile
      }
    } else {
      kB += Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim() || 0);
    }
  }
  return { rssMB: kB / 1024, processes: pids.length };
}

/** CPU (user + system) used so far by the tree, in ms: live processes plus the children already reaped. */
export function treeCpuMs(root: number): number | null {
  if (!HAS_PROC) return null;
  let ticks = 0;
  for (const pid of processTree(root)) {
    const f = statFields(pid);
    if (!f) continue;
    ticks += Number(f[11]) + Number(f[12]) + (pid === root ? Number(f[13]) + Number(f[14]) : 0);
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on every Linux Node supports
}
