import { useEffect, useMemo, useState } from 'preact/hooks';
import { PolicyTester } from '../../components/PolicyTester';
import { Section } from '../../components/Section';
import { useOptions } from '../../lib/options/context';
import type { ResolvedConfig } from '../../lib/config/types';
import { runTester } from '../../lib/options/tester';
import { useValue } from '../../lib/options/value';
import { t } from '../../lib/i18n/core';

const MINUTE = 60_000;

/** The policy tester against the active configuration; the clock refreshes every minute. */
export function TesterSection({ config }: { config: ResolvedConfig }) {
  const { tester, env } = useOptions();
  const form = useValue(tester.form);
  const [now, setNow] = useState(env.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(env.now()), MINUTE);
    return () => clearInterval(timer);
  }, [env]);
  const result = useMemo(() => runTester(config, form, now), [config, form, now]);
  return (
    <Section id="tester" title={t('opt_tester_title')} description={t('opt_tester_description')}>
      <PolicyTester form={form} onChange={tester.change} result={result} />
    </Section>
  );
}
