// Self-check of a written data/basemap.json. Reads only the file, so it
// checks what the app will load, not the builder's in-memory state.
// Usable on its own: node tools/basemap/selfcheck.mjs [path]

import fs from 'node:fs';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

import { decodeFlat, ringProblems, crossRingProblems } from './lib/checks.mjs';
import { pointInRings } from './lib/geom.mjs';
import { GOVERNORATES, GOLAN_TEST_POINTS } from './tables.mjs';

export const BUDGET_GZIP_BYTES = 60 * 1000;

export function selfCheck(file) {
  const problems = [];
  const fail = (m) => problems.push(m);
  const text = fs.readFileSync(file, 'utf8');
  let doc;
  try { doc = JSON.parse(text); } catch (e) { return [`not JSON: ${e.message}`]; }

  const gz = zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
  if (gz > BUDGET_GZIP_BYTES) fail(`gzip -9 size ${gz} exceeds the ${BUDGET_GZIP_BYTES}-byte budget`);

  if (doc.format !== 'incident-atlas-basemap') fail('format is not incident-atlas-basemap');
  if (doc.version !== 1) fail('version is not 1');
  if (doc.scale !== 1000) fail('scale is not 1000');
  const S = doc.scale;
  if (!Array.isArray(doc.bbox) || doc.bbox.length !== 4 || !doc.bbox.every(Number.isInteger)) fail('bbox must be 4 integers');
  const [bx0, by0, bx1, by1] = doc.bbox;
  const inBox = ([x, y]) => x >= bx0 && x <= bx1 && y >= by0 && y <= by1;
  for (const k of ['sources', 'countries', 'governorates', 'occupied', 'rivers', 'lakes', 'towns', 'roads']) {
    if (!Array.isArray(doc[k])) fail(`${k} is not an array`);
  }
  if (problems.length) return problems;
  for (const s of doc.sources) {
    for (const f of ['name', 'package', 'licence', 'attribution']) if (typeof s[f] !== 'string' || !s[f]) fail(`source without ${f}`);
  }
  const textOk = (n, what) => {
    if (!n || typeof n.en !== 'string' || !n.en || typeof n.ar !== 'string' || !n.ar) fail(`${what}: name needs en and ar`);
    else if (!/[\u0600-\u06FF]/.test(n.ar)) fail(`${what}: Arabic name has no Arabic letters`);
  };

  const decodeRings = (f, what) => (f.rings || []).map((flat, i) => {
    if (!Array.isArray(flat) || flat.length < 6 || flat.length % 2 || !flat.every(Number.isInteger)) {
      fail(`${what} ring ${i}: not a flat integer array of >= 3 points`);
      return [];
    }
    const r = decodeFlat(flat);
    for (const p of ringProblems(r)) fail(`${what} ring ${i}: ${p}`);
    if (!r.every(inBox)) fail(`${what} ring ${i}: outside bbox`);
    return r;
  });

  const layer = (name, needId) => {
    const out = new Map();
    doc[name].forEach((f, i) => {
      const what = `${name}[${i}] ${f.id || (f.name && f.name.en)}`;
      if (needId && (typeof f.id !== 'string' || !f.id)) fail(`${what}: missing id`);
      textOk(f.name, what);
      if (!f.rings || !f.rings.length) fail(`${what}: no rings`);
      const rings = decodeRings(f, what);
      out.set(f.id || f.name.en, rings);
      for (const c of crossRingProblems(rings)) fail(`${what}: rings ${c.rings} cross near ${c.at}`);
    });
    return out;
  };
  const countries = layer('countries', true);
  const govs = layer('governorates', true);
  const occ = layer('occupied', true);
  const lakes = layer('lakes', false);
  void lakes;
  for (const [name, m] of [['countries', countries], ['governorates', govs]]) {
    const all = [...m.values()].flat();
    for (const c of crossRingProblems(all)) fail(`${name}: boundaries cross near ${c.at}`);
  }

  // Governorates: exactly the 14, right names, label inside.
  const want = GOVERNORATES.map((g) => g.id).sort();
  const got = doc.governorates.map((g) => g.id).sort();
  if (JSON.stringify(want) !== JSON.stringify(got)) fail(`governorate ids ${got} != ${want}`);
  for (const g of doc.governorates) {
    const t = GOVERNORATES.find((x) => x.id === g.id);
    if (t && (g.name.en !== t.en || g.name.ar !== t.ar)) fail(`governorate ${g.id}: names differ from the table`);
    if (!Array.isArray(g.label) || g.label.length !== 2 || !g.label.every(Number.isInteger)) fail(`governorate ${g.id}: bad label`);
    else if (!pointInRings(g.label, govs.get(g.id))) fail(`governorate ${g.id}: label ${g.label} is not inside`);
  }
  // Every governorate lies inside Syria (test: its label point).
  const syr = countries.get('SYR');
  if (!syr) fail('no SYR country');
  for (const g of doc.governorates) if (syr && g.label && !pointInRings(g.label, syr)) fail(`governorate ${g.id} label outside Syria`);

  // The Golan: Syrian territory, under occupation, not Israeli.
  const isr = countries.get('ISR');
  const golan = occ.get('golan');
  const qun = govs.get('quneitra');
  if (!isr) fail('no ISR country');
  if (!golan) fail('no occupied golan feature');
  for (const { name, p, occupied } of GOLAN_TEST_POINTS) {
    const q = [Math.round(p[0] * S), Math.round(p[1] * S)];
    if (syr && !pointInRings(q, syr)) fail(`${name} ${p} is not inside Syria`);
    if (isr && pointInRings(q, isr)) fail(`${name} ${p} is inside Israel`);
    if (golan && pointInRings(q, golan) !== occupied) fail(`${name} ${p} should ${occupied ? '' : 'not '}be inside the occupied Golan`);
    if (qun && !pointInRings(q, qun)) fail(`${name} ${p} is not inside Quneitra governorate`);
    for (const [id, rings] of countries) if (id !== 'SYR' && pointInRings(q, rings)) fail(`${name} ${p} is inside ${id}`);
  }
  // Israel proper is still Israel.
  for (const p of [[35.0, 32.8], [35.57, 33.2], [34.8, 32.1]]) {
    const q = [Math.round(p[0] * S), Math.round(p[1] * S)];
    if (isr && !pointInRings(q, isr)) fail(`${p} (Israel) is not inside Israel`);
    if (syr && pointInRings(q, syr)) fail(`${p} (Israel) is inside Syria`);
  }

  // Rivers and roads: lines.
  const lineOk = (flat, what) => {
    if (!Array.isArray(flat) || flat.length < 4 || flat.length % 2 || !flat.every(Number.isInteger)) fail(`${what}: not a flat integer array of >= 2 points`);
    else if (!decodeFlat(flat).every(inBox)) fail(`${what}: outside bbox`);
  };
  doc.rivers.forEach((r, i) => {
    textOk(r.name, `rivers[${i}]`);
    if (!r.lines || !r.lines.length) fail(`rivers[${i}]: no lines`);
    (r.lines || []).forEach((l, j) => lineOk(l, `rivers[${i}] line ${j}`));
  });
  const townNames = new Set();
  doc.towns.forEach((t, i) => {
    const what = `towns[${i}] ${t.name && t.name.en}`;
    textOk(t.name, what);
    if (townNames.has(t.name.en)) fail(`${what}: duplicate name`);
    townNames.add(t.name.en);
    if (!Number.isInteger(t.lon) || !Number.isInteger(t.lat) || !inBox([t.lon, t.lat])) fail(`${what}: bad position`);
    if (!Number.isInteger(t.population) || t.population < 0) fail(`${what}: bad population`);
    if (![1, 2, 3].includes(t.rank)) fail(`${what}: bad rank`);
    if (typeof t.capital !== 'boolean') fail(`${what}: capital must be boolean`);
    if (!Number.isInteger(t.geonames)) fail(`${what}: bad geonames id`);
  });
  for (const n of ['Damascus', 'Aleppo', 'Homs', 'Palmyra', 'Deir ez-Zor', 'Quneitra']) if (!townNames.has(n)) fail(`town ${n} missing`);
  doc.roads.forEach((r, i) => {
    textOk(r.name, `roads[${i}]`);
    for (const v of r.via || []) if (!townNames.has(v)) fail(`roads[${i}] via ${v}: no such town`);
    (r.lines || []).forEach((l, j) => lineOk(l, `roads[${i}] line ${j}`));
  });
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/basemap.json');
  const p = selfCheck(file);
  if (p.length) { for (const x of p) console.error(x); process.exit(1); }
  console.log('basemap self-check passed');
}
