// Which findings a draft shows: the engine's findings less those an inline comment suppresses or the
// workspace file accepts, with the user's severity per kind. Shared by the language server and the CLI.
import { LineMap, type CheckResult, type FactKind, type Finding, type Severity } from './engine';
import type { Settings } from './settings';
import { parseSuppressions, suppressionFor } from './suppress';
import { isAccepted, type WorkspaceConfig } from './workspaceConfig';

export type HiddenReason = 'inline' | 'accepted';

export interface Reviewed {
  /** Findings to show, severities adjusted. */
  visible: Finding[];
  /** Findings not shown, and why. */
  hidden: Array<{ finding: Finding; reason: HiddenReason }>;
}

/** Which kinds are checked: the settings' switches and the workspace file's, both must allow. */
export function enabledKinds(settings: Pick<Settings, 'checks'> | undefined, config: WorkspaceConfig | undefined): Record<FactKind, boolean> {
  const k: Record<FactKind, boolean> = { name: true, title: true, date: true, figure: true };
  for (const kind of Object.keys(k) as FactKind[]) {
    if (settings && settings.checks[kind] === false) k[kind] = false;
    if (config && config.checks[kind] === false) k[kind] = false;
  }
  return k;
}

export function review(text: string, result: CheckResult, config: WorkspaceConfig | undefined, settings?: Pick<Settings, 'severity'>): Reviewed {
  const suppressions = parseSuppressions(text);
  const lines = suppressions.length ? new LineMap(text) : undefined;
  const visible: Finding[] = [];
  const hidden: Reviewed['hidden'] = [];
  for (const f of result.findings) {
    if (lines && suppressionFor(suppressions, lines.position(f.range.start).line, f.kind)) {
      hidden.push({ finding: f, reason: 'inline' });
      continue;
    }
    if (config && isAccepted(config, f)) {
      hidden.push({ finding: f, reason: 'accepted' });
      continue;
    }
    const sev = settings?.severity[f.kind];
    visible.push(sev && sev !== 'default' ? { ...f, severity: sev as Severity } : f);
  }
  return { visible, hidden };
}
