// Minimal readers for the two archive formats the registries hand us:
// npm tarballs (.tgz: gzip + POSIX ustar/pax) and Python wheels (.whl: zip).
// Node standard library only (zlib). Only the requested members are returned.

import fs from 'node:fs';
import zlib from 'node:zlib';

function cstr(buf, start, len) {
  let end = start;
  while (end < start + len && buf[end] !== 0) end++;
  return buf.toString('utf8', start, end);
}

function octal(buf, start, len) {
  const s = cstr(buf, start, len).trim();
  return s ? parseInt(s, 8) : 0;
}

// Returns Map(memberPath -> Buffer) for the wanted member paths.
export function readTarGz(path, wanted) {
  const want = new Set(wanted);
  const data = zlib.gunzipSync(fs.readFileSync(path));
  const out = new Map();
  let off = 0;
  let longName = null;
  while (off + 512 <= data.length) {
    const header = data.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    let name = cstr(header, 0, 100);
    const prefix = cstr(header, 345, 155);
    if (prefix) name = `${prefix}/${name}`;
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] || 48);
    const body = off + 512;
    const next = body + Math.ceil(size / 512) * 512;
    if (type === 'x') {
      // pax extended header: "len key=value\n" records; we only need path
      const text = data.toString('utf8', body, body + size);
      const m = /\d+ path=([^\n]*)\n/.exec(text);
      longName = m ? m[1] : null;
    } else if (type === 'L') {
      longName = cstr(data, body, size);
    } else {
      if (longName) { name = longName; longName = null; }
      if ((type === '0' || type === '\0') && want.has(name)) {
        out.set(name, Buffer.from(data.subarray(body, body + size)));
      }
    }
    off = next;
  }
  for (const w of want) if (!out.has(w)) throw new Error(`${path}: member not found: ${w}`);
  return out;
}

// Returns Map(memberPath -> Buffer) for the wanted member paths of a zip file.
export function readZip(path, wanted) {
  const want = new Set(wanted);
  const buf = fs.readFileSync(path);
  // End of central directory record: search backwards for its signature.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error(`${path}: not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map();
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (want.has(name)) {
      if (csize === 0xffffffff || local === 0xffffffff) throw new Error(`${path}: ${name}: ZIP64 entries are not supported`);
      if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error(`${path}: bad local header`);
      const lNameLen = buf.readUInt16LE(local + 26);
      const lExtraLen = buf.readUInt16LE(local + 28);
      const start = local + 30 + lNameLen + lExtraLen;
      const raw = buf.subarray(start, start + csize);
      if (method === 0) out.set(name, Buffer.from(raw));
      else if (method === 8) out.set(name, zlib.inflateRawSync(raw));
      else throw new Error(`${path}: ${name}: unsupported compression ${method}`);
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  for (const w of want) if (!out.has(w)) throw new Error(`${path}: member not found: ${w}`);
  return out;
}
