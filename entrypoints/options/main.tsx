import { render } from 'preact';
import { AppHeader } from '../../components/AppHeader';
import { Section } from '../../components/Section';
import { BUILT_IN_SITES } from '../../lib/sources/sites';
import './style.css';


function Options() {
  return (
    <div class="options">
      <div class="options__header">
        <AppHeader
          title="SLA Lens settings"
          subtitle="SLA policies, business calendars and the sites SLA Lens works on."
        />
      </div>
      <main class="options__sections">
        <Section id="config" title="SLA configuration">
          <p class="status">
            <span class="status__label">Status</span>
            <span>No SLA configuration has been imported yet, so tickets are not being timed.</span>
          </p>
          <p>
            A configuration holds your business calendars (opening hours, time zone, holidays) and
            your SLA policies: which tickets each one covers and the first-response and resolution
            targets per priority. It comes as one of:
          </p>
          <ul class="format-list">
            <li>JSON or YAML files in the SLA Lens format (version 1)</li>
            <li>Zendesk SLA policy and schedule exports</li>
          </ul>
        </Section>

        <Section id="sites" title="Sites covered">
          <ul class="site-list">
            {BUILT_IN_SITES.map((site) => (
              <li key={site.host}>
                <span class="site-list__name">{site.name}</span>
                <code>{site.host}</code>
              </li>
            ))}
          </ul>
          <p class="muted">
            SLA countdowns are computed in this browser. No ticket data leaves it: the only requests
            SLA Lens makes go to the Jira or Zendesk site you are already signed in to.
          </p>
        </Section>
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);
