import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface EmptyStateProps {
  title: string;
  children: ComponentChildren;
  /** Usually one button that gets the user out of the empty state. */
  action?: ComponentChildren;
  /** Keeps the document outline correct wherever the empty state is placed. */
  headingLevel?: 2 | 3;
}

export function EmptyState({ title, children, action, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const titleId = useId();
  return (
    <section class="empty-state" aria-labelledby={titleId}>
      <div class="empty-state__art" aria-hidden="true">
        <svg viewBox="0 0 48 48" width="48" height="48" focusable="false">
          <circle cx="24" cy="24" r="18" fill="none" stroke="currentColor" stroke-width="3" stroke-dasharray="4 5" />
          <path d="M24 14v10l6 6" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      </div>
      <Heading id={titleId} class="empty-state__title">
        {title}
      </Heading>
      <div class="empty-state__body">{children}</div>
      {action && <div class="empty-state__action">{action}</div>}
    </section>
  );
}
