// What one biopsy would report (shared/analysis/biopsy/report.ts) as a card: the sentences a
// clinician would take from it, then its clone composition against the whole section and its
// region, then — with a clone tree — every mutation's CCF, expected VAF and clonal call.

import type { BiopsyReport } from '../../shared/analysis/biopsy/report.ts';
import type { DesignReport } from '../../shared/analysis/biopsy/design-report.ts';
import type { ColourBook } from '../scene/palette.ts';
import { h } from './dom.ts';

const pct = (v: number, d = 0) => (Number.isFinite(v) ? `${(v * 100).toFixed(d)} %` : '—');
const count = (n: number) => Math.round(n).toLocaleString('en');

/** The card of biopsy number `k` (1-based); `cloneColumn` names the colours in the book. */
export function biopsyCard(r: BiopsyReport, k: number, cloneColumn: string, book: ColourBook): HTMLElement {
  const c = r.clinic;
  const lines: (string | HTMLElement)[] = [];
  if (r.cells === 0) lines.push('No cell inside: the biopsy missed the tissue.');
  else {
    lines.push(`Tumour purity ${pct(r.purity)} (${count(r.tumourCells)} tumour cells of ${count(r.cells)}).`);
    if (c.dominantClone) {
      const whole = r.clones.find((x) => x.clone === c.dominantClone!.clone)?.sectionFraction ?? NaN;
      lines.push(`Dominant clone ${c.dominantClone.clone}: ${pct(c.dominantClone.fraction)} here, ${pct(whole)} of the whole tumour.`);
    }
    const missedShare = r.clones.filter((x) => r.missedClones.includes(x.clone)).reduce((s, x) => s + x.sectionFraction, 0);
    lines.push(
      c.clonesMissed.length
        ? `Sees ${c.clonesSeen} of ${c.clonesInSection} clones; misses ${c.clonesMissed.join(', ')} (${pct(missedShare, 1)} of the tumour).`
        : `Sees all ${c.clonesInSection} clones.`,
    );
    if (Number.isFinite(c.worstCompositionError)) lines.push(`Largest error in a clone's share: ${(c.worstCompositionError * 100).toFixed(1)} percentage points.`);
    if (c.truncalLooking !== undefined) {
      lines.push(
        `${c.truncalLooking} mutations look truncal here (CCF ≥ 0.9)` +
          (c.illusions ? `; ${c.illusions} of them are subclonal in the tumour — an illusion of clonality (${pct(c.illusionFraction ?? NaN)}).` : ', all truly clonal.'),
      );
      if (c.mutationsMissed) lines.push(`Misses ${c.mutationsMissed} of ${(c.mutationsDetected ?? 0) + c.mutationsMissed} mutations present in the tumour${c.truncalMissed ? `, and calls ${c.truncalMissed} truly truncal ones subclonal or absent` : ''}.`);
    }
  }
  const composition = h(
    'table',
    { class: 'biopsy-composition', testid: 'biopsy-composition' },
    h('thead', {}, h('tr', {}, ...['clone', 'here', 'tumour', r.region ? r.region : 'region'].map((t) => h('th', { text: t })))),
    h(
      'tbody',
      {},
      ...r.clones.map((x) =>
        h(
          'tr',
          { class: r.missedClones.includes(x.clone) ? 'missed' : '', attrs: { 'data-clone': x.clone } },
          h('td', {}, h('span', { class: 'swatch', attrs: { style: `background:${book.colour(cloneColumn, x.clone)}` } }), ` ${x.clone}`),
          h('td', { class: 'num', text: r.tumourCells ? pct(x.fraction, 1) : '—' }),
          h('td', { class: 'num', text: pct(x.sectionFraction, 1) }),
          h('td', { class: 'num', text: pct(x.regionFraction, 1) }),
        ),
      ),
    ),
  );
  const card = h(
    'article',
    { class: 'biopsy-card', testid: 'biopsy-card' },
    h('h4', { text: `What biopsy ${k} would tell the clinic${r.region ? ` (${r.region})` : ''}` }),
    h('ul', { testid: 'biopsy-clinic' }, ...lines.map((l) => h('li', {}, l))),
    composition,
  );
  if (r.mutations?.length) {
    const rows = r.mutations.map((m) =>
      h(
        'tr',
        { class: m.illusion ? 'illusion' : !m.detected ? 'missed' : '' },
        h('td', { text: m.mutation }),
        h('td', { text: m.clone }),
        h('td', { class: 'num', text: m.ccf.toFixed(2) }),
        h('td', { class: 'num', text: m.tumourCcf.toFixed(2) }),
        h('td', { class: 'num', text: m.expectedVaf.toFixed(3) }),
        h('td', { text: !m.detected ? 'absent' : m.clonal ? (m.illusion ? 'clonal — illusion' : 'clonal') : 'subclonal' }),
      ),
    );
    card.append(
      h(
        'details',
        { testid: 'biopsy-mutations' },
        h('summary', { text: `Mutations (${r.mutations.length}): CCF, expected VAF, clonal call` }),
        h('table', { class: 'biopsy-mutations' }, h('thead', {}, h('tr', {}, ...['mutation', 'clone', 'CCF here', 'CCF tumour', 'VAF', 'call'].map((t) => h('th', { text: t })))), h('tbody', {}, ...rows)),
      ),
    );
  }
  return card;
}

/** What the biopsies of a sample say together (a multi-region design), against the truth. */
export function designCard(d: DesignReport): HTMLElement {
  const n = d.biopsies.length;
  const lines: string[] = [`Together the ${n} biopsies see ${d.clonesSeen.length} of ${d.clonesSeen.length + d.clonesMissed.length} clones${d.clonesMissed.length ? ` (missed: ${d.clonesMissed.join(', ')})` : ''}; pooled, they mis-assign ${pct(d.compositionError, 1)} of the tumour's composition.`];
  if (d.classes && d.regionClasses) {
    const c = d.classes, t = d.regionClasses;
    lines.push(`Mutations across the biopsies: ${c.ubiquitous} ubiquitous, ${c.shared} shared, ${c.private} private${d.missedMutations ? `, ${d.missedMutations} in the tumour but in no biopsy` : ''} — across the tumour's ${d.regions?.length ?? 0} regions: ${t.ubiquitous} ubiquitous, ${t.shared} shared, ${t.private} private.`);
  }
  if (d.truncalCalls !== undefined) lines.push(`${d.truncalCalls} mutations called truncal (clonal in every biopsy); ${d.wronglyTruncal ?? 0} of them wrongly (subclonal in the tumour).`);
  if (d.metastasis) {
    const m = d.metastasis;
    lines.push(`Metastasis: the biopsies call ${m.call ?? 'nothing'} divergence${m.seedingClone ? ` from ${m.seedingClone}` : ''}; the whole section says ${m.truth ?? 'nothing'}${m.trueSeedingClone ? ` from ${m.trueSeedingClone}` : ''} — ${m.correct ? 'correct' : 'wrong'}.`);
  }
  return h('article', { class: 'biopsy-card design', testid: 'design-card' }, h('h4', { text: `All ${n} biopsies together` }), h('ul', {}, ...lines.map((l) => h('li', { text: l }))));
}
