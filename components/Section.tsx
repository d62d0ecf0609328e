import type { ComponentChildren } from 'preact';

interface SectionProps {
  /** Used for the heading's id, so it must be unique on the page. */
  id: string;
  title: string;
  children: ComponentChildren;
}

/** A titled card on a settings-style page. */
export function Section({ id, title, children }: SectionProps) {
  const headingId = `${id}-title`;
  return (
    <section class="section" id={id} aria-labelledby={headingId}>
      <h2 class="section__title" id={headingId}>{title}</h2>
      <div class="section__body">{children}</div>
    </section>
  );
}
