import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { randomNonce, sha256Base64, toBase64 } from '../../../src/webview/webCrypto';

// Web Crypto replaced node:crypto in the code the browser build shares; Node's own functions are the reference here.

describe('webCrypto', () => {
  it('encodes base64 as Buffer does, for every length up to 70 and for a font-sized input', () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = randomBytes(n);
      assert.equal(toBase64(new Uint8Array(bytes)), bytes.toString('base64'), `length ${n}`);
    }
    const big = randomBytes(200_003);
    assert.equal(toBase64(new Uint8Array(big)), big.toString('base64'));
    assert.equal(toBase64(new Uint8Array([0, 1, 2])), 'AAEC');
    assert.equal(toBase64(new Uint8Array([255])), '/w==');
  });

  it("hashes UTF-8 text with SHA-256 as node:crypto's createHash does", async () => {
    for (const text of ['', 'console.log(1)', 'é – 🚀 \u2028 </script>', 'x'.repeat(100_000)]) {
      assert.equal(await sha256Base64(text), createHash('sha256').update(text, 'utf8').digest('base64'), JSON.stringify(text.slice(0, 20)));
    }
  });

  it('gives a fresh 18-byte nonce (24 base64 characters) each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const nonce = randomNonce();
      assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
      seen.add(nonce);
    }
    assert.equal(seen.size, 200);
  });
});
