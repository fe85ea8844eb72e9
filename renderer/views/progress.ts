// The progress strip shown while a file loads, with Cancel (Esc).

import { formatCount } from '../../shared/errors.ts';
import type { Loading } from '../app/store.ts';
import { h } from './dom.ts';

export function createProgress(): { el: HTMLElement; render(loading: Loading | null): void } {
  const bar = h('progress', { max: 1, testid: 'progress-bar' });
  const label = h('span', { class: 'progress-label' });
  const cancel = h('button', { text: 'Cancel', testid: 'cancel-load', title: 'Stop loading (Esc)' });
  let current: Loading | null = null;
  cancel.addEventListener('click', () => current?.cancel());
  const el = h('div', { class: 'progress', testid: 'progress', attrs: { role: 'progressbar', 'aria-live': 'polite' } }, label, bar, cancel);
  el.hidden = true;
  return {
    el,
    render(loading) {
      current = loading;
      el.hidden = !loading;
      if (!loading) return;
      if (loading.fraction === null) bar.removeAttribute('value');
      else bar.value = loading.fraction;
      const pct = loading.fraction === null ? '' : ` — ${Math.floor(loading.fraction * 100)} %`;
      label.textContent = `${loading.label}${pct}${loading.rows ? ` · ${formatCount(loading.rows)} rows` : ''}`;
    },
  };
}
