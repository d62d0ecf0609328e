/**
 * The extension's one cache of compiled calendars. Every reader of a view (the badge on each tick,
 * the store on each write, the popup, alerts) asks here, so a calendar is compiled once per
 * content, whichever response or database read its spec came from: compiling again would also
 * drop the blocks the engine caches inside a calendar.
 */
import { compileCalendar, type Calendar, type CalendarSpec } from '../sla/index';

/** Calendar specs by id, as a response or the store carries them. `24x7` is implied. */
export type CalendarSpecs = Readonly<Record<string, CalendarSpec>>;

// By object first (a tick asks for the same spec object a thousand times), then by content (each
// response and each read brings new objects for the same calendars). null: the engine refused it.
const byObject = new WeakMap<object, Calendar | null>();
const byContent = new Map<string, Calendar | null>();
const CONTENT_ENTRIES = 256;
let always: Calendar | undefined;

function compiled(spec: CalendarSpec): Calendar | null {
  if (typeof spec === 'object' && spec !== null) {
    const hit = byObject.get(spec);
    if (hit !== undefined) return hit;
  }
  const key = JSON.stringify(spec);
  let cal = byContent.get(key);
  if (cal === undefined) {
    try {
      cal = compileCalendar(spec);
    } catch {
      cal = null;
    }
    if (byContent.size >= CONTENT_ENTRIES) byContent.clear();
    byContent.set(key, cal);
  }
  if (typeof spec === 'object' && spec !== null) byObject.set(spec, cal);
  return cal;
}

/**
 * The compiled calendar a clock names, or null when the specs do not have it (a configuration
 * changed since) or the engine refuses it: its tickets then read `unknown`, nothing throws.
 */
export function calendarFor(specs: CalendarSpecs, id: string): Calendar | null {
  const spec = specs[id];
  if (spec === undefined) return id === '24x7' ? (always ??= compileCalendar('24x7')) : null;
  return compiled(spec);
}
