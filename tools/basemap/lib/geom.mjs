// Planar geometry on [lon, lat] points: orientation, point-in-polygon,
// rectangle clipping, Douglas–Peucker simplification, exact-vertex polygon
// union, splitting a polygon along a polyline, pole of inaccessibility,
// and segment-intersection checks. Rings are open: the first point is not
// repeated at the end. Outer rings are counter-clockwise (y = latitude up).

export const key = (p) => `${p[0]},${p[1]}`;
export const same = (a, b) => a[0] === b[0] && a[1] === b[1];

export function signedArea(ring) {
  let s = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return s / 2;
}

export function orient(ring, ccw = true) {
  const a = signedArea(ring);
  return (a > 0) === ccw ? ring : ring.slice().reverse();
}

export function pointInRing(p, ring) {
  let c = false;
  const [x, y] = p;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

// Even-odd rule over all rings of a feature.
export function pointInRings(p, rings) {
  let c = false;
  for (const r of rings) if (pointInRing(p, r)) c = !c;
  return c;
}

export function bboxOf(rings) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of rings) for (const [x, y] of r) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

// ---------------------------------------------------------------------------
// Rectangle clipping

// Intersection of segment a-b with box edge k (0: x=x0, 1: x=x1, 2: y=y0,
// 3: y=y1), computed from the endpoints in a canonical order so that a
// segment shared by two neighbours (traversed in opposite directions) yields
// the bit-identical point.
function edgePoint(a, b, k, box) {
  const [p, q] = (a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])) ? [a, b] : [b, a];
  if (k < 2) {
    const x = box[k === 0 ? 0 : 2];
    return [x, p[1] + ((x - p[0]) * (q[1] - p[1])) / (q[0] - p[0])];
  }
  const y = box[k === 2 ? 1 : 3];
  return [p[0] + ((y - p[1]) * (q[0] - p[0])) / (q[1] - p[1]), y];
}

// Liang–Barsky: visible parameter interval of a-b inside the box.
function liangBarsky(a, b, box) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const P = [-dx, dx, -dy, dy];
  const Q = [a[0] - box[0], box[2] - a[0], a[1] - box[1], box[3] - a[1]];
  let t0 = 0;
  let t1 = 1;
  let e0 = -1;
  let e1 = -1;
  for (let k = 0; k < 4; k++) {
    if (P[k] === 0) {
      if (Q[k] < 0) return null;
    } else {
      const r = Q[k] / P[k];
      if (P[k] < 0) {
        if (r > t1) return null;
        if (r > t0) { t0 = r; e0 = k; }
      } else {
        if (r < t0) return null;
        if (r < t1) { t1 = r; e1 = k; }
      }
    }
  }
  if (t1 - t0 <= 1e-12) return null;
  return { t0, t1, e0, e1 };
}

const inBox = (p, box) => p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];

// Position along the box perimeter, counter-clockwise from (x0, y0).
function perimeterT(p, box) {
  const [x0, y0, x1, y1] = box;
  if (p[1] === y0 && p[0] < x1) return (p[0] - x0) / (x1 - x0);
  if (p[0] === x1 && p[1] < y1) return 1 + (p[1] - y0) / (y1 - y0);
  if (p[1] === y1 && p[0] > x0) return 2 + (x1 - p[0]) / (x1 - x0);
  return 3 + (y1 - p[1]) / (y1 - y0);
}

export function assertNoVertexOnBox(rings, box, what) {
  for (const r of rings) for (const p of r) {
    if (p[0] === box[0] || p[0] === box[2] || p[1] === box[1] || p[1] === box[3]) {
      throw new Error(`${what}: vertex ${p} lies exactly on the view box; nudge the box`);
    }
  }
}

