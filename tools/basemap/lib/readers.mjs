// Readers for two binary vector formats found in the PyPI data packages.

// matplotlib-basemap's GSHHG extracts: a text index ("meta") with one line
// per polyline/polygon -- level, area, npoints, south, north, byte offset,
// byte count, id -- and a data file of little-endian float32 lon/lat pairs.
export function readBasemapDat(metaText, data, filter) {
  const out = [];
  for (const line of metaText.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 7) continue;
    const [level, area, np, south, north, offset] = f.map(Number);
    if (!filter({ level, area, south, north })) continue;
    const pts = new Array(np);
    for (let i = 0; i < np; i++) pts[i] = [data.readFloatLE(offset + i * 8), data.readFloatLE(offset + i * 8 + 4)];
    out.push({ level, area, points: pts });
  }
  return out;
}

// ESRI shapefile (.shp), polygon records only: returns [{bbox, rings}].
export function readShpPolygons(buf) {
  if (buf.readInt32BE(0) !== 9994) throw new Error('not a shapefile');
  const out = [];
  let off = 100;
  while (off + 8 <= buf.length) {
    const len = buf.readInt32BE(off + 4) * 2;
    const rec = off + 8;
    const type = buf.readInt32LE(rec);
    if (type === 5) {
      const bbox = [0, 1, 2, 3].map((k) => buf.readDoubleLE(rec + 4 + k * 8));
      const numParts = buf.readInt32LE(rec + 36);
      const numPoints = buf.readInt32LE(rec + 40);
      const parts = [];
      for (let i = 0; i < numParts; i++) parts.push(buf.readInt32LE(rec + 44 + i * 4));
      const p0 = rec + 44 + numParts * 4;
      const rings = parts.map((start, i) => {
        const end = i + 1 < numParts ? parts[i + 1] : numPoints;
        const r = [];
        for (let k = start; k < end; k++) r.push([buf.readDoubleLE(p0 + k * 16), buf.readDoubleLE(p0 + k * 16 + 8)]);
        if (r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1]) r.pop();
        return r;
      });
      out.push({ bbox, rings });
    }
    off = rec + len;
  }
  return out;
}
