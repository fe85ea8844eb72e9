// First look at a file: empty? binary? JSON? which encoding and layout? Produces the byte stream
// the tokenizer reads (BOM removed, UTF-16 turned into UTF-8) and the sniffed layout.

import { fail, ok, type Result } from '../errors.ts';
import { describeBinary, detectEncoding, fieldDecoder, utf16ToUtf8, type TextEncoding } from './bytes.ts';
import { makeFieldDecoder, type FieldDecoder } from './columns.ts';
import { describeJsonOrMarkup } from './formats/known-files.ts';
import { sniffLayout, type TextLayout } from './sniff.ts';
import { readHead, replay, type ByteSource } from './source.ts';

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

export async function openText(source: ByteSource, fileName: string): Promise<Result<OpenedText>> {
  let head = await readHead(source, HEAD_BYTES);
  if (head.bytes.length === 0) return fail('file-empty', `${fileName} is empty (0 bytes).`, { file: fileName });
  const enc = detectEncoding(head.bytes, head.complete);
  let bytes: ByteSource;
  if (enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be') {
    const utf8 = utf16ToUtf8(replay(head), enc.encoding);
    head = await readHead(utf8, HEAD_BYTES);
    bytes = replay(head);
  } else {
    const binary = describeBinary(head.bytes);
    if (binary) return fail('file-binary', `${fileName} ${binary}.`, { file: fileName });
    if (enc.bomLength) head = { ...head, bytes: head.bytes.subarray(enc.bomLength) };
    bytes = replay(head);
  }
  const textDecoder = fieldDecoder(enc.encoding);
  const text = textDecoder.decode(head.bytes);
  const markup = describeJsonOrMarkup(text.slice(0, 4096));
  if (markup) return fail('not-a-cell-table', `${fileName} ${markup}.`, { file: fileName });
  const layout = sniffLayout(text, head.complete, fileName);
  if (!layout) return fail('file-empty', `${fileName} has no table: it holds only blank or comment (#) lines.`, { file: fileName });
  let lines = 1;
  for (let i = 0; i < head.bytes.length; i++) if (head.bytes[i] === 10) lines++;
  const bytesPerRow = Math.max(4, head.bytes.length / lines);
  return ok({ layout, encoding: enc.encoding, decoder: makeFieldDecoder(textDecoder), bytes, bytesPerRow });
}
