// Streaming reader of a MAMH roll file: saxes parses the XML as it arrives, so memory stays bounded by one
// chunk's worth of units whatever the file's size (Montréal's is about 800 MB).
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { RawUnit } from './mamh-format.ts';

/** What the file says about itself before its units. */
export interface RollHeader {
  version: string | null;
  municipality: string;
  year: number;
}

/** A fault that makes the whole file unusable, with the line (and column) where it was found. */
export class RollFormatError extends Error {
  readonly line: number;
  readonly column: number;
  readonly code: string;
  constructor(code: string, line: number, column: number, message: string) {
    super(message);
    this.code = code;
    this.line = line;
    this.column = column;
  }
}

/** One item of the stream: the header once, then each unit. */
export type RollItem = { kind: 'header'; header: RollHeader } | { kind: 'unit'; unit: RawUnit };

const GROUP = /^RL\d{4}x$/;

/**
 * Reads a roll file as a stream of items. Throws RollFormatError on malformed XML or a file that is not a
 * MAMH roll (`roll.xml_malformed`, `roll.not_a_roll`, `roll.header_missing`), with the line of the fault.
 * The byte-order mark is skipped; `onBytes` reports progress as chunks are read.
 */
export async function* readRoll(
  source: Readable,
  options: { onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<RollItem> {
  const parser = new SaxesParser({ position: true });
  const ready: RollItem[] = [];
  let failure: RollFormatError | null = null;
  const stack: string[] = [];
  let textBuffer = '';
  let leaf = false;
  const header: { version: string | null; municipality: string | null; year: string | null } = {
    version: null,
    municipality: null,
    year: null,
  };
  let headerSent = false;
  let unit: RawUnit | null = null;
  let group: Record<string, string> | null = null;

  const fail = (code: string, message: string) => {
    failure ??= new RollFormatError(code, parser.line, parser.column, message);
  };
  const sendHeader = () => {
    if (headerSent) return true;
    const year = Number(header.year);
    if (!header.municipality || !Number.isInteger(year) || year < 1900 || year > 2200) {
      fail('roll.header_missing', 'RLM01A and RLM02A must come before the first unit');
      return false;
    }
    ready.push({
      kind: 'header',
      header: { version: header.version, municipality: header.municipality, year },
    });
    headerSent = true;
    return true;
  };

  parser.on('error', (error) => fail('roll.xml_malformed', error.message));
  parser.on('opentag', (tag) => {
    if (failure) return;
    const name = tag.name;
    if (stack.length === 0 && name !== 'RL') fail('roll.not_a_roll', `root element ${name}, expected RL`);
    stack.push(name);
    textBuffer = '';
    leaf = true;
    if (stack.length === 2 && name === 'RLUEx') {
      if (sendHeader()) unit = { line: parser.line, fields: {}, groups: {} };
    } else if (unit && GROUP.test(name)) {
      group = {};
    }
  });
  parser.on('text', (t) => {
    textBuffer += t;
  });
  parser.on('closetag', (tag) => {
    if (failure) return;
    const name = tag.name;
    stack.pop();
    const value = textBuffer.trim();
    const wasLeaf = leaf;
    leaf = false;
    textBuffer = '';
    if (stack.length === 1) {
      if (name === 'VERSION') header.version = value || null;
      else if (name === 'RLM01A') header.municipality = value || null;
      else if (name === 'RLM02A') header.year = value || null;
      else if (name === 'RLUEx' && unit) {
        ready.push({ kind: 'unit', unit });
        unit = null;
      }
      return;
    }
    if (!unit) return;
    if (group && GROUP.test(name)) {
      const list = unit.groups[name] ?? [];
      list.push(group);
      unit.groups[name] = list;
      group = null;
    } else if (wasLeaf) {
      if (group) group[name] = value;
      else unit.fields[name] = value;
    }
  });

  let first = true;
  source.setEncoding('utf8');
  for await (const chunk of source) {
    let text = chunk as string;
    options.onBytes?.(Buffer.byteLength(text));
    if (first) {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    parser.write(text);
    // What came before a fault is handed on first (the header, for the summary); the fault then stops all.
    while (ready.length) yield ready.shift() as RollItem;
    if (failure) throw failure;
  }
  parser.close();
  if (!failure && stack.length === 0 && !headerSent) sendHeader();
  while (ready.length) yield ready.shift() as RollItem;
  if (failure) throw failure;
}
