// A small helper for building DOM without a framework.

type Child = Node | string | number | null | undefined | false;
type Props = {
  class?: string;
  testid?: string;
  title?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [E in keyof HTMLElementEventMap]: (e: HTMLElementEventMap[E]) => void }>;
} & Record<string, unknown>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  const { class: cls, testid, title, text, attrs, on, ...rest } = props;
  if (cls) el.className = cls;
  if (testid) el.dataset.testid = testid;
  if (title) el.title = title;
  if (text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attrs ?? {})) el.setAttribute(k, v);
  for (const [k, v] of Object.entries(rest)) (el as unknown as Record<string, unknown>)[k] = v;
  for (const [type, fn] of Object.entries(on ?? {})) el.addEventListener(type, fn as EventListener);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(typeof c === 'number' ? String(c) : c);
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.firstChild.remove();
}

/** "Ctrl+O" or "⌘O" as the platform writes it. */
export function shortcut(keys: string): string {
  const mac = /Mac|iPhone|iPad/.test(navigator.platform);
  return mac ? keys.replace('Ctrl+Shift+', '⇧⌘').replace('Ctrl+', '⌘') : keys;
}
