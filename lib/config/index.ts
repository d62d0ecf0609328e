/**
 * The SLA configuration file format, version 1: schema, parsing (JSON and YAML) with
 * line/column problems, inheritance, policy matching, change summaries and version migrations.
 * Pure: no browser APIs, no storage. Imports zod and yaml, so keep it out of the content script.
 */
export { parseConfigText } from './parse';
export { validateConfig } from './validate';
export { matchPolicy, policyMatches, targetFor, type MetricName, type PolicyMatch } from './match';
export { diffConfigs, type ConfigChange } from './diff';
export { migrateToLatest, ConfigVersionError, type Migrated } from './migrate';
export { configJsonSchema, configJsonSchemaText } from './json-schema';
export { configSchema, policySchema, LATEST_VERSION } from './schema';
export { parsePercent } from './percent';
export { formatDuration, formatWarnAt, describeMatch, describeScope, scopePhrase } from './format';
export type { ConfigV1, PolicyDoc, CalendarDoc, TargetDoc, Duration, Match, LabelSet, WatchEntryDoc, CreditTierDoc, FeeDoc } from './schema';
export type { Problem } from './problem';
export type { ParseResult, ResolvedConfig, ResolvedPolicy, ResolvedTarget, ApplicablePolicy } from './types';
