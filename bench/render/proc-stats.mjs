// From /proc (Linux): peak (VmHWM) and current (VmRSS) resident memory of the renderer and GPU
// processes descending from this Node process, and CPU time used by everything else meanwhile
// (other work on the machine makes the figures unfair).
import { readFileSync, readdirSync } from 'node:fs';

const kb = (status, key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);

function descendants(root) {
  const children = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [], stack = [root];
  while (stack.length) for (const c of children.get(stack.pop()) ?? []) out.push(c), stack.push(c);
  return out;
}

/** { renderer: {peakMB, rssMB}, gpu: {peakMB, rssMB} } of Chromium processes under `rootPid`; undefined off Linux. */
export function browserMemory(rootPid = process.pid) {
  try {
    const out = { renderer: { peakMB: 0, rssMB: 0 }, gpu: { peakMB: 0, rssMB: 0 } };
    for (const pid of descendants(rootPid)) {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const kind = cmd.includes('--type=renderer') ? 'renderer' : cmd.includes('--type=gpu-process') ? 'gpu' : null;
        if (!kind) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const m = out[kind];
        m.peakMB = Math.max(m.peakMB, kb(status, 'VmHWM') / 1024);
        m.rssMB = Math.max(m.rssMB, kb(status, 'VmRSS') / 1024);
      } catch {
        // gone
      }
    }
    return out;
  } catch {
    return undefined;
  }
}

const HZ = 100; // clock ticks per second (getconf CLK_TCK)

function ticks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]); // utime stime cutime cstime
}

/** CPU ticks of the whole machine (busy) and of this process tree; undefined off Linux. */
export function cpuSnapshot(rootPid = process.pid) {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const busy = cpu[0] + cpu[1] + cpu[2] + cpu[5] + cpu[6] + cpu[7]; // user nice system irq softirq steal
    let ours = 0;
    for (const pid of [rootPid, ...descendants(rootPid)]) {
      try {
        ours += ticks(pid);
      } catch {
        // gone
      }
    }
    return { at: performance.now(), busy, ours };
  } catch {
    return undefined;
  }
}

/** Cores' worth of CPU used by processes outside this tree between two snapshots. */
export function foreignCores(a, b) {
  if (!a || !b) return undefined;
  const s = (b.at - a.at) / 1000;
  return Math.max(0, (b.busy - a.busy - (b.ours - a.ours)) / HZ / s);
}
