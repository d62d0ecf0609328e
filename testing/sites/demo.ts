/**
 * The demo's sample data: tickets generated relative to `now` so every SLA state is on screen
 * whenever the demo runs.
 */
import type { FakeSiteData } from './index';
import { sampleJiraIssues, sampleZendeskTickets } from './samples';

export function demoSites(now: number): FakeSiteData {
  return { jira: sampleJiraIssues(now), zendesk: sampleZendeskTickets(now), zendeskView: { title: 'Unsolved tickets in your groups' } };
}
