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
const encoder = new TextEncoder();

/** Returns the text of a file's bytes: UTF-8 without its byte-order mark; invalid bytes become U+FFFD. */
export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/** Returns the UTF-8 bytes of a text. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}
