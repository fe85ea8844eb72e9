// The column-mapping dialog: which columns are x, y (z), the id, clone, region, sample and
// phenotype, and the units. Shown when detection is unsure, when a table has no recognisable
// coordinates, and on request (Ctrl+M). Can remember the choice for the format.

import type { CoordinateSource, ColumnMapping, SourceUnits } from '../../shared/dataset/mapping.ts';
import { h } from './dom.ts';

export interface MappingRequest {
  readonly fileName: string;
  readonly formatLabel: string;
  readonly columns: readonly string[];
  /** Numeric columns (offered first for coordinates). */
  readonly numeric: readonly string[];
  readonly current: Partial<ColumnMapping> | null;
  readonly reason: string;
  readonly canKeepAllRows: boolean;
}

export interface MappingChoice {
  readonly mapping: Partial<ColumnMapping>;
  readonly remember: boolean;
  readonly keepAllRows: boolean;
}

const BOX = '__box__';
const NONE = '';

function describe(src: CoordinateSource | undefined): string {
  return src === undefined ? NONE : typeof src === 'string' ? src : BOX;
}

export function showMappingDialog(req: MappingRequest): Promise<MappingChoice | null> {
  const cur = req.current ?? {};
  const select = (label: string, key: string, value: string, options: readonly string[], optional: boolean, extra?: [string, string]) => {
    const s = h('select', { name: key, testid: `map-${key}` });
    if (optional) s.append(h('option', { value: NONE, text: '—' }));
    if (extra) s.append(h('option', { value: extra[0], text: extra[1] }));
    for (const o of options) s.append(h('option', { value: o, text: o }));
    s.value = value;
    return h('label', {}, h('span', { text: label }), s);
  };
  const coordOptions = [...req.numeric, ...req.columns.filter((c) => !req.numeric.includes(c))];
  const box = (src: CoordinateSource | undefined): [string, string] | undefined =>
    src && typeof src !== 'string' ? [BOX, `midpoint of ${src.min} and ${src.max}`] : undefined;
  const units = h('select', { name: 'units', testid: 'map-units' }, h('option', { value: 'um', text: 'µm' }), h('option', { value: 'px', text: 'pixels' }), h('option', { value: 'mm', text: 'mm' }));
  units.value = cur.units ?? 'um';
  const pixel = h('input', { type: 'number', min: '0', step: 'any', name: 'pixelSize', testid: 'map-pixel-size', placeholder: 'µm per pixel', value: cur.pixelSizeUm ? String(cur.pixelSizeUm) : '' });
  const remember = h('input', { type: 'checkbox', name: 'remember', testid: 'map-remember' });
  const keepAll = h('input', { type: 'checkbox', name: 'keepAll', testid: 'map-keep-all' });
  const syncPixel = () => (pixel.disabled = units.value !== 'px');
  units.addEventListener('change', syncPixel);
  syncPixel();

  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { text: `Columns of ${req.fileName}` }),
    h('p', { class: 'muted', text: `${req.reason} Detected format: ${req.formatLabel}.` }),
    h(
      'div',
      { class: 'grid' },
      select('x', 'x', describe(cur.x), coordOptions, false, box(cur.x)),
      select('y', 'y', describe(cur.y), coordOptions, false, box(cur.y)),
      select('z (optional)', 'z', describe(cur.z), coordOptions, true),
      select('Cell id', 'id', typeof cur.id === 'string' ? cur.id : NONE, req.columns, true),
      select('Clone', 'clone', cur.clone ?? NONE, req.columns, true),
      select('Region', 'region', cur.region ?? NONE, req.columns, true),
      select('Sample', 'sample', cur.sample ?? NONE, req.columns, true),
      select('Phenotype', 'phenotype', cur.phenotype ?? NONE, req.columns, true),
      h('label', {}, h('span', { text: 'Units' }), units),
      h('label', {}, h('span', { text: 'Pixel size (µm)' }), pixel),
    ),
    req.canKeepAllRows ? h('label', { class: 'check' }, keepAll, h('span', { text: 'Keep spots outside the tissue (in_tissue = 0)' })) : null,
    h('label', { class: 'check' }, remember, h('span', { text: `Remember for ${req.formatLabel} files` })),
    h('p', { class: 'error', testid: 'map-error' }),
    h('menu', {}, h('button', { value: 'cancel', text: 'Cancel', testid: 'map-cancel', formNoValidate: true }), h('button', { value: 'apply', class: 'primary', text: 'Apply', testid: 'map-apply' })),
  );
  const dialog = h('dialog', { class: 'mapping', testid: 'mapping-dialog' }, form);
  document.body.append(dialog);
  dialog.showModal();

  return new Promise((resolve) => {
    form.addEventListener('submit', (e) => {
      const submitter = (e as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.value !== 'apply') return;
      const data = new FormData(form);
      const get = (k: string) => String(data.get(k) ?? '');
      const coord = (k: 'x' | 'y' | 'z'): CoordinateSource | undefined => (get(k) === BOX ? cur[k] : get(k) || undefined);
      const x = coord('x'), y = coord('y');
      const err = form.querySelector('[data-testid=map-error]')!;
      const ps = Number(get('pixelSize'));
      if (!x || !y) {
        e.preventDefault();
        err.textContent = 'Choose the x and the y column.';
        return;
      }
      if (get('units') === 'px' && get('pixelSize') !== '' && !(ps > 0)) {
        e.preventDefault();
        err.textContent = 'The pixel size must be a positive number of µm (or empty to stay in pixels).';
        return;
      }
      const mapping: Partial<ColumnMapping> = {
        x,
        y,
        ...(coord('z') ? { z: coord('z')! } : {}),
        ...(get('id') ? { id: get('id') } : {}),
        clone: get('clone') || undefined,
        region: get('region') || undefined,
        sample: get('sample') || undefined,
        phenotype: get('phenotype') || undefined,
        units: get('units') as SourceUnits,
        ...(get('units') === 'px' && ps > 0 ? { pixelSizeUm: ps } : {}),
      };
      resolve({ mapping, remember: remember.checked, keepAllRows: keepAll.checked });
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(null);
    });
  });
}
