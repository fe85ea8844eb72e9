// electron/audit.mjs: the Electronegativity run is live (it finds a deliberately insecure window),
// and its accept list can neither hide new findings nor rot (tests/run.mjs runs the real audit).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit, parseAccepted, triage, type AuditIssue } from '../../../electron/audit.mjs';

const issue = (id: string, file: string, sample = ''): AuditIssue => ({ id, file, line: 1, sample, severity: 'HIGH', confidence: 'FIRM', description: '', manualReview: false });

describe('triage', () => {
  it('accepts a finding only by its check, its file and (when given) a piece of its sample', () => {
    const accepted = [{ check: 'CSP_GLOBAL_CHECK', file: 'index.html', sample: "'unsafe-inline'", reason: 'x'.repeat(20) }];
    const csp = issue('CSP_GLOBAL_CHECK', 'index.html', "style-src 'self' 'unsafe-inline'");
    expect(triage([csp], accepted)).toEqual({ open: [], stale: [] });
    expect(triage([issue('CSP_GLOBAL_CHECK', 'index.html', "script-src 'unsafe-eval'")], accepted).open).toHaveLength(1);
    expect(triage([issue('CSP_GLOBAL_CHECK', 'other.html', "'unsafe-inline'")], accepted).open).toHaveLength(1);
  });

  it('reports accept entries that no longer match anything', () => {
    const accepted = [{ check: 'PRELOAD_JS_CHECK', file: 'main/window.ts', reason: 'x'.repeat(20) }];
    expect(triage([], accepted).stale).toEqual(accepted);
  });

  it('parseAccepted wants a check, a file and a real reason for each entry', () => {
    expect(parseAccepted('{"accepted":[]}')).toEqual([]);
    expect(() => parseAccepted('{"accepted":[{"check":"X","file":"y"}]}')).toThrow(/reason/);
    expect(() => parseAccepted('{"accepted":[{"check":"X","file":"y","reason":"because"}]}')).toThrow(/at least 20/);
    expect(() => parseAccepted('{}')).toThrow(/must be a list/);
  });
});

describe('audit (Electronegativity, offline)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clonoscope-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the classic mistakes in an insecure window, in TypeScript', async () => {
    mkdirSync(path.join(dir, 'main'));
    writeFileSync(
      path.join(dir, 'main/bad.ts'),
      `import { BrowserWindow } from 'electron';
       export function open(url: string): BrowserWindow {
         const w = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false, webSecurity: false } });
         void w.loadURL(url);
         return w;
       }\n`,
    );
    const r = await audit(dir);
    expect(r.errors).toEqual([]);
    const ids = new Set(r.issues.map((i) => i.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      expect(ids, id).toContain(id);
    }
  }, 60_000);
});
