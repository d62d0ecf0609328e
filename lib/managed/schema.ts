/**
 * The schema Chrome and Edge need (manifest `storage.managed_schema`) before an organisation's
 * policy reaches `storage.managed` (issue 15 §1). `public/managed-schema.json` is this object as a
 * file, and a test keeps the two equal.
 *
 * Chromium's rules, read in its source (components/policy/core/common/schema.cc: `Schema::Parse`,
 * `IsValidSchema`; chrome/common/extensions/api/storage/storage_schema_manifest_handler.cc) and in
 * the extensions documentation ("Manifest for managed storage"):
 * - An invalid schema stops the extension from loading at all ("Unknown type 'integr'" was seen in
 *   Chromium 156), so this one stays small and uses nothing it does not need.
 * - The root is `"type": "object"` and may not carry `additionalProperties` or `patternProperties`.
 * - Every node has one `type` string out of array, boolean, integer, number, object, string
 *   (`kSchemaTypesToValueTypes`): no "any", no "null", no list of types. (`$ref` with `id` also
 *   exists; not used, so no node can point at a missing one.)
 * - `additionalProperties` must be a schema object: `true` fails "Invalid type for attribute".
 * - Chrome applies each policy through `Schema::Normalize` with SCHEMA_ALLOW_UNKNOWN
 *   (schema_map.cc `FilterBundle`): unknown keys inside an object are dropped, and one value of the
 *   wrong type anywhere inside a policy drops that whole policy.
 *
 * Hence `config` is a string here. An inline configuration is a deep, mixed tree, and the only
 * way to let one through as an object would be to describe every field of the configuration
 * format in this schema: with a bare `"type": "object"` every key would be dropped as unknown, and
 * `additionalProperties` can only admit values of one type. So Chrome takes the configuration as
 * its JSON or YAML text; Firefox validates nothing against any schema, and there an object may
 * arrive too (lib/managed/read.ts takes both).
 *
 * No `minimum`, `maximum` or `pattern` either: Chrome would drop a value that breaks one without a
 * word to the user, whereas the reader clamps what it can and says why it ignored the rest.
 */

export interface ChromeSchemaNode {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  title?: string;
  description?: string;
  properties?: Record<string, ChromeSchemaNode>;
  items?: ChromeSchemaNode;
}

export const MANAGED_SCHEMA: ChromeSchemaNode = {
  type: 'object',
  properties: {
    configUrl: {
      title: 'SLA configuration URL',
      description: 'An https:// address where the team publishes its SLA configuration (JSON or YAML). SLA Lens downloads it and checks it again every refreshMinutes.',
      type: 'string',
    },
    refreshMinutes: {
      title: 'Minutes between checks of the configuration URL',
      description: 'A whole number of minutes; 60 when not set. Values below 15 are raised to 15, values above 10080 (7 days) lowered to 10080.',
      type: 'integer',
    },
    config: {
      title: 'Inline SLA configuration',
      description: 'The SLA configuration itself, as JSON or YAML text of at most 5 MB.',
      type: 'string',
    },
    locked: {
      title: 'Lock the configuration',
      description: 'When true, people cannot import a configuration or roll back to an earlier one.',
      type: 'boolean',
    },
    sites: {
      title: 'Jira and Zendesk sites',
      description:
        "Host names of the organisation's Jira and Zendesk sites, such as acme.atlassian.net or jira.example.com: no https://, path or port. Only their tickets, and those of self-hosted sites added in the settings, are recorded and counted.",
      type: 'array',
      items: { type: 'string' },
    },
    alerts: {
      title: 'Desktop alert defaults',
      description: 'The desktop alert settings people start with, until they save their own.',
      type: 'object',
      properties: {
        enabled: { title: 'Show desktop alerts', type: 'boolean' },
        leadMinutes: { title: 'Alert this many minutes before a breach at the latest', description: 'A whole number from 1 to 1440.', type: 'integer' },
        quietHours: {
          title: 'Quiet hours',
          description: 'No alerts from "from" to "to", local time, each written HH:MM (24-hour clock); 22:00 to 07:00 spans midnight.',
          type: 'object',
          properties: {
            from: { type: 'string' },
            to: { type: 'string' },
          },
        },
        mutedSites: {
          title: 'Sites that never alert',
          description: 'Host names, such as acme.atlassian.net.',
          type: 'array',
          items: { type: 'string' },
        },
      },
    },
  },
};
