// Memory of the browser's processes, read from /proc (Linux): peak (VmHWM) and current (VmRSS)
// resident memory of the renderer and GPU processes descending from this Node process.
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
