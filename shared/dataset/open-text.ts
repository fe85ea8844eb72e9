// First look at a file: empty? binary? JSON? which encoding and layout? Produces the byte stream
// the tokenizer reads (BOM removed, UTF-16 turned into UTF-8) and the sniffed layout.

import { fail, ok, type Result } from '../errors.ts';
import { describeBinary, detectEncoding, fieldDecoder, utf16ToUtf8, type TextEncoding } from './bytes.ts';
import { makeFieldDecoder, type FieldDecoder } from './columns.ts';
import { describeJsonOrMarkup } from './formats/known-files.ts';
import { sniffLayout, type TextLayout } from './sniff.ts';
import { readHead, replay, type ByteSource, type Head } from './source.ts';

/** How much of the file is read to sniff its layout (bytes). */
export const HEAD_BYTES = 512 * 1024;

export interface OpenedText {
  readonly layout: TextLayout;
  readonly encoding: TextEncoding;
  readonly decoder: FieldDecoder;
  /** The whole file as bytes the tokenizer understands (UTF-8 or Latin-1, no BOM). */
  readonly bytes: ByteSource;
  /** Mean bytes per data row in the head, to size column arrays. */
  readonly bytesPerRow: number;
}

/** The bytes with every CR turned into LF. */
async function* crToLf(source: ByteSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const out = chunk.slice();
    for (let i = out.indexOf(13); i >= 0; i = out.indexOf(13, i + 1)) out[i] = 10;
    yield out;
  }
}

export async function openText(source: ByteSource, fileName: string): Promise<Result<OpenedText>> {
  let head = await readHead(source, HEAD_BYTES + 4); // + room for a byte-order mark
  if (head.bytes.length === 0) return fail('file-empty', `${fileName} is empty (0 bytes).`, { file: fileName });
  // Everything decided from the head looks at exactly its first HEAD_BYTES, however the source
  // happens to be chunked, so that the result never depends on chunk sizes.
  const probeOf = (h: Head) => ({ bytes: h.bytes.subarray(0, HEAD_BYTES), complete: h.complete && h.bytes.length <= HEAD_BYTES });
  let probe = probeOf(head);
  const enc = detectEncoding(probe.bytes, probe.complete);
  let bytes: ByteSource;
  if (enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be') {
    const utf8 = utf16ToUtf8(replay(head), enc.encoding);
    head = await readHead(utf8, HEAD_BYTES);
    bytes = replay(head);
  } else {
    const binary = describeBinary(probe.bytes);
    if (binary) return fail('file-binary', `${fileName} ${binary}.`, { file: fileName });
    if (enc.bomLength) head = { ...head, bytes: head.bytes.subarray(enc.bomLength) };
    bytes = replay(head);
  }
  probe = probeOf(head);
  if (probe.bytes.indexOf(10) < 0 && probe.bytes.indexOf(13) >= 0) {
    // classic Mac line ends (Excel's "CSV (Macintosh)"): lines end in CR alone
    head = await readHead(crToLf(bytes), HEAD_BYTES);
    bytes = replay(head);
    probe = probeOf(head);
  }
  const textDecoder = fieldDecoder(enc.encoding);
  const text = textDecoder.decode(probe.bytes);
  const markup = describeJsonOrMarkup(text.slice(0, 4096));
  if (markup) return fail('not-a-cell-table', `${fileName} ${markup}.`, { file: fileName });
  const layout = sniffLayout(text, probe.complete, fileName);
  if (!layout) return fail('file-empty', `${fileName} has no table: it holds only blank or comment (#) lines.`, { file: fileName });
  let lines = 1;
  for (let i = 0; i < probe.bytes.length; i++) if (probe.bytes[i] === 10) lines++;
  const bytesPerRow = Math.max(4, probe.bytes.length / lines);
  return ok({ layout, encoding: enc.encoding, decoder: makeFieldDecoder(textDecoder), bytes, bytesPerRow });
}
