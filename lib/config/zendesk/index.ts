/** Zendesk's SLA policy, schedule and holiday exports → SLA Lens config version 1. See README.md. */
export { importZendesk, IMPORTED_CONFIG_NAME } from './import-zendesk';
export { ianaFromZendeskZone, RAILS_TO_IANA } from './rails-zones';
export { looksLikeZendeskBody } from './read-inputs';
export type * from './types';
