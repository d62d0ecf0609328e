/**
 * A calendar the engine refuses. `path` names the offending field relative to the calendar
 * (`week.tue[1][0]`), so the config layer can re-root it into the file (`calendars[2].week.tue[1][0]`).
 */
export class CalendarError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'CalendarError';
    this.path = path;
  }

  /** The sentence without the path prefix, for UIs that show the path separately. */
  get detail(): string {
    return this.path ? this.message.slice(this.path.length + 2) : this.message;
  }
}

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}
