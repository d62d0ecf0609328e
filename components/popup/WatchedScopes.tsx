import type { ScopeCoverage } from '../../lib/watch/state';
import { Button } from '../Button';
import { t } from '../../lib/i18n/core';

export interface WatchedScopesProps {
  scopes: readonly ScopeCoverage[];
  /** Opens the site, to sign in again. */
  onSignIn(url: string): void;
}

/** Each watched scope's coverage: "SUP queue · acme.atlassian.net — 412 tickets · refreshed 40 s ago", or what stops it. */
export function WatchedScopes({ scopes, onSignIn }: WatchedScopesProps) {
  return (
    <ul class="watched">
      {scopes.map((s) => (
        <li key={s.id} class={`watched__scope watched__scope--${s.status}`}>
          <span class="watched__label">{s.label}</span>
          <span class="watched__site">{s.site}</span>
          <span class="watched__text" role={s.status === 'error' ? 'alert' : undefined}>
            {s.text}
          </span>
          {s.signIn && (
            <Button variant="secondary" size="small" onClick={() => onSignIn(s.signIn!)}>
              {t('sign_in')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
