// The compact gazetteer index (format marsad-gazetteer/2): a JSON header (countries, admin1, interned strings,
// attribution) followed by binary columns, one slot per place, and the sorted key table with its postings. Loading
// is a few typed-array views, five string decodes and one pass to hash the keys: no per-place objects are built
// until a place is looked at.
import type { Admin1Info, CountryInfo, IndexFile } from './types.ts';

export const FORMAT2 = 'marsad-gazetteer/2';
const MAGIC = 'MGAZ2\n';

interface Section {
  name: string;
  type: 'i32' | 'i16' | 'u8' | 'utf8';
  offset: number;
  length: number;
}

interface Header {
  format: typeof FORMAT2;
  attribution: string;
  countries: CountryInfo[];
  admin1: Admin1Info[];
  strings: string[];
  n: number;
  keys: number;
  sections: Section[];
}

/** Decoded index: columns (one slot per place), the text of every place, and the key table. */
export interface IndexData {
  attribution: string;
  countries: CountryInfo[];
  admin1: Admin1Info[];
  strings: string[];
  n: number;
  lat: Int32Array;
  lon: Int32Array;
  pop: Int32Array;
  gn: Int32Array;
  a2: Int32Array;
  a3: Int32Array;
  a1: Int16Array;
  cc: Uint8Array;
  f: Uint8Array;
  rank: Uint8Array;
  /** UTF-8 names, one line per place, decoded when a place is looked at */
  name: ByteLines;
  ar: ByteLines;
  /** for place i, its key codes entKeys[entOff[i]..entOff[i+1]) (key number × 2, +1 variant); derived from the postings */
  entOff: Int32Array;
  entKeys: Int32Array;
  /** sorted unique keys, '\n'-joined, their starts, and for key i the codes postings[off[i]..off[i+1]) (id × 2, +1 variant) */
  keyText: Lines;
  postOff: Int32Array;
  postings: Int32Array;
}

export interface Lines {
  text: string;
  start: Int32Array;
}

export interface ByteLines {
  bytes: Buffer;
  start: Int32Array;
}

export function lineAt(l: Lines, i: number): string {
  return l.text.slice(l.start[i] as number, (l.start[i + 1] as number) - 1);
}

/** Line i of a byte block ('' for an empty line). */
export function byteLineAt(l: ByteLines, i: number): string {
  const a = l.start[i] as number;
  const b = (l.start[i + 1] as number) - 1;
  return b > a ? l.bytes.toString('utf8', a, b) : '';
}

/** True when line i of a byte block is not empty. */
export function byteLineFilled(l: ByteLines, i: number): boolean {
  return (l.start[i + 1] as number) - (l.start[i] as number) > 1;
}

function byteLines(bytes: Buffer, count: number): ByteLines {
  const start = new Int32Array(count + 1);
  let p = 0;
  for (let i = 0; i < count; i++) {
    start[i] = p;
    const nl = bytes.indexOf(10, p);
    p = nl === -1 ? bytes.length + 1 : nl + 1;
  }
  start[count] = p;
  return { bytes, start };
}

function lines(text: string, count: number): Lines {
  const start = new Int32Array(count + 1);
  let p = 0;
  for (let i = 0; i < count; i++) {
    start[i] = p;
    const nl = text.indexOf('\n', p);
    p = nl === -1 ? text.length + 1 : nl + 1;
  }
  start[count] = p;
  return { text, start };
}

