// Neighbour graphs of cells for spatial statistics (SCIENCE.md §3.4): symmetric, binary, stored
// as compressed rows (neighbours of i are neighbours[offsets[i] … offsets[i+1]), ascending).

export interface NeighbourGraph {
  readonly n: number;
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
}

/** Symmetric graph from directed pairs (from[e] → to[e]); duplicates and self-loops dropped. */
export function symmetricGraph(n: number, from: Int32Array, to: Int32Array): NeighbourGraph {
  const degree = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) {
    if (from[e] === to[e]) continue;
    degree[from[e]!]!++;
    degree[to[e]!]!++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + degree[i]!;
  const fill = start.slice(0, n);
  const raw = new Int32Array(start[n]!);
  for (let e = 0; e < from.length; e++) {
    const a = from[e]!;
    const b = to[e]!;
    if (a === b) continue;
    raw[fill[a]!++] = b;
    raw[fill[b]!++] = a;
  }
  const offsets = new Int32Array(n + 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = raw.subarray(start[i]!, start[i + 1]!).sort();
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) out.push(row[k]!);
    offsets[i + 1] = out.length;
  }
  return { n, offsets, neighbours: Int32Array.from(out) };
}

/** k-nearest-neighbour graph (Euclidean, ties by lower index), symmetrised by union. */
export function knnGraph(x: ArrayLike<number>, y: ArrayLike<number>, k = 6): NeighbourGraph {
  const n = x.length;
  const kk = Math.min(k, n - 1);
  if (kk <= 0) return { n, offsets: new Int32Array(n + 1), neighbours: new Int32Array(0) };
  let xMin = Infinity;
  let yMin = Infinity;
  let xMax = -Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < n; i++) {
    xMin = Math.min(xMin, x[i]!);
    xMax = Math.max(xMax, x[i]!);
    yMin = Math.min(yMin, y[i]!);
    yMax = Math.max(yMax, y[i]!);
  }
  // a uniform grid with about two points per bucket
  const cell = Math.max(Math.sqrt(((xMax - xMin) * (yMax - yMin) || 1) / n) * 1.5, 1e-9);
  const gw = Math.floor((xMax - xMin) / cell) + 1;
  const gh = Math.floor((yMax - yMin) / cell) + 1;
  const bucketOf = (i: number) => Math.floor((y[i]! - yMin) / cell) * gw + Math.floor((x[i]! - xMin) / cell);
  const bucketStart = new Int32Array(gw * gh + 1);
  for (let i = 0; i < n; i++) bucketStart[bucketOf(i) + 1]!++;
  for (let b = 0; b < gw * gh; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const fill = bucketStart.slice(0, gw * gh);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[bucketOf(i)]!++] = i;

  const from = new Int32Array(n * kk);
  const to = new Int32Array(n * kk);
  const bestD = new Float64Array(kk);
  const bestJ = new Int32Array(kk);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    const bx = Math.floor((xi - xMin) / cell);
    const by = Math.floor((yi - yMin) / cell);
    let found = 0;
    for (let ring = 0; ; ring++) {
      for (let gy = by - ring; gy <= by + ring; gy++) {
        if (gy < 0 || gy >= gh) continue;
        const edge = gy === by - ring || gy === by + ring;
        for (let gx = bx - ring; gx <= bx + ring; gx += edge ? 1 : 2 * ring) {
          if (gx >= 0 && gx < gw) {
            const b = gy * gw + gx;
            for (let m = bucketStart[b]!; m < bucketStart[b + 1]!; m++) {
              const j = members[m]!;
              if (j === i) continue;
              const d = (x[j]! - xi) ** 2 + (y[j]! - yi) ** 2;
              if (found === kk && (d > bestD[kk - 1]! || (d === bestD[kk - 1]! && j > bestJ[kk - 1]!))) continue;
              let at = found < kk ? found++ : kk - 1;
              while (at > 0 && (bestD[at - 1]! > d || (bestD[at - 1]! === d && bestJ[at - 1]! > j))) {
                bestD[at] = bestD[at - 1]!;
                bestJ[at] = bestJ[at - 1]!;
                at--;
              }
              bestD[at] = d;
              bestJ[at] = j;
            }
          }
          if (ring === 0) break;
        }
      }
      const covered = ring * cell;
      if ((found === kk && bestD[kk - 1]! <= covered * covered) || ring > gw + gh) break;
    }
    for (let m = 0; m < kk; m++) {
      from[i * kk + m] = i;
      to[i * kk + m] = bestJ[m]!;
    }
  }
  return symmetricGraph(n, from, to);
}

/** Rook (4) or queen (8) adjacency on a width × height grid, node = row·width + col. */
export function latticeGraph(width: number, height: number, kind: 'rook' | 'queen' = 'rook'): NeighbourGraph {
  const from: number[] = [];
  const to: number[] = [];
  const steps = kind === 'rook' ? [[1, 0], [0, 1]] : [[1, 0], [0, 1], [1, 1], [-1, 1]];
  for (let row = 0; row < height; row++)
    for (let col = 0; col < width; col++)
      for (const [dc, dr] of steps) {
        const c2 = col + dc!;
        const r2 = row + dr!;
        if (c2 >= 0 && c2 < width && r2 < height) {
          from.push(row * width + col);
          to.push(r2 * width + c2);
        }
      }
  return symmetricGraph(width * height, Int32Array.from(from), Int32Array.from(to));
}
