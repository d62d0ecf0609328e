import type { ComponentChildren } from 'preact';

interface ConfigSummaryProps {
  name: string;
  description?: string | undefined;
  version: number;
  /** Local time, already formatted. */
  appliedAt: string;
  /** "file acme.yaml", "pasted", … */
  source: string;
  note: string;
  policyCount: number;
  calendarCount: number;
  /** The team's watched scopes; left unsaid when there are none. */
  watchCount?: number;
  actions?: ComponentChildren;
}

/** The head of the active configuration: what it is, which version, and where it came from. */
export function ConfigSummary(props: ConfigSummaryProps) {
  return (
    <div class="config-summary">
      <div class="config-summary__main">
        <p class="config-summary__eyebrow">
          <span class="pill pill--ok">Active</span> Version {props.version}
        </p>
        <h3 class="config-summary__name">{props.name}</h3>
        {props.description && <p class="muted">{props.description}</p>}
        <p class="config-summary__meta">
          Applied {props.appliedAt} · {props.source} · {props.policyCount} {props.policyCount === 1 ? 'policy' : 'policies'}, {props.calendarCount}{' '}
          {props.calendarCount === 1 ? 'calendar' : 'calendars'}
          {props.watchCount ? `, ${props.watchCount} watched ${props.watchCount === 1 ? 'scope' : 'scopes'}` : ''}
        </p>
        {props.note && <p class="config-summary__note">“{props.note}”</p>}
      </div>
      {props.actions && <div class="config-summary__actions">{props.actions}</div>}
    </div>
  );
}
