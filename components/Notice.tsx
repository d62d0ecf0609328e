import { t } from '../lib/i18n/core';
import type { ComponentChildren } from 'preact';

interface NoticeProps {
  tone: 'success' | 'error' | 'info';
  children: ComponentChildren;
  onDismiss?: () => void;
}

/**
 * A message after an action. Errors are alerts; the others are plain: announce success through a
 * `role="status"` region that is already on the page (a new live region is often not read).
 */
export function Notice({ tone, children, onDismiss }: NoticeProps) {
  return (
    <div class={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : undefined}>
      <div class="notice__body">{children}</div>
      {onDismiss && (
        <button type="button" class="notice__dismiss" onClick={onDismiss}>
          <span aria-hidden="true">×</span>
          <span class="visually-hidden">{t('dismiss')}</span>
        </button>
      )}
    </div>
  );
}
