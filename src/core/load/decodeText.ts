// The Encoding API (TextDecoder/TextEncoder) is part of every JavaScript host Rudder runs in: Node, browsers and web
// workers. The core's type check has neither Node's nor the DOM's types, so the two constructors are declared here.
interface Decoder {
  decode(input: Uint8Array): string;
}
interface Encoder {
  encode(input: string): Uint8Array;
}
declare const TextDecoder: new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => Decoder;
declare const TextEncoder: new () => Encoder;

// Why shared instances: constructing a decoder costs more than decoding a small story.
const utf8 = new TextDecoder('utf-8');
const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');
const encoder = new TextEncoder();

/** A file's text and what its bytes were. */
export interface DecodedText {
  readonly text: string;
  /** The encoding the bytes were read as (a byte-order mark decides; UTF-8 otherwise). */
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Bytes that were not valid in that encoding, each shown as U+FFFD (e.g. Latin-1 or Windows-1252 text). */
  readonly invalid: number;
  /** True when the text looks like binary data (NUL characters), not Markdown. */
  readonly binary: boolean;
}

/**
 * Returns the text of a file's bytes: UTF-16 (LE or BE) when the file starts with its byte-order mark (what Windows
 * PowerShell 5.1 writes), else UTF-8 without its byte-order mark; invalid bytes become U+FFFD and are counted.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return finish(utf16le.decode(bytes), 'utf-16le', 0);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return finish(utf16be.decode(bytes), 'utf-16be', 0);
  let text: string;
  let invalid = 0;
  try {
    // Why strict first: valid UTF-8 (nearly every file) costs one pass; only a failure pays for counting.
    text = utf8Strict.decode(bytes);
  } catch {
    text = utf8.decode(bytes);
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) invalid++;
  }
  return finish(text, 'utf-8', invalid);
}

function finish(text: string, encoding: DecodedText['encoding'], invalid: number): DecodedText {
  const head = text.length > 8192 ? text.slice(0, 8192) : text;
  return { text, encoding, invalid, binary: head.includes('\u0000') };
}

/** Returns the text of a file's bytes (see decodeBytes), without what the bytes were. */
export function decodeText(bytes: Uint8Array): string {
  return decodeBytes(bytes).text;
}

/** Returns the UTF-8 bytes of a text. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
