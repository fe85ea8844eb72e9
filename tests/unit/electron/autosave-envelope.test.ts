// Recovery re-grants only the data files the crashed session had open, never other paths its
// (window-written) autosave names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { unwrapAutosave, wrapAutosave } from '../../../electron/main/autosave-envelope.ts';
import { createFileGrants } from '../../../electron/main/files.ts';
import { createWorkspaceRegistry } from '../../../electron/main/workspaces.ts';

describe('autosave envelope', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-env-'));
  const cells = path.join(dir, 'cells.csv');
  const secret = path.join(dir, 'id_rsa');
  writeFileSync(cells, 'x,y\n1,2\n');
  writeFileSync(secret, 'private');
  const text = JSON.stringify({ samples: [{ path: cells }, { path: secret }], note: 'relative/also.csv' });

  it('lists only the granted absolute paths the text names, and gives the text back unchanged', () => {
    const stored = wrapAutosave(text, (f) => f === cells);
    expect(unwrapAutosave(stored)).toEqual({ text, granted: [cells] });
  });

  it('reads a bare workspace text (an older autosave) as granting nothing', () => {
    expect(unwrapAutosave(text)).toEqual({ text, granted: [] });
    expect(unwrapAutosave('not json')).toEqual({ text: 'not json', granted: [] });
  });

  it('an adopted recovered copy grants the listed file and refuses the others', async () => {
    const grants = createFileGrants();
    const registry = createWorkspaceRegistry(grants);
    const recovered = path.join(dir, 'recovered.clonoscope.json');
    registry.adopt(recovered, unwrapAutosave(wrapAutosave(text, (f) => f === cells)).granted);
    const ok = await registry.grantRelative(recovered, cells);
    expect(ok.ok && ok.value.path).toBe(cells);
    const refused = await registry.grantRelative(recovered, secret);
    expect(refused.ok).toBe(false);
  });
});
