import { formatDuration } from '../lib/config/format';
import type { ResolvedTarget } from '../lib/config/types';

interface TargetsTableProps {
  /** By lower-cased priority, `*` for every other priority; in the file's order. */
  targets: Record<string, ResolvedTarget>;
  caption: string;
}

/** First-response and resolution targets per priority. */
export function TargetsTable({ targets, caption }: TargetsTableProps) {
  // "*" last: it is the fallback for every priority not listed above it.
  const rows = Object.entries(targets).sort(([a], [b]) => Number(a === '*') - Number(b === '*'));
  return (
    <table class="targets">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Priority</th>
          <th scope="col">First response</th>
          <th scope="col">Resolution</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([key, target]) => (
          <tr key={key}>
            <th scope="row">{key === '*' ? <span class="targets__other">Any other priority</span> : target.label}</th>
            <td>{target.firstResponseMs === undefined ? <None /> : formatDuration(target.firstResponseMs)}</td>
            <td>{target.resolutionMs === undefined ? <None /> : formatDuration(target.resolutionMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function None() {
  return (
    <span class="targets__none" title="No target: the next policy that has one applies">
      —<span class="visually-hidden">no target</span>
    </span>
  );
}
