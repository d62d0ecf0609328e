/**
 * A fixed public key for the browser suites' copy of the build. Chromium derives an unpacked
 * extension's id from the manifest's `key`, and an organisation's policy names the extension by
 * that id (../shared/reference/browser-facts.md, fact 1): the policy suite needs to know it before
 * the browser starts. The private half was thrown away; nothing is signed with it. The release
 * manifest carries no key: the stores assign the id.
 */
import { createHash } from 'node:crypto';

export const TEST_EXTENSION_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAs5ro6xeJ7HqAIsG2UicKxBXnob8twNEAV4eJjHx+VfJhb9iuCOgjX5h3RvQ6aG4FxI7GDS0uAWlKcBQgCQUXM3kN5mWQDq3CNkIbeA3eGVBQ0PIhW3hmBH4BAW9ibt3qTRtZLFBPgQRy4ToaykpwWJhKq92gjmV00qEFA92SoAmZzum7Ju9fK27J6IAfrZB3+6w6876Lupecf9PnyGPmuC9IyxDqWOkdOPKdkGx30VyldmQV4Lmsa1yWkip+0X372bU3y6lF6Ks2UdKCwPVuMTteBNGGLmEuFF+NH/ysgiU1+WRaX0alYLvtu5nvcAlPyeikGMZryhTrs+w9TiYSRwIDAQAB';

/** The id Chromium gives an extension with `key`: the first 32 hex digits of the key's SHA-256, written a–p. */
export function extensionIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}
