/**
 * A Zendesk target as a config duration: whole hours as "4h", otherwise "1h30m" or "45m"; the
 * rare target with seconds (Zendesk's UI allows 15 s steps, sent as `target_in_seconds`) gets an
 * "s" part, which `parseDuration` reads. Never days: the config refuses them as ambiguous.
 */
export function durationText(totalSeconds: number): string {
  const seconds = Math.round(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('');
  return parts === '' ? '0m' : parts;
}
