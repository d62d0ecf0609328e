import type { BadgeState } from '../../lib/view/types';
import { stateWords } from '../../lib/view/words';

interface CountdownPillProps {
  state: BadgeState;
  /** `12m left`, `breached 40m ago`. */
  text: string;
  /** Tooltip: the due time and whether the figure is approximate. */
  title?: string;
}

/** The badge's pill, in the badge's palette, with a glyph and a spoken state so colour is never the only cue. */
export function CountdownPill({ state, text, title }: CountdownPillProps) {
  return (
    <span class={`pill pill--${state}`} title={title}>
      <span class="pill__glyph" aria-hidden="true" />
      <span class="visually-hidden">{stateWords(state)}: </span>
      {text}
    </span>
  );
}
