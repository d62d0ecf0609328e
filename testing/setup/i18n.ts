// Unit tests speak English, from the shipped messages (lib/i18n): a test of another language installs its own catalog.
import { beforeEach } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { catalogOf, useCatalog } from '../../lib/i18n/core';
import { DEFAULT_LOCALE } from '../../lib/i18n/locales';

beforeEach(() => useCatalog(catalogOf(DEFAULT_LOCALE, en)));
