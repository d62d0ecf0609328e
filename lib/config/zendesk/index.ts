/** Zendesk's SLA policy, schedule and holiday exports → SLA Lens config version 1. See README.md. */
export { importZendesk, importedConfigName } from './import-zendesk';
export { ianaFromZendeskZone, RAILS_TO_IANA } from './rails-zones';
export { looksLikeZendeskBody } from './read-inputs';
export type * from './types';
