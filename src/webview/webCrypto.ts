// Hashes, random bytes and base64 through Web Crypto (`globalThis.crypto`), which Node 20 and a browser's web worker
// both have: one implementation for the CLI, the Node extension host and the browser. No 'vscode', no Node, no DOM.

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encoder = new TextEncoder();

/** Returns `bytes` as standard base64 (RFC 4648, with padding). */
export function toBase64(bytes: Uint8Array): string {
  // Why an array of chunks: string concatenation in a loop over a font of 80 KB builds thousands of ropes.
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    parts.push(BASE64[n >> 18] + BASE64[(n >> 12) & 63] + BASE64[(n >> 6) & 63] + BASE64[n & 63]);
  }
  if (i < bytes.length) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8);
    parts.push(BASE64[n >> 18] + BASE64[(n >> 12) & 63] + (i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=') + '=');
  }
  return parts.join('');
}

/** Returns a fresh random nonce for a Content-Security-Policy: `byteCount` random bytes as base64. */
export function randomNonce(byteCount = 18): string {
  return toBase64(globalThis.crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** Returns the SHA-256 digest of `text` (UTF-8) as base64, the form a CSP `'sha256-…'` source takes. */
export async function sha256Base64(text: string): Promise<string> {
  return toBase64(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text))));
}
