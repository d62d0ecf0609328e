import type { Problem } from '../lib/config/problem';
import { t, tp } from '../lib/i18n/core';

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
          <h3 class="problems__title">{tp('adm_problems_errors', errors.length, { subject })}</h3>
          <p class="problems__hint">{tp('adm_problems_fix', errors.length)}</p>
          <ul class="problem-list">
            {errors.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <section class="problems__warnings" aria-label={t('adm_problems_warnings')}>
          <h3 class="problems__title">{tp('adm_warnings', warnings.length)}</h3>
          <p class="problems__hint">{t('adm_problems_warnings_hint')}</p>
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
  // Line numbers as an editor shows them: no grouping (line 1234).
  const position =
    problem.line === undefined
      ? null
      : problem.column === undefined
        ? t('adm_problem_line', { line: String(problem.line) })
        : t('adm_problem_line_column', { line: String(problem.line), column: String(problem.column) });
  return (
    <li class={`problem problem--${problem.severity}`}>
      <div class="problem__where">
        {problem.path ? <code class="problem__path">{problem.path}</code> : <span class="problem__path problem__path--file">{t('adm_problem_whole_file')}</span>}
        {position && <span class="problem__position">{position}</span>}
      </div>
      <p class="problem__message">{problem.message}</p>
    </li>
  );
}
