// The size of a biopsy: punch or needle, a preset (TMA cores, 18 G / 14 G needle cores) or
// numbers in µm (needle angle in degrees from the x axis). Used for the next biopsy placed, for
// the picked one, and for a Monte Carlo design.

import { BIOPSY_PRESETS, templateProblem, type BiopsyTemplate } from '../../shared/analysis/biopsy/geometry.ts';
import { h } from './dom.ts';

/** "punch Ø 1.0 mm", "needle 10 × 0.8 mm at 30°". */
export function describeTemplate(t: BiopsyTemplate): string {
  const mm = (um: number) => (um >= 1000 ? `${+(um / 1000).toFixed(2)} mm` : `${Math.round(um)} µm`);
  return t.kind === 'punch' ? `punch Ø ${mm(2 * t.radius)}` : `needle ${mm(t.length)} × ${mm(t.width)} at ${Math.round(t.angleDeg)}°`;
}

const sameTemplate = (a: BiopsyTemplate, b: BiopsyTemplate) => JSON.stringify(a) === JSON.stringify(b);

/** Fields for a template; `change` gets every valid edit. `testid` prefixes the inputs' test ids. */
export function biopsyFields(t: BiopsyTemplate, change: (t: BiopsyTemplate) => void, testid: string): HTMLElement {
  const preset = h(
    'select',
    { testid: `${testid}-preset`, title: 'Usual biopsy sizes (needle widths are approximate inner diameters)' },
    h('option', { value: '', text: 'custom size' }),
    ...BIOPSY_PRESETS.map((p) => h('option', { value: p.id, text: p.label })),
  );
  preset.value = BIOPSY_PRESETS.find((p) => sameTemplate({ ...p.template, ...(p.template.kind === 'needle' && t.kind === 'needle' ? { angleDeg: t.angleDeg } : {}) }, t))?.id ?? '';
  preset.addEventListener('change', () => {
    const p = BIOPSY_PRESETS.find((q) => q.id === preset.value);
    if (p) change(p.template.kind === 'needle' && t.kind === 'needle' ? { ...p.template, angleDeg: t.angleDeg } : p.template);
  });
  const number = (name: string, value: number, title: string, step = 'any') => {
    const input = h('input', { type: 'number', min: '0', step, value: String(Math.round(value * 10) / 10), testid: `${testid}-${name}`, title, attrs: { 'aria-label': title } });
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const next: BiopsyTemplate =
        t.kind === 'punch'
          ? { kind: 'punch', radius: v / 2 }
          : { ...t, ...(name === 'length' ? { length: v } : name === 'width' ? { width: v } : { angleDeg: v }) };
      const problem = Number.isFinite(v) ? templateProblem(next) : 'not a number';
      input.setCustomValidity(problem ?? '');
      input.reportValidity();
      if (!problem) change(next);
    });
    return input;
  };
  const kind = h(
    'select',
    { testid: `${testid}-kind`, title: 'Punch (a disc) or needle core (a rectangle)' },
    h('option', { value: 'punch', text: 'punch' }),
    h('option', { value: 'needle', text: 'needle core' }),
  );
  kind.value = t.kind;
  kind.addEventListener('change', () => change(kind.value === 'punch' ? { kind: 'punch', radius: t.kind === 'needle' ? t.width / 2 : t.radius } : { kind: 'needle', length: 10_000, width: t.kind === 'punch' ? Math.min(2 * t.radius, 1600) : 800, angleDeg: 0 }));
  const sizes =
    t.kind === 'punch'
      ? [h('label', {}, h('span', { text: 'Ø µm' }), number('diameter', 2 * t.radius, 'Punch diameter, µm'))]
      : [
          h('label', {}, h('span', { text: 'length µm' }), number('length', t.length, 'Needle core length, µm')),
          h('label', {}, h('span', { text: 'width µm' }), number('width', t.width, 'Needle core width, µm')),
          h('label', {}, h('span', { text: 'angle °' }), number('angle', t.angleDeg, 'Angle from the x axis, degrees', '1')),
        ];
  return h('div', { class: 'biopsy-fields' }, h('div', { class: 'row' }, kind, preset), h('div', { class: 'row sizes' }, ...sizes));
}
