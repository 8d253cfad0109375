// Groups a wasm module's items by crate (docs/performance.md, "Where the
// bytes are"). Reads `twiggy top -n 1000000 --format csv FILE` on standard
// input; a function counts toward the crate its name starts with
// (`<serde_json::de::Deserializer<R> as ...>` is serde_json's, whatever it
// was instantiated with), data segments and the rest on their own.
//
//   twiggy top -n 1000000 --format csv named.wasm | node scripts/wasm-breakdown.mjs
import { readFileSync } from 'node:fs';

const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim() !== '');
const header = parseCsvLine(lines.shift() ?? '');
const nameAt = header.findIndex((h) => /name/i.test(h));
const sizeAt = header.findIndex((h) => /shallow.*bytes|shallowsize|shallow size/i.test(h));
if (nameAt < 0 || sizeAt < 0) {
  console.error(`wasm-breakdown: unexpected header: ${header.join(',')}`);
  process.exit(1);
}

/** Which group an item belongs to; null for what is not shipped (names). */
function group(name) {
  if (/subsection$|^custom section/.test(name)) return null;
  if (/^data segment|^data\[\d+\]/.test(name)) return 'data segments';
  // The first path in the name: `<T as tachys::...>` is tachys',
  // `<&mut serde_json::de::Deserializer<R> as ...>` serde_json's.
  const path = name.match(/([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::([A-Za-z_]+)/);
  if (!path) return 'other (sections, unnamed glue)';
  const [, crate, module] = path;
  if (crate === 'fmt' || ((crate === 'core' || crate === 'alloc') && module === 'fmt')) return 'core::fmt';
  return crate;
}

const groups = new Map();
let total = 0;
let mentionsPathToError = 0;
for (const line of lines) {
  const cols = parseCsvLine(line);
  const name = cols[nameAt] ?? '';
  const size = Number(cols[sizeAt]);
  if (!Number.isFinite(size) || /^Σ|^\.\.\./.test(name)) continue;
  if (group(name) !== null) total += size;
  if (name.includes('serde_path_to_error')) mentionsPathToError += size;
  const g = group(name);
  if (g === null) continue;
  groups.set(g, (groups.get(g) ?? 0) + size);
}

const rows = [...groups].sort((a, b) => b[1] - a[1]);
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
console.log('| group | bytes | share |');
console.log('| --- | ---: | ---: |');
for (const [g, n] of rows.slice(0, 25)) console.log(`| ${g} | ${n.toLocaleString('en')} | ${pct(n)} |`);
const rest = rows.slice(25).reduce((s, [, n]) => s + n, 0);
if (rest) console.log(`| ${rows.length - 25} other groups | ${rest.toLocaleString('en')} | ${pct(rest)} |`);
console.log(`| **total (code and data, without the name section)** | **${total.toLocaleString('en')}** | |`);
console.log(`\nitems whose name mentions serde_path_to_error (any crate): ${mentionsPathToError.toLocaleString('en')} bytes, ${pct(mentionsPathToError)}`);

/** One CSV line, with double-quoted fields that may hold commas. */
function parseCsvLine(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i += 1; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}
