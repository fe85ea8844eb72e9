// A small modal with a question and a few answers ("Find it…", "Skip"); resolves to the value of
// the answer chosen, or null when dismissed (Esc). Electron has no window.confirm worth using.

import { h } from './dom.ts';

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly primary?: boolean;
  readonly title?: string;
}

export function askChoice(title: string, text: string, choices: readonly Choice[], testid = 'choice-dialog'): Promise<string | null> {
  const form = h(
    'form',
    { method: 'dialog' },
    h('h2', { text: title }),
    h('p', { text, testid: `${testid}-text` }),
    h('menu', {}, ...choices.map((c) => h('button', { value: c.value, text: c.label, ...(c.title ? { title: c.title } : {}), ...(c.primary ? { class: 'primary' } : {}), testid: `${testid}-${c.value}` }))),
  );
  const dialog = h('dialog', { class: 'mapping ask-choice', testid }, form);
  document.body.append(dialog);
  dialog.showModal();
  return new Promise((resolve) => {
    let result: string | null = null;
    form.addEventListener('submit', (e) => (result = (e as SubmitEvent).submitter?.getAttribute('value') ?? null));
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
  });
}