// Clip one counter-clockwise ring to the box. Returns zero or more CCW rings;
// pieces that the box separates become separate rings (no zero-width bridges).
export function clipRingToBox(ring, box) {
  const n = ring.length;
  const chains = [];
  let cur = null;
  let head = null;
  for (let i = 0; i < n; i++) {
    const a = ring[i];
    const b = ring[(i + 1) % n];
    if (i === 0 && inBox(a, box)) { cur = { pts: [a], entry: null, exit: null }; head = cur; }
    const v = liangBarsky(a, b, box);
    if (!v) continue;
    if (v.t0 > 0) {
      const e = edgePoint(a, b, v.e0, box);
      cur = { pts: [e], entry: perimeterT(e, box), exit: null };
    }
    if (v.t1 < 1) {
      const x = edgePoint(a, b, v.e1, box);
      cur.pts.push(x);
      cur.exit = perimeterT(x, box);
      chains.push(cur);
      cur = null;
    } else if (i < n - 1) {
      cur.pts.push(b);
    }
  }
  if (cur) {
    if (head && cur !== head) {
      // the ring started inside: the last open chain continues into the first
      head.pts = cur.pts.concat(head.pts);
      head.entry = cur.entry;
    }
    if (!chains.includes(head)) chains.push(head);
  }
  if (chains.length === 1 && chains[0].entry === null) return [chains[0].pts];
  if (chains.length === 0) {
    const c = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
    if (pointInRing(c, ring)) return [[[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]]]];
    return [];
  }
  const corners = [[box[2], box[1]], [box[2], box[3]], [box[0], box[3]], [box[0], box[1]]];
  const used = new Set();
  const out = [];
  for (const start of chains) {
    if (used.has(start)) continue;
    const pts = [];
    let c = start;
    for (;;) {
      used.add(c);
      pts.push(...c.pts);
      // next entry counter-clockwise from this exit
      let best = null;
      let bestD = Infinity;
      for (const d of chains) {
        let dt = d.entry - c.exit;
        if (dt < 0) dt += 4;
        if (dt < bestD) { bestD = dt; best = d; }
      }
      // box corners passed on the way
      const end = c.exit + bestD;
      for (let k = Math.floor(c.exit) + 1; k < end; k++) pts.push(corners[(k - 1) % 4]);
      if (best === start || used.has(best)) break;
      c = best;
    }
    if (pts.length >= 3) out.push(pts);
  }
  return out;
}

// Clip a polyline to the box. Returns zero or more polylines.
export function clipLineToBox(line, box) {
  const out = [];
  let cur = null;
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    const v = liangBarsky(a, b, box);
    if (!v) { cur = null; continue; }
    if (v.t0 > 0 || !cur) {
      cur = [v.t0 > 0 ? edgePoint(a, b, v.e0, box) : a];
      out.push(cur);
    }
    if (v.t1 < 1) { cur.push(edgePoint(a, b, v.e1, box)); cur = null; } else cur.push(b);
  }
  return out.filter((l) => l.length >= 2);
}

// ---------------------------------------------------------------------------
// Simplification

