// A small modal asking for a name (Electron has no window.prompt). Resolves to the trimmed name,
// or null when cancelled or left empty.

import { h } from './dom.ts';

export function askName(title: string, initial: string): Promise<string | null> {
  const input = h('input', { type: 'text', value: initial, required: true, testid: 'name-input', attrs: { 'aria-label': title } });
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { text: title }),
    input,
    h('menu', {}, h('button', { value: 'cancel', text: 'Cancel', formNoValidate: true, testid: 'name-cancel' }), h('button', { value: 'ok', class: 'primary', text: 'OK', testid: 'name-ok' })),
  );
  const dialog = h('dialog', { class: 'mapping ask-name', testid: 'name-dialog' }, form);
  document.body.append(dialog);
  dialog.showModal();
  input.select();
  return new Promise((resolve) => {
    let result: string | null = null;
    form.addEventListener('submit', (e) => {
      if ((e as SubmitEvent).submitter?.getAttribute('value') === 'ok') result = input.value.trim() || null;
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
  });
}
