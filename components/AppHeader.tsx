import type { ComponentChildren } from 'preact';
import { Logo } from './Logo';

interface AppHeaderProps {
  title: string;
  /** Short line under the title, e.g. what this screen is for. */
  subtitle?: string;
  /** Controls shown at the end of the header row. */
  actions?: ComponentChildren;
}

export function AppHeader({ title, subtitle, actions }: AppHeaderProps) {
  return (
    <header class="app-header">
      <Logo size={28} />
      <div class="app-header__text">
        <h1 class="app-header__title">{title}</h1>
        {subtitle && <p class="app-header__subtitle">{subtitle}</p>}
      </div>
      {actions && <div class="app-header__actions">{actions}</div>}
    </header>
  );
}