// Douglas–Peucker on an open chain; endpoints are kept. Distances are
// measured with longitude scaled by kx (cos of the mid latitude) so the
// tolerance is isotropic on the ground.
export function simplifyChain(pts, tol, kx) {
  const n = pts.length;
  if (n <= 2 || tol <= 0) return pts.slice();
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack = [[0, n - 1]];
  const t2 = tol * tol;
  while (stack.length) {
    const [i, j] = stack.pop();
    const ax = pts[i][0] * kx;
    const ay = pts[i][1];
    const bx = pts[j][0] * kx;
    const by = pts[j][1];
    const dx = bx - ax;
    const dy = by - ay;
    const L = dx * dx + dy * dy;
    let best = -1;
    let bestD = t2;
    for (let k = i + 1; k < j; k++) {
      const px = pts[k][0] * kx - ax;
      const py = pts[k][1] - ay;
      let d;
      if (L === 0) d = px * px + py * py;
      else {
        let t = (px * dx + py * dy) / L;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const ex = px - t * dx;
        const ey = py - t * dy;
        d = ex * ex + ey * ey;
      }
      if (d > bestD) { bestD = d; best = k; }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return pts.filter((_, k) => keep[k]);
}

// ---------------------------------------------------------------------------
// Exact-vertex union

// Union of polygons whose common boundaries use identical vertices: edges
// present in both directions cancel, the remaining edges are chained into
// rings. Input rings must be oriented (outer CCW, holes CW).
export function unionRings(rings) {
  const edges = new Map();
  const add = (a, b) => {
    const k = `${key(a)}|${key(b)}`;
    const e = edges.get(k);
    if (e) e.n++;
    else edges.set(k, { a, b, n: 1 });
  };
  for (const r of rings) for (let i = 0; i < r.length; i++) add(r[i], r[(i + 1) % r.length]);
  for (const [k, e] of edges) {
    const rk = `${key(e.b)}|${key(e.a)}`;
    const r = edges.get(rk);
    if (r && r.n > 0 && e.n > 0) {
      const m = Math.min(r.n, e.n);
      r.n -= m;
      e.n -= m;
    }
  }
  const out = new Map();
  for (const e of edges.values()) {
    for (let i = 0; i < e.n; i++) {
      const k = key(e.a);
      if (!out.has(k)) out.set(k, []);
      out.get(k).push(e.b);
    }
  }
  const result = [];
  const starts = [...out.keys()].sort();
  for (const s of starts) {
    while (out.get(s).length) {
      const ring = [];
      let prev = null;
      let cur = out.get(s)[0];
      const first = s.split(',').map(Number);
      ring.push(first);
      prev = first;
      out.get(s).splice(0, 1);
      while (key(cur) !== s) {
        ring.push(cur);
        const cands = out.get(key(cur));
        if (!cands || !cands.length) throw new Error(`unionRings: open chain at ${key(cur)}`);
        let idx = 0;
        if (cands.length > 1) {
          // take the most clockwise turn: keeps pinched rings apart
          const inA = Math.atan2(cur[1] - prev[1], cur[0] - prev[0]);
          let bestTurn = Infinity;
          cands.forEach((c, i) => {
            let t = Math.atan2(c[1] - cur[1], c[0] - cur[0]) - inA;
            while (t <= -Math.PI) t += 2 * Math.PI;
            while (t > Math.PI) t -= 2 * Math.PI;
            if (t < bestTurn) { bestTurn = t; idx = i; }
          });
        }
        prev = cur;
        cur = cands.splice(idx, 1)[0];
      }
      result.push(ring);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Splitting a polygon along a polyline

function segSeg(a, b, c, d) {
  const rx = b[0] - a[0];
  const ry = b[1] - a[1];
  const sx = d[0] - c[0];
  const sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (den === 0) return null;
  const qx = c[0] - a[0];
  const qy = c[1] - a[1];
  const t = (qx * sy - qy * sx) / den;
  const u = (qx * ry - qy * rx) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return { t, u, p: [a[0] + t * rx, a[1] + t * ry] };
}

// Split an open ring with a polyline that runs across it from one side to
// the other. Each end of the polyline is attached to the ring: an end lying
// inside is joined to its nearest point on the ring; an end lying outside is
// cut back to where the polyline first crosses the ring. The polyline must
// not cross the ring anywhere else. Returns { pieces: [ringA, ringB], a, b,
// edgeA, edgeB }: a/b are the attachment points and edgeA/edgeB the ring
// edges ([u, v]) they lie on (for inserting them into neighbouring rings).
export function splitRingByLine(ring, line, kx = 1) {
  const n = ring.length;
  const crossings = [];
  for (let i = 0; i + 1 < line.length; i++) {
    for (let j = 0; j < n; j++) {
      const h = segSeg(line[i], line[i + 1], ring[j], ring[(j + 1) % n]);
      if (h) crossings.push({ li: i + h.t, rj: j, rt: h.u, p: h.p });
    }
  }
  crossings.sort((x, y) => x.li - y.li);
  const attach = (endIdx) => {
    const p = line[endIdx];
    if (pointInRing(p, ring)) {
      const near = nearestOnRings(p, [ring], kx);
      return { li: endIdx, rj: near.index, rt: near.t, p: near.p, inside: true };
    }
    const c = endIdx === 0 ? crossings[0] : crossings[crossings.length - 1];
    if (!c) throw new Error('splitRingByLine: polyline end is outside and never crosses the ring');
    return { ...c, inside: false };
  };
  const A = attach(0);
  const B = attach(line.length - 1);
  const extra = crossings.filter((c) => c !== A && c !== B && (A.inside || c.li > A.li) && (B.inside || c.li < B.li));
  if (extra.length) throw new Error(`splitRingByLine: polyline crosses the ring ${extra.length} more time(s), near ${extra[0].p}`);
  const inner = [];
  for (let i = Math.floor(A.li) + (A.inside ? 0 : 1); i <= (B.inside ? line.length - 1 : Math.floor(B.li)); i++) inner.push(line[i]);
  // ring walk from just after A's edge to B's edge, and from B to A
  const walk = (from, to) => {
    const out = [];
    let j = (from.rj + 1) % n;
    for (;;) {
      out.push(ring[j]);
      if (j === to.rj) break;
      j = (j + 1) % n;
    }
    return out;
  };
  let ab;
  let ba;
  if (A.rj === B.rj) {
    if (A.rt < B.rt) { ab = []; ba = walk(B, A); } else { ab = walk(A, B); ba = []; }
  } else {
    ab = walk(A, B);
    ba = walk(B, A);
  }
  const pieceA = [A.p, ...ab, B.p, ...inner.slice().reverse()];
  const pieceB = [B.p, ...ba, A.p, ...inner];
  return {
    pieces: [pieceA, pieceB],
    a: A.p,
    b: B.p,
    edgeA: [ring[A.rj], ring[(A.rj + 1) % n]],
    edgeB: [ring[B.rj], ring[(B.rj + 1) % n]],
  };
}

// Insert point p into every ring that has the edge u-v (either direction).
export function insertOnEdge(rings, u, v, p) {
  let count = 0;
  for (const r of rings) {
    for (let i = 0; i < r.length; i++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      if ((same(a, u) && same(b, v)) || (same(a, v) && same(b, u))) {
        r.splice(i + 1, 0, p);
        count++;
        break;
      }
    }
  }
  return count;
}

// Nearest point on a set of rings (or open polylines when `open`):
// { ring, index (edge start), t, p, d }.
export function nearestOnRings(p, rings, kx, open = false) {
  let best = null;
  rings.forEach((r, ri) => {
    for (let i = 0; i < (open ? r.length - 1 : r.length); i++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      const ax = a[0] * kx;
      const dx = b[0] * kx - ax;
      const dy = b[1] - a[1];
      const px = p[0] * kx - ax;
      const py = p[1] - a[1];
      const L = dx * dx + dy * dy;
      let t = L ? (px * dx + py * dy) / L : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const d = Math.hypot(px - t * dx, py - t * dy);
      if (!best || d < best.d) best = { ring: ri, index: i, t, d, p: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])] };
    }
  });
  return best;
}

// ---------------------------------------------------------------------------
// Pole of inaccessibility (grid refinement with a priority queue)

function distToRings(p, rings, kx) {
  let inside = false;
  let m = Infinity;
  for (const r of rings) {
    if (pointInRing(p, r)) inside = !inside;
    for (let i = 0, n = r.length, j = n - 1; i < n; j = i++) {
      const a = r[j];
      const b = r[i];
      const ax = a[0] * kx;
      const dx = b[0] * kx - ax;
      const dy = b[1] - a[1];
      const px = p[0] * kx - ax;
      const py = p[1] - a[1];
      const L = dx * dx + dy * dy;
      let t = L ? (px * dx + py * dy) / L : 0;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const d = Math.hypot(px - t * dx, py - t * dy);
      if (d < m) m = d;
    }
  }
  return inside ? m : -m;
}

export function poleOfInaccessibility(rings, precision, kx) {
  const [minX, minY, maxX, maxY] = bboxOf(rings);
  const w = (maxX - minX) * kx;
  const h = maxY - minY;
  const size = Math.min(w, h);
  const heap = [];
  const push = (c) => {
    heap.push(c);
    let i = heap.length - 1;
    while (i > 0) {
      const pa = (i - 1) >> 1;
      if (heap[pa].max >= c.max) break;
      heap[i] = heap[pa];
      i = pa;
    }
    heap[i] = c;
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        const cand = (k) => (k < heap.length && heap[k].max > (m === i ? last.max : heap[m].max));
        if (cand(l)) m = l;
        if (cand(r)) m = r;
        if (m === i) break;
        heap[i] = heap[m];
        i = m;
      }
      heap[i] = last;
    }
    return top;
  };
  const cell = (x, y, hh) => {
    const d = distToRings([x / kx, y], rings, kx);
    return { x, y, h: hh, d, max: d + hh * Math.SQRT2 };
  };
  let hs = size / 2;
  for (let x = minX * kx; x < maxX * kx; x += size) {
    for (let y = minY; y < maxY; y += size) push(cell(x + hs, y + hs, hs));
  }
  let best = cell(((minX + maxX) / 2) * kx, (minY + maxY) / 2, 0);
  while (heap.length) {
    const c = pop();
    if (c.d > best.d) best = c;
    if (c.max - best.d <= precision) continue;
    hs = c.h / 2;
    push(cell(c.x - hs, c.y - hs, hs));
    push(cell(c.x + hs, c.y - hs, hs));
    push(cell(c.x - hs, c.y + hs, hs));
    push(cell(c.x + hs, c.y + hs, hs));
  }
  return { p: [best.x / kx, best.y], d: best.d };
}

