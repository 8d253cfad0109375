// A small TopoJSON decoder: shared arcs, optional quantization transform
// (delta-encoded integer positions), Polygon / MultiPolygon / LineString /
// MultiLineString geometries. Rings come back open (first point not repeated).

export function decodeArcs(topology) {
  const tr = topology.transform;
  return topology.arcs.map((arc) => {
    if (!tr) return arc.map((p) => [p[0], p[1]]);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * tr.scale[0] + tr.translate[0], y * tr.scale[1] + tr.translate[1]];
    });
  });
}

// Concatenate arcs (negative index = arc ~i reversed), dropping the duplicated
// point where consecutive arcs meet.
export function stitch(arcs, indices) {
  const out = [];
  for (const i of indices) {
    const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
    for (let k = out.length ? 1 : 0; k < a.length; k++) out.push(a[k]);
  }
  return out;
}

function openRing(r) {
  const n = r.length;
  if (n > 1 && r[0][0] === r[n - 1][0] && r[0][1] === r[n - 1][1]) return r.slice(0, n - 1);
  return r;
}

// Returns [{id, properties, type, polygons}] (polygons: [[ring, ...], ...])
// or lines ([line, ...]) for linear geometries.
export function features(topology, objectName, arcs = decodeArcs(topology)) {
  const obj = topology.objects[objectName];
  if (!obj) throw new Error(`no object ${objectName}`);
  const geoms = obj.type === 'GeometryCollection' ? obj.geometries : [obj];
  return geoms.map((g) => {
    const f = { id: g.id, properties: g.properties || {}, type: g.type };
    switch (g.type) {
      case 'Polygon': f.polygons = [g.arcs.map((r) => openRing(stitch(arcs, r)))]; break;
      case 'MultiPolygon': f.polygons = g.arcs.map((p) => p.map((r) => openRing(stitch(arcs, r)))); break;
      case 'LineString': f.lines = [stitch(arcs, g.arcs)]; break;
      case 'MultiLineString': f.lines = g.arcs.map((l) => stitch(arcs, l)); break;
      case null: case undefined: f.polygons = []; break;
      default: throw new Error(`unsupported geometry type ${g.type}`);
    }
    return f;
  });
}
