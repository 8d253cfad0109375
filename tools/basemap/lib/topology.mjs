// Topology-aware simplification and quantization.
//
// Rings from different features that share a boundary carry identical
// vertices along it (the build makes sure of that). Here every ring is cut
// into chains at junctions -- vertices whose neighbours differ between the
// rings passing through them -- and each distinct chain is simplified and
// quantized once, so shared borders stay bit-identical in every feature
// that uses them and no slivers or gaps open up between neighbours.

import { key, simplifyChain } from './geom.mjs';

function chainId(c) {
  const f = key(c[0]);
  const l = key(c[c.length - 1]);
  const s = key(c[1]);
  const sl = key(c[c.length - 2]);
  const fwd = f < l || (f === l && s <= sl);
  return fwd ? { id: `${f}>${s}>${l}`, rev: false } : { id: `${l}>${sl}>${f}`, rev: true };
}

// rings: [{ pts, tol }]. Returns an object that can (re)build the quantized
// rings with per-chain tolerance overrides.
export function buildTopology(rings) {
  const nb = new Map();
  const addNb = (p, q) => {
    const k = key(p);
    if (!nb.has(k)) nb.set(k, new Set());
    nb.get(k).add(key(q));
  };
  for (const { pts } of rings) {
    const n = pts.length;
    for (let i = 0; i < n; i++) {
      addNb(pts[i], pts[(i + n - 1) % n]);
      addNb(pts[i], pts[(i + 1) % n]);
    }
  }
  const isJunction = (p) => nb.get(key(p)).size !== 2;
  const chains = new Map(); // id -> { pts (canonical), tol }
  const ringChains = rings.map(({ pts, tol }) => {
    const n = pts.length;
    let idx = [];
    for (let i = 0; i < n; i++) if (isJunction(pts[i])) idx.push(i);
    if (!idx.length) {
      // closed loop without junctions: start at its smallest vertex
      let m = 0;
      for (let i = 1; i < n; i++) {
        if (pts[i][0] < pts[m][0] || (pts[i][0] === pts[m][0] && pts[i][1] < pts[m][1])) m = i;
      }
      idx = [m];
    }
    const refs = [];
    for (let j = 0; j < idx.length; j++) {
      const s = idx[j];
      const e = idx[(j + 1) % idx.length];
      const c = [];
      let i = s;
      c.push(pts[i]);
      do {
        i = (i + 1) % n;
        c.push(pts[i]);
      } while (i !== e);
      const { id, rev } = chainId(c);
      if (!chains.has(id)) chains.set(id, { pts: rev ? c.slice().reverse() : c, tol });
      else chains.get(id).tol = Math.min(chains.get(id).tol, tol);
      refs.push({ id, rev });
    }
    return refs;
  });
  return { chains, ringChains };
}

function quantizeChain(pts, scale) {
  const q = [];
  for (const p of pts) {
    const x = Math.round(p[0] * scale);
    const y = Math.round(p[1] * scale);
    const last = q[q.length - 1];
    if (!last || last[0] !== x || last[1] !== y) q.push([x, y]);
  }
  // drop A-B-A spikes left by rounding (never the chain's endpoints)
  for (let i = 1; i + 1 < q.length;) {
    const a = q[i - 1];
    const c = q[i + 1];
    if (a[0] === c[0] && a[1] === c[1] && i + 1 < q.length - 1) {
      q.splice(i, 2);
      i = Math.max(1, i - 1);
    } else i++;
  }
  return q;
}

// Returns quantized integer rings (open, [[x, y], ...]) in input order.
export function renderTopology(topo, scale, kx, override = new Map()) {
  const done = new Map();
  for (const [id, c] of topo.chains) {
    const tol = override.has(id) ? override.get(id) : c.tol;
    done.set(id, quantizeChain(simplifyChain(c.pts, tol, kx), scale));
  }
  return topo.ringChains.map((refs) => {
    const ring = [];
    for (const { id, rev } of refs) {
      const c = rev ? done.get(id).slice().reverse() : done.get(id);
      for (let k = 0; k < c.length; k++) {
        const last = ring[ring.length - 1];
        if (last && last[0] === c[k][0] && last[1] === c[k][1]) continue;
        ring.push(c[k]);
      }
    }
    const f = ring[0];
    const l = ring[ring.length - 1];
    if (ring.length > 1 && f[0] === l[0] && f[1] === l[1]) ring.pop();
    return ring;
  });
}
