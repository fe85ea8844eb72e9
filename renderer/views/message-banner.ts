// One message at a time: an error (why a file could not be used) or information (what a join did).

import type { Message } from '../app/store.ts';
import { clear, h } from './dom.ts';

export function renderMessage(el: HTMLElement, message: Message | null, dismiss: () => void): void {
  clear(el);
  el.hidden = !message;
  if (!message) return;
  el.className = `message ${message.kind}`;
  el.setAttribute('role', message.kind === 'error' ? 'alert' : 'status');
  el.append(h('span', { class: 'message-text', testid: 'message-text', text: message.text }));
  if (message.details?.length) el.append(h('ul', { class: 'message-details' }, ...message.details.map((d) => h('li', { text: d }))));
  if (message.action) el.append(h('button', { text: message.action.label, testid: 'message-action', on: { click: message.action.run } }));
  el.append(h('button', { text: '×', class: 'dismiss', title: 'Dismiss', attrs: { 'aria-label': 'Dismiss' }, on: { click: dismiss } }));
}
