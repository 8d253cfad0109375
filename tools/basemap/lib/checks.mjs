// Validity checks shared by the build (to steer simplification) and by the
// self-check (run on the written file).

import { badIntersection, findCrossings, signedArea } from './geom.mjs';

// Decode a flat delta-encoded RING/LINE into [[x, y], ...].
export function decodeFlat(flat) {
  const pts = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    x = i === 0 ? flat[0] : x + flat[i];
    y = i === 0 ? flat[1] : y + flat[i + 1];
    pts.push([x, y]);
  }
  return pts;
}

export function encodeFlat(pts) {
  const out = [];
  let px = 0;
  let py = 0;
  pts.forEach(([x, y], i) => {
    if (i === 0) out.push(x, y);
    else out.push(x - px, y - py);
    px = x;
    py = y;
  });
  return out;
}

// Problems of one ring on its own; [] when valid.
export function ringProblems(r) {
  const p = [];
  if (r.length < 3) return [`only ${r.length} points`];
  for (let i = 0; i < r.length; i++) {
    const a = r[i];
    const b = r[(i + 1) % r.length];
    if (!Number.isInteger(a[0]) || !Number.isInteger(a[1])) p.push(`non-integer point ${a}`);
    if (a[0] === b[0] && a[1] === b[1]) p.push(`repeated point ${a} at ${i}`);
  }
  if (signedArea(r) === 0) p.push('zero area');
  const segs = [];
  for (let i = 0; i < r.length; i++) segs.push({ a: r[i], b: r[(i + 1) % r.length], i });
  const n = r.length;
  const bad = findCrossings(segs, 50).filter(([s, t]) => {
    // neighbouring segments always share one endpoint; that is fine unless they fold back
    const adj = (s.i + 1) % n === t.i || (t.i + 1) % n === s.i;
    if (adj && n > 3) return badIntersection(s.a, s.b, t.a, t.b);
    return true;
  });
  if (bad.length) p.push(`${bad.length} self-intersection(s) near ${bad[0][0].a}`);
  return p;
}

// Crossings between different rings of one layer. Segments shared exactly
// (a common border used by two features) are allowed.
export function crossRingProblems(rings) {
  const segs = [];
  const seen = new Map();
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      const k = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`;
      if (seen.has(k)) continue; // shared border segment: checked once
      seen.set(k, ri);
      segs.push({ a, b, ri });
    }
  });
  return findCrossings(segs, 50)
    .filter(([s, t]) => s.ri !== t.ri)
    .map(([s, t]) => ({ rings: [s.ri, t.ri], at: s.a }));
}
