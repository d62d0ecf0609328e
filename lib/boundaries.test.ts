/**
 * The module map of DESIGN.md, as the linter enforces it: a wrong import in each layer is refused,
 * and a right one is not. (`npm run lint` runs the same rules over the whole tree.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function refused(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['lib/sla/scratch.ts', "import { readView } from '../view/read-view';\nexport const x = readView;\n"],
    ['lib/view/scratch.ts', "import { matchPolicy } from '../config/match';\nexport const x = matchPolicy;\n"],
    ['lib/view/scratch.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    ['components/scratch.ts', "import { SlaLensDatabase } from '../lib/db/database';\nexport const x = SlaLensDatabase;\n"],
    ['components/popup/scratch.ts', "import { browser } from '#imports';\nexport const x = browser;\n"],
    ['lib/overlay/scratch.ts', "import { parseEvaluateRequest } from '../messaging/schema';\nexport const x = parseEvaluateRequest;\n"],
    ['lib/overlay/scratch.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n"],
    ['entrypoints/content/scratch.ts', "import { activeConfig } from '../../lib/db/config-store';\nexport const x = activeConfig;\n"],
    ['lib/sources/jira/scratch.ts', "import { zendeskAdapter } from '../zendesk/adapter';\nexport const x = zendeskAdapter;\n"],
    ['lib/sources/zendesk/scratch.ts', "import { jiraAdapter } from '../jira/adapter';\nexport const x = jiraAdapter;\n"],
    ['lib/sources/zendesk/scratch.ts', "import { parse } from 'yaml';\nexport const x = parse;\n"],
    ['lib/overlay/scratch.ts', "import { ZENDESK_SLA_WORDS } from '../sources/zendesk/vendor-words';\nexport const x = ZENDESK_SLA_WORDS;\n"],
    ['lib/config/scratch.ts', "import { isValidIssueKey } from '../sources/jira/urls';\nexport const x = isValidIssueKey;\n"],
    ['lib/db/scratch.ts', "import { parseZendeskTicket } from '../sources/zendesk/parse';\nexport const x = parseZendeskTicket;\n"],
    ['components/popup/scratch.ts', "import { S } from '../../lib/sources/jira/selectors';\nexport const x = S;\n"],
    ['lib/sources/scratch.ts', "import { S } from './zendesk/selectors';\nexport const x = S;\n"],
  ])('%s may not import this', async (file, code) => {
    expect(await refused(file, code)).toHaveLength(1);
  });

  it.each([
    ['lib/view/scratch.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['components/popup/scratch.ts', "import { join } from 'path';\nexport const x = join;\n", 'no-restricted-imports'],
    ['lib/overlay/scratch.ts', 'export const debug = process.env.DEBUG;\n', 'no-restricted-globals'],
    ['entrypoints/background.scratch.ts', "export const b = Buffer.from('x');\n", 'no-restricted-globals'],
  ])('%s is browser code: no Node', async (filePath, code, rule) => {
    const [result] = await eslint.lintText(code, { filePath });
    expect(result!.messages.filter((m) => m.ruleId === rule)).toHaveLength(1);
  });

  it.each([
    ['lib/view/scratch.ts', "import { evaluateClock } from '../sla/index';\nexport const x = evaluateClock;\n"],
    ['components/popup/scratch.ts', "import type { PopupSnapshot } from '../../lib/db/popup-query';\nexport type X = PopupSnapshot;\n"],
    ['lib/overlay/scratch.ts', "import { readView } from '../view/read-view';\nexport const x = readView;\n"],
    ['lib/sources/jira/scratch.ts', "import { countShownTickets } from '../shown';\nexport const x = countShownTickets;\n"],
    ['lib/config/scratch.ts', "import { parseZendeskExport } from './zendesk/import';\nexport const x = parseZendeskExport;\n"],
    ['entrypoints/content/scratch.ts', "import { jiraAdapter } from '../../lib/sources/jira/adapter';\nexport const x = jiraAdapter;\n"],
  ])('%s may import this', async (file, code) => {
    expect(await refused(file, code)).toEqual([]);
  });
});
