// Markdown tables for bench/render-run.mjs: one row per contender × N, then Clonoscope's ratios.

const f = (x, d = 1) => (x === undefined || x === null || !Number.isFinite(x) ? '—' : x.toFixed(d));
const sec = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fps = (g) => (g ? `${f(g.fpsMedian)} / ${f(g.fpsP10)} / ${f(g.fpsOverall)} (${g.frames}${g.frames < g.asked ? ` of ${g.asked}` : ''})` : '—');
const settle = (s) => (s ? `${sec(s.ms)}${s.changedLater ? ' (changed later)' : ''}` : '—');

const names = { 'pixi-mesh': 'plain pixi mesh', deck: 'deck.gl ScatterplotLayer', floor: 'floor: empty WebGL canvas' };
export const label = (r) => (r.contender === 'clonoscope' ? `Clonoscope (${r.variant})` : names[r.contender] ?? r.contender);

export function resultsTable(results) {
  const lines = [
    '| contender | mode | cells | first frame (load) | pan fps: median / p10 / overall (frames) | zoom fps: median / p10 / overall (frames) | settle after pan / zoom | drawn, colours | JS heap / ArrayBuffers | peak RSS renderer / GPU | other CPU load | status |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const first = r.first ? `${sec(r.first.ms)} (${sec(r.loadMs)})` : '—';
    const drawn = r.first ? `${f(100 * r.first.check.drawn, 0)} %, ${r.first.check.colours}/8` : '—';
    const heap = r.heap ? `${f(r.heap.usedMB, 0)} / ${f(r.heap.buffersMB, 0)} MB` : r.heapMB ? `${f(r.heapMB, 0)} MB` : '—';
    const mem = r.memory ? `${f(r.memory.renderer.peakMB, 0)} / ${f(r.memory.gpu.peakMB, 0)} MB` : '—';
    const status = r.status === 'ok' ? 'ok' : `**${r.status}**${r.error ? `: ${r.error.split('\n')[0].slice(0, 120)}` : ''}`;
    lines.push(`| ${label(r)} | ${r.mode ?? '—'} | ${r.contender === 'floor' ? '0' : r.n.toLocaleString('en')} | ${first} | ${fps(r.pan)} | ${fps(r.zoom)} | ${settle(r.panSettle)} / ${settle(r.zoomSettle)} | ${drawn} | ${heap} | ${mem} | ${r.foreignCores === undefined ? '—' : `${f(r.foreignCores, 2)} cores`} | ${status} |`);
  }
  return lines.join('\n');
}

const ratio = (a, b) => (a && b && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');

const fpsRatio = (c, o) => (o ? `${ratio(c?.fpsMedian, o.fpsMedian)} (${ratio(c?.fpsOverall, o.fpsOverall)})` : '—');

/**
 * fps ratios: Clonoscope / other (> 1: Clonoscope faster), of median fps and, in brackets, of
 * overall fps (robust where only a few frames were drawn); first-frame ratio: time / time (< 1: faster).
 */
export function ratioTable(results) {
  const ok = (r) => r && (r.status === 'ok' || r.status === 'timeout'); // timeout: what was measured before
  const lines = [
    '| Clonoscope | cells | first frame ÷ mesh | first frame ÷ deck.gl | pan fps ÷ mesh: median (overall) | pan fps ÷ deck.gl | zoom fps ÷ mesh | zoom fps ÷ deck.gl |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const c of results.filter((r) => r.contender === 'clonoscope' && ok(r))) {
    const mesh = results.find((r) => r.contender === 'pixi-mesh' && r.n === c.n && ok(r));
    const deck = results.find((r) => r.contender === 'deck' && r.n === c.n && ok(r));
    lines.push(
      `| ${c.variant} (${c.mode}) | ${c.n.toLocaleString('en')} | ${ratio(c.first?.ms, mesh?.first?.ms)} | ${ratio(c.first?.ms, deck?.first?.ms)} | ${fpsRatio(c.pan, mesh?.pan)} | ${fpsRatio(c.pan, deck?.pan)} | ${fpsRatio(c.zoom, mesh?.zoom)} | ${fpsRatio(c.zoom, deck?.zoom)} |`,
    );
  }
  return lines.length > 2 ? lines.join('\n') : '(no Clonoscope result to compare)';
}

/** Issue 4's targets for Clonoscope: ≥ 30 fps pan and zoom and first frame ≤ 1.5 s at 1M; 5M shown. */
export function targetLines(results) {
  const out = [];
  for (const c of results.filter((r) => r.contender === 'clonoscope')) {
    const tick = (b) => (b ? '✓' : '✗');
    if (c.n <= 1_000_000 && c.pan)
      out.push(`- Clonoscope (${c.variant}, ${c.n.toLocaleString('en')}): pan ${f(c.pan.fpsMedian)} fps median (${f(c.pan.fpsOverall)} overall) ${tick(c.pan.fpsMedian >= 30)}, zoom ${f(c.zoom?.fpsMedian)} (${f(c.zoom?.fpsOverall)}) fps ${tick(c.zoom?.fpsMedian >= 30)}, first frame ${sec(c.first?.ms)} ${tick(c.first?.ms <= 1500)}`);
    else out.push(`- Clonoscope (${c.variant}, ${c.n.toLocaleString('en')}): ${c.status === 'ok' ? `shown in ${sec(c.first?.ms)} ✓` : `${c.status} ✗`}`);
  }
  return out.join('\n');
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : undefined;
};

/** Several runs of one case → one result whose timings are the medians (status: the first run's if none is ok). */
export function combineRuns(runs) {
  const ok = runs.filter((r) => r.status === 'ok');
  if (runs.length === 1 || ok.length === 0) return runs[0];
  const med = (get) => median(ok.map(get));
  const out = structuredClone(ok[0]);
  out.runs = ok.length;
  if (out.first) out.first.ms = med((r) => r.first?.ms);
  out.loadMs = med((r) => r.loadMs);
  for (const g of ['pan', 'zoom'])
    if (out[g]) for (const k of ['fpsMedian', 'fpsP10', 'fpsOverall']) out[g][k] = med((r) => r[g]?.[k]);
  for (const s of ['panSettle', 'zoomSettle']) if (out[s]) out[s].ms = med((r) => r[s]?.ms);
  const pans = ok.map((r) => r.pan?.fpsMedian).filter(Number.isFinite);
  if (pans.length) out.notes = [out.notes, `${ok.length} runs, pan fps ${Math.min(...pans).toFixed(1)}–${Math.max(...pans).toFixed(1)}`].filter(Boolean).join('; ');
  out.memory = { renderer: { peakMB: Math.max(...ok.map((r) => r.memory?.renderer.peakMB ?? 0)) }, gpu: { peakMB: Math.max(...ok.map((r) => r.memory?.gpu.peakMB ?? 0)) } };
  out.foreignCores = Math.max(...ok.map((r) => r.foreignCores ?? 0));
  return out;
}
