// electron/main/close-guard.ts: closing with unsaved changes asks Save / Don't Save / Cancel; Save
// waits for the window's answer (closeAfterSave); a quit that asked goes on only when it should.
import { describe, expect, it, vi } from 'vitest';

const { showMessageBox } = vi.hoisted(() => ({ showMessageBox: vi.fn() }));
vi.mock('electron', () => ({ dialog: { showMessageBox } }));

import { askToSave, guardClose, type CloseChoice } from '../../../electron/main/close-guard.ts';

/** A window whose close() emits 'close' and closes unless a listener prevents it. */
function fakeWindow() {
  let listener: ((e: { preventDefault(): void }) => void) | null = null;
  const w = {
    closed: false,
    closeCalls: 0,
    on: (_e: 'close', l: (e: { preventDefault(): void }) => void) => void (listener = l),
    close() {
      w.closeCalls++;
      let prevented = false;
      listener?.({ preventDefault: () => void (prevented = true) });
      if (!prevented) w.closed = true;
    },
  };
  return w;
}

function setup(choice: CloseChoice | Promise<CloseChoice> = 'cancel') {
  const win = fakeWindow();
  const deps = { ask: vi.fn(async () => choice), requestSave: vi.fn(), discard: vi.fn(), closing: vi.fn(), quit: vi.fn() };
  const guard = guardClose(win, deps);
  return { win, deps, guard };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('guardClose', () => {
  it('closes at once, without asking, when nothing is unsaved', () => {
    const { win, deps } = setup();
    win.close();
    expect(win.closed).toBe(true);
    expect(deps.ask).not.toHaveBeenCalled();
    expect(deps.closing).toHaveBeenCalledOnce();
  });

  it('Cancel keeps the window open', async () => {
    const { win, deps, guard } = setup('cancel');
    guard.setDirty(true);
    win.close();
    await settle();
    expect(win.closed).toBe(false);
    expect(deps.ask).toHaveBeenCalledOnce();
    expect(deps.closing).not.toHaveBeenCalled();
  });

  it("Don't Save discards the autosave and closes", async () => {
    const { win, deps, guard } = setup('discard');
    guard.setDirty(true);
    win.close();
    await settle();
    expect(deps.discard).toHaveBeenCalledOnce();
    expect(win.closed).toBe(true);
    expect(deps.closing).toHaveBeenCalledOnce();
    expect(deps.quit).not.toHaveBeenCalled();
  });

  it('Save asks the window to save, then closes when it answers closeAfterSave(true)', async () => {
    const { win, deps, guard } = setup('save');
    guard.setDirty(true);
    win.close();
    await settle();
    expect(deps.requestSave).toHaveBeenCalledOnce();
    expect(win.closed).toBe(false);
    guard.closeAfterSave(true);
    expect(win.closed).toBe(true);
    expect(guard.isDirty()).toBe(false);
  });

  it('Save that the window could not finish (cancelled dialog, failed write) keeps it open', async () => {
    const { win, guard } = setup('save');
    guard.setDirty(true);
    win.close();
    await settle();
    guard.closeAfterSave(false);
    expect(win.closed).toBe(false);
    expect(guard.isDirty()).toBe(true);
  });

  it('ignores closeAfterSave that answers nothing (the window cannot close itself this way)', () => {
    const { win, guard } = setup('save');
    guard.setDirty(true);
    guard.closeAfterSave(true);
    expect(win.closeCalls).toBe(0);
    expect(win.closed).toBe(false);
  });

  it('asks once however often close is pressed while asking or saving', async () => {
    let answer: (c: CloseChoice) => void = () => undefined;
    const { win, deps, guard } = setup(new Promise<CloseChoice>((r) => (answer = r)));
    guard.setDirty(true);
    win.close();
    win.close();
    answer('save');
    await settle();
    win.close();
    expect(deps.ask).toHaveBeenCalledOnce();
    expect(deps.requestSave).toHaveBeenCalledOnce();
  });

  it('a quit goes on after Save or Don’t Save, and is abandoned by Cancel', async () => {
    for (const [choice, quits] of [['save', true], ['discard', true], ['cancel', false]] as const) {
      const { win, deps, guard } = setup(choice);
      guard.setDirty(true);
      guard.quitting();
      win.close();
      await settle();
      if (choice === 'save') guard.closeAfterSave(true);
      expect(deps.quit, choice).toHaveBeenCalledTimes(quits ? 1 : 0);
    }
  });

  it('a cancelled quit does not turn a later save-and-close into a quit', async () => {
    const { win, deps, guard } = setup('cancel');
    guard.setDirty(true);
    guard.quitting();
    win.close();
    await settle();
    deps.ask.mockResolvedValueOnce('save');
    win.close();
    await settle();
    guard.closeAfterSave(true);
    expect(win.closed).toBe(true);
    expect(deps.quit).not.toHaveBeenCalled();
  });

  it('reset (the page reloaded or crashed) lets a close go ahead', async () => {
    const { win, guard } = setup('save');
    guard.setDirty(true);
    win.close();
    await settle();
    guard.reset();
    win.close();
    expect(win.closed).toBe(true);
  });

  it('a question that fails counts as Cancel (and can be asked again)', async () => {
    const { win, deps, guard } = setup();
    deps.ask.mockRejectedValueOnce(new Error('no dialog'));
    guard.setDirty(true);
    win.close();
    await settle();
    expect(win.closed).toBe(false);
    win.close();
    await settle();
    expect(deps.ask).toHaveBeenCalledTimes(2);
  });
});

describe('askToSave', () => {
  it.each([
    [0, 'save'],
    [1, 'discard'],
    [2, 'cancel'],
  ] as const)('button %i → %s; Save is the default, Escape cancels', async (response, choice) => {
    showMessageBox.mockResolvedValueOnce({ response });
    expect(await askToSave(null)).toBe(choice);
    expect(showMessageBox).toHaveBeenLastCalledWith(expect.objectContaining({ buttons: ['Save', "Don't Save", 'Cancel'], defaultId: 0, cancelId: 2 }));
  });
});