// ---------------------------------------------------------------------------
// Segment crossing checks (integer or float coordinates)

function orient3(a, b, c) {
  const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSeg(a, b, p) {
  return Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0])
    && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

// True when segments a-b and c-d share any point other than a common endpoint
// (touching at a shared vertex is allowed; overlaps and crossings are not).
export function badIntersection(a, b, c, d) {
  const sharedEnds = [[a, c], [a, d], [b, c], [b, d]].filter(([p, q]) => same(p, q)).length;
  if (sharedEnds >= 2) return true; // duplicate segment
  const o1 = orient3(a, b, c);
  const o2 = orient3(a, b, d);
  const o3 = orient3(c, d, a);
  const o4 = orient3(c, d, b);
  if (sharedEnds === 1) {
    // collinear overlap beyond the shared vertex?
    if (o1 === 0 && o2 === 0) {
      const s = [[a, c], [a, d], [b, c], [b, d]].find(([p, q]) => same(p, q))[0];
      const o = same(s, a) ? b : a;
      const t = same(s, c) ? d : c;
      const dot = (o[0] - s[0]) * (t[0] - s[0]) + (o[1] - s[1]) * (t[1] - s[1]);
      return dot > 0;
    }
    return false;
  }
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSeg(a, b, c)) return true;
  if (o2 === 0 && onSeg(a, b, d)) return true;
  if (o3 === 0 && onSeg(c, d, a)) return true;
  if (o4 === 0 && onSeg(c, d, b)) return true;
  return false;
}

