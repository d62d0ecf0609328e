import type { ComponentChildren } from 'preact';

interface SectionProps {
  /** Used for the heading's id, so it must be unique on the page. */
  id: string;
  title: string;
  /** One line under the title saying what the section is for. */
  description?: ComponentChildren;
  /** Controls at the end of the title row, e.g. an export button. */
  actions?: ComponentChildren;
  children: ComponentChildren;
}

/** A titled card on a settings-style page. */
export function Section({ id, title, description, actions, children }: SectionProps) {
  const headingId = `${id}-title`;
  return (
    <section class="section" id={id} aria-labelledby={headingId}>
      <div class="section__head">
        <div class="section__heading">
          <h2 class="section__title" id={headingId}>
            {title}
          </h2>
          {description && <p class="section__description">{description}</p>}
        </div>
        {actions && <div class="section__actions">{actions}</div>}
      </div>
      <div class="section__body">{children}</div>
    </section>
  );
}