/** Encode a columnar (format 1) index as format 2. */
export function encodeIndex(ix: IndexFile): Buffer {
  const P = ix.places;
  const n = P.name.length;
  // key table: every primary and variant key → codes
  const post = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    for (const [field, bit] of [
      ['k', 0],
      ['v', 1],
    ] as const) {
      const s = P[field][i] as string;
      if (!s) continue;
      for (const key of s.split('|')) {
        if (!key || key.includes('\n')) continue;
        let l = post.get(key);
        if (!l) {
          l = [];
          post.set(key, l);
        }
        l.push(i * 2 + bit);
      }
    }
  }
  const keys = [...post.keys()].sort();
  const postOff = new Int32Array(keys.length + 1);
  let total = 0;
  keys.forEach((k, i) => {
    postOff[i] = total;
    total += (post.get(k) as number[]).length;
  });
  postOff[keys.length] = total;
  const postings = new Int32Array(total);
  keys.forEach((k, i) => {
    postings.set(post.get(k) as number[], postOff[i] as number);
  });

  const clean = (a: string[]) => a.map((s) => (s ?? '').replace(/\n/g, ' ')).join('\n');
  const parts: Array<{ name: string; type: Section['type']; data: Uint8Array }> = [];
  const i32 = (name: string, a: ArrayLike<number>) => parts.push({ name, type: 'i32', data: new Uint8Array(Int32Array.from(a).buffer) });
  const i16 = (name: string, a: ArrayLike<number>) => parts.push({ name, type: 'i16', data: new Uint8Array(Int16Array.from(a).buffer) });
  const u8 = (name: string, a: ArrayLike<number>) => parts.push({ name, type: 'u8', data: Uint8Array.from(a) });
  const txt = (name: string, s: string) => parts.push({ name, type: 'utf8', data: new Uint8Array(Buffer.from(s, 'utf8')) });
  i32('lat', P.lat);
  i32('lon', P.lon);
  i32('pop', P.pop);
  i32('gn', P.gn);
  i32('a2', P.a2);
  i32('a3', P.a3);
  i32('postOff', postOff);
  i32('postings', postings);
  i16('a1', P.a1);
  u8('cc', P.cc);
  u8('f', P.f);
  u8('rank', P.rank);
  txt('name', clean(P.name));
  txt('ar', clean(P.ar));
  txt('keys', keys.join('\n'));
  if (ix.countries.length > 255) throw new Error('encodeIndex: more than 255 countries');
  const sections: Section[] = [];
  let off = 0;
  for (const p of parts) {
    off = Math.ceil(off / 4) * 4;
    sections.push({ name: p.name, type: p.type, offset: off, length: p.data.length });
    off += p.data.length;
  }
  const header: Header = {
    format: FORMAT2,
    attribution: ix.attribution,
    countries: ix.countries,
    admin1: ix.admin1,
    strings: ix.strings,
    n,
    keys: keys.length,
    sections,
  };
  let head = Buffer.from(JSON.stringify(header), 'utf8');
  // the body starts on a multiple of 4 so that the columns can be viewed in place
  const pad = (4 - ((MAGIC.length + 4 + head.length) % 4)) % 4;
  head = Buffer.concat([head, Buffer.from(' '.repeat(pad))]);
  const body = Buffer.alloc(off);
  parts.forEach((p, i) => {
    body.set(p.data, (sections[i] as Section).offset);
  });
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return Buffer.concat([Buffer.from(MAGIC), len, head, body]);
}

/** Decode format 2 (throws on anything else). */
export function decodeIndex(buf: Uint8Array): IndexData {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (b.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a marsad-gazetteer/2 index');
  const hlen = b.readUInt32LE(MAGIC.length);
  const header = JSON.parse(b.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + hlen)) as Header;
  if (header.format !== FORMAT2) throw new Error(`unknown gazetteer format ${String(header.format)}`);
  let base = MAGIC.length + 4 + hlen;
  let body = b;
  if ((b.byteOffset + base) % 4 !== 0) {
    // misaligned input (a slice of a larger buffer): copy the body once
    body = Buffer.from(b.subarray(base));
    base = 0;
  }
  const sec = new Map(header.sections.map((s) => [s.name, s]));
  const get = (name: string): Section => {
    const s = sec.get(name);
    if (!s) throw new Error(`gazetteer index: section ${name} missing`);
    return s;
  };
  const view32 = (name: string) => {
    const s = get(name);
    return new Int32Array(body.buffer, body.byteOffset + base + s.offset, s.length / 4);
  };
  const view16 = (name: string) => {
    const s = get(name);
    return new Int16Array(body.buffer, body.byteOffset + base + s.offset, s.length / 2);
  };
  const view8 = (name: string) => {
    const s = get(name);
    return new Uint8Array(body.buffer, body.byteOffset + base + s.offset, s.length);
  };
  const text = (name: string) => {
    const s = get(name);
    return body.toString('utf8', base + s.offset, base + s.offset + s.length);
  };
  const bytes = (name: string) => {
    const s = get(name);
    return body.subarray(base + s.offset, base + s.offset + s.length);
  };
  const n = header.n;
  const postOff = view32('postOff');
  const postings = view32('postings');
  // inverse of the postings: each place's keys
  const entOff = new Int32Array(n + 1);
  for (let j = 0; j < postings.length; j++) (entOff[((postings[j] as number) >> 1) + 1] as number)++;
  for (let i = 0; i < n; i++) entOff[i + 1] = (entOff[i + 1] as number) + (entOff[i] as number);
  const fill = entOff.slice(0, n);
  const entKeys = new Int32Array(postings.length);
  for (let key = 0; key < header.keys; key++) {
    for (let j = postOff[key] as number; j < (postOff[key + 1] as number); j++) {
      const code = postings[j] as number;
      const id = code >> 1;
      entKeys[(fill[id] as number)++] = key * 2 + (code & 1);
    }
  }
  return {
    attribution: header.attribution,
    countries: header.countries,
    admin1: header.admin1,
    strings: header.strings,
    n,
    lat: view32('lat'),
    lon: view32('lon'),
    pop: view32('pop'),
    gn: view32('gn'),
    a2: view32('a2'),
    a3: view32('a3'),
    a1: view16('a1'),
    cc: view8('cc'),
    f: view8('f'),
    rank: view8('rank'),
    name: byteLines(bytes('name'), n),
    ar: byteLines(bytes('ar'), n),
    entOff,
    entKeys,
    keyText: lines(text('keys'), header.keys),
    postOff,
    postings,
  };
}