// Find bad intersections among a set of segments (each {a, b, tag}).
// Adjacent segments of the same ring (sharing an endpoint) are fine by
// construction of badIntersection. Returns the offending pairs.
export function findCrossings(segs, cell) {
  const grid = new Map();
  segs.forEach((s, i) => {
    const x0 = Math.floor(Math.min(s.a[0], s.b[0]) / cell);
    const x1 = Math.floor(Math.max(s.a[0], s.b[0]) / cell);
    const y0 = Math.floor(Math.min(s.a[1], s.b[1]) / cell);
    const y1 = Math.floor(Math.max(s.a[1], s.b[1]) / cell);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) {
      const k = `${x},${y}`;
      if (!grid.has(k)) grid.set(k, []);
      grid.get(k).push(i);
    }
  });
  const bad = [];
  const seen = new Set();
  for (const list of grid.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) {
      const p = list[i] < list[j] ? `${list[i]}:${list[j]}` : `${list[j]}:${list[i]}`;
      if (seen.has(p)) continue;
      seen.add(p);
      const s = segs[list[i]];
      const t = segs[list[j]];
      if (s.skip && s.skip(t)) continue;
      if (badIntersection(s.a, s.b, t.a, t.b)) bad.push([s, t]);
    }
  }
  return bad;
}
