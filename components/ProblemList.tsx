import type { Problem } from '../lib/config/problem';
import { plural } from '../lib/view/words';

interface ProblemListProps {
  errors: readonly Problem[];
  warnings: readonly Problem[];
  /** What was checked, e.g. "acme.yaml". */
  subject: string;
}

/** Validation problems: errors in an alert (they block the import), warnings in a quiet list. */
export function ProblemList({ errors, warnings, subject }: ProblemListProps) {
  return (
    <div class="problems">
      {errors.length > 0 && (
        <div class="problems__errors" role="alert">
          <h3 class="problems__title">
            {plural(errors.length, 'error')} in {subject}. Nothing was changed.
          </h3>
          <p class="problems__hint">Fix {errors.length === 1 ? 'it' : 'them'} and check the configuration again.</p>
          <ul class="problem-list">
            {errors.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <section class="problems__warnings" aria-label="Warnings">
          <h3 class="problems__title">{plural(warnings.length, 'warning')}</h3>
          <p class="problems__hint">These do not stop the import, but check that they are what you meant.</p>
          <ul class="problem-list">
            {warnings.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function ProblemItem({ problem }: { problem: Problem }) {
  const position = problem.line !== undefined ? `line ${problem.line}${problem.column !== undefined ? `:${problem.column}` : ''}` : null;
  return (
    <li class={`problem problem--${problem.severity}`}>
      <div class="problem__where">
        {problem.path ? <code class="problem__path">{problem.path}</code> : <span class="problem__path problem__path--file">whole file</span>}
        {position && <span class="problem__position">{position}</span>}
      </div>
      <p class="problem__message">{problem.message}</p>
    </li>
  );
}
