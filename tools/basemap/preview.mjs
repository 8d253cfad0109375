#!/usr/bin/env node
// Render data/basemap.json to an SVG for eyeballing the build.
//
//   node tools/basemap/preview.mjs [--view=minLon,minLat,maxLon,maxLat]
//        [--width=1200] [--lang=en|ar] [--out=tools/basemap/preview.svg]
//        [--marks=lon,lat;lon,lat] [--png]
//
// Equirectangular projection with longitude scaled by cos(mid latitude).
// --png also writes a PNG beside the SVG with headless Chromium.
// --marks draws magenta crosses (e.g. test points).

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { decodeFlat } from './lib/checks.mjs';

const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).map((a) => {
  const m = /^--([^=]+)=(.*)$/.exec(a);
  return m ? [m[1], m[2]] : [a.replace(/^--/, ''), true];
}));
const doc = JSON.parse(fs.readFileSync(args.in || path.join(TOOL_DIR, '../../data/basemap.json'), 'utf8'));
const S = doc.scale;
const view = args.view ? args.view.split(',').map(Number) : doc.bbox.map((v) => v / S);
const lang = args.lang || 'en';
const W = Number(args.width || 1200);
const kx = Math.cos((((view[1] + view[3]) / 2) * Math.PI) / 180);
const ppd = W / ((view[2] - view[0]) * kx); // pixels per degree of latitude
const H = Math.round((view[3] - view[1]) * ppd);
const zoom = ppd / (1200 / ((doc.bbox[2] - doc.bbox[0]) / S * kx));
const X = (lon) => ((lon - view[0]) * kx * ppd).toFixed(1);
const Y = (lat) => ((view[3] - lat) * ppd).toFixed(1);
const P = ([x, y]) => `${X(x / S)},${Y(y / S)}`;
const ringPath = (rings) => rings.map((f) => `M${decodeFlat(f).map(P).join('L')}Z`).join('');
const linePath = (lines) => lines.map((f) => `M${decodeFlat(f).map(P).join('L')}`).join('');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const name = (n) => esc(n[lang] || n.en);
const sw = (px) => (px * Math.max(1, Math.sqrt(zoom) / 1.5)).toFixed(2);

let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif"${lang === 'ar' ? ' direction="rtl"' : ''}>
<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f6e7c8"/><line x1="0" y1="0" x2="0" y2="8" stroke="#c0392b" stroke-width="1.5" opacity="0.55"/></pattern></defs>
<rect width="100%" height="100%" fill="#cfe3f0"/>
`;
for (const c of doc.countries) {
  s += `<path d="${ringPath(c.rings)}" fill="${c.id === 'SYR' ? '#fffdf4' : '#ecebe6'}" fill-rule="evenodd" stroke="none"><title>${name(c.name)}</title></path>\n`;
}
for (const o of doc.occupied) s += `<path d="${ringPath(o.rings)}" fill="url(#hatch)" fill-rule="evenodd" stroke="none"/>\n`;
for (const g of doc.governorates) s += `<path d="${ringPath(g.rings)}" fill="none" stroke="#a99" stroke-width="${sw(0.8)}" stroke-dasharray="4 3"/>\n`;
for (const c of doc.countries) s += `<path d="${ringPath(c.rings)}" fill="none" stroke="#555" stroke-width="${sw(c.id === 'SYR' ? 1.4 : 0.9)}" stroke-linejoin="round"/>\n`;
for (const o of doc.occupied) s += `<path d="${ringPath(o.rings)}" fill="none" stroke="#c0392b" stroke-width="${sw(1)}" stroke-dasharray="2 2"/>\n`;
for (const l of doc.lakes) s += `<path d="${ringPath(l.rings)}" fill="#aecfe6" stroke="#5b8fb9" stroke-width="${sw(0.6)}"><title>${name(l.name)}</title></path>\n`;
for (const r of doc.rivers) s += `<path d="${linePath(r.lines)}" fill="none" stroke="#3b7fc4" stroke-width="${sw(1.2)}" stroke-linejoin="round" stroke-linecap="round"><title>${name(r.name)}</title></path>\n`;
for (const r of doc.roads) s += `<path d="${linePath(r.lines)}" fill="none" stroke="#b03a2e" stroke-width="${sw(1.4)}" stroke-dasharray="6 3" opacity="0.8"><title>${name(r.name)}</title></path>\n`;
for (const g of doc.governorates) {
  s += `<text x="${X(g.label[0] / S)}" y="${Y(g.label[1] / S)}" font-size="${sw(11)}" fill="#8a6d6d" text-anchor="middle" font-style="italic">${name(g.name)}</text>\n`;
}
for (const o of doc.occupied) {
  const pts = o.rings.flatMap((f) => decodeFlat(f));
  const cx = pts.reduce((a, p) => a + p[0], 0) / pts.length / S;
  const cy = pts.reduce((a, p) => a + p[1], 0) / pts.length / S;
  if (zoom > 3) s += `<text x="${X(cx)}" y="${Y(cy)}" font-size="${sw(10)}" fill="#c0392b" text-anchor="middle">${name(o.name)}</text>\n`;
}
for (const t of doc.towns) {
  const r = t.rank === 1 ? 4 : t.rank === 2 ? 3 : 2;
  const x = X(t.lon / S);
  const y = Y(t.lat / S);
  s += `<circle cx="${x}" cy="${y}" r="${sw(r)}" fill="${t.capital ? '#222' : '#fff'}" stroke="#222" stroke-width="${sw(1)}"/>`;
  const dx = Number(sw(r + 2)) * (lang === 'ar' ? -1 : 1); // label after the dot in reading order
  s += `<text x="${(Number(x) + dx).toFixed(1)}" y="${(Number(y) + Number(sw(4))).toFixed(1)}" font-size="${sw(t.rank === 3 ? 10 : 12)}" fill="#222"${t.rank < 3 ? ' font-weight="bold"' : ''}>${name(t.name)}</text>\n`;
}
if (args.marks) {
  for (const m of String(args.marks).split(';')) {
    const [lon, lat] = m.split(',').map(Number);
    s += `<path d="M${X(lon)},${Y(lat)}m-6,0h12m-6,-6v12" stroke="#e0f" stroke-width="2"/>\n`;
  }
}
s += `<text x="8" y="${H - 8}" font-size="11" fill="#555">basemap preview · view ${view.join(', ')} · ~${zoom.toFixed(1)}x</text>\n</svg>\n`;
const out = path.resolve(args.out || path.join(TOOL_DIR, 'preview.svg'));
fs.writeFileSync(out, s);
console.log(`wrote ${out} (${W}x${H}, ~${zoom.toFixed(1)}x the full-box scale)`);
if (args.png) {
  // --png: also screenshot the SVG with headless Chromium (Debian: /usr/bin/chromium)
  const png = out.replace(/\.svg$/, '') + '.png';
  const browser = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((b) => fs.existsSync(b));
  if (!browser) {
    console.error('no chromium found; open the SVG in a browser instead');
    process.exit(1);
  }
  execFileSync(browser, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--hide-scrollbars',
    `--screenshot=${png}`, `--window-size=${W},${H}`, `file://${out}`], { stdio: 'ignore', timeout: 60000 });
  console.log(`wrote ${png}`);
}
