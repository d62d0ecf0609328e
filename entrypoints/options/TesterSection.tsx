import { useEffect, useMemo, useState } from 'preact/hooks';
import { PolicyTester } from '../../components/PolicyTester';
import { Section } from '../../components/Section';
import { useOptions } from '../../lib/options/context';
import type { ResolvedConfig } from '../../lib/config/types';
import { runTester } from '../../lib/options/tester';
import { useValue } from '../../lib/options/value';

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
    <Section id="tester" title="Test a ticket" description="Describe a ticket to see which policy applies to it, why the ones before it do not, and when it is due.">
      <PolicyTester form={form} onChange={tester.change} result={result} />
    </Section>
  );
}
