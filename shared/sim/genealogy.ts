// The genotype tree (node table) of a simulation, as columns that grow by doubling.
//
// Invariants:
// - node 0 is the root (the founding cell, carrying the truncal mutations); parent[0] = −1;
// - parent[v] < v for every other node (children have larger ids), so a reverse scan of ids
//   visits children before parents (CCF propagation) and a forward scan parents first;
// - mutations are numbered 0, 1, 2, … in order of creation; node v carries the ids
//   [firstMut[v], firstMut[v] + nMut[v]) and firstMut is non-decreasing in v;
// - the mutations of a cell are the union over its node's ancestor path (never materialised).

export class NodeTable {
  parent: Int32Array;
  firstMut: Int32Array;
  nMut: Int32Array;
  /** 1 when the node's first mutation is a driver (root: 1, the tumour-initiating event). */
  isDriver: Uint8Array;
  /** Time of the division that created the node (units of 1/b₀); −∞-free: the root has 0. */
  tBirth: Float64Array;
  /** Birth rate of cells in this node (b₀ × Π(1+s) over driver ancestors with an effect). */
  birthRate: Float64Array;
  count = 0;
  /** Id of the next mutation to create. */
  nextMut = 0;

  constructor(capacity = 1024) {
    this.parent = new Int32Array(capacity);
    this.firstMut = new Int32Array(capacity);
    this.nMut = new Int32Array(capacity);
    this.isDriver = new Uint8Array(capacity);
    this.tBirth = new Float64Array(capacity);
    this.birthRate = new Float64Array(capacity);
  }

  /** Adds a node with `nMut` new mutations; returns its id. */
  add(parent: number, nMut: number, isDriver: boolean, tBirth: number, birthRate: number): number {
    if (this.count === this.parent.length) this.grow();
    const v = this.count++;
    this.parent[v] = parent;
    this.firstMut[v] = this.nextMut;
    this.nMut[v] = nMut;
    this.isDriver[v] = isDriver ? 1 : 0;
    this.tBirth[v] = tBirth;
    this.birthRate[v] = birthRate;
    this.nextMut += nMut;
    return v;
  }

  /** Forgets every node from `count` on (a regrowth after extinction). */
  truncate(count: number, nextMut: number): void {
    this.count = count;
    this.nextMut = nextMut;
  }

  private grow(): void {
    const cap = this.parent.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.parent = grown(this.parent, (n) => new Int32Array(n));
    this.firstMut = grown(this.firstMut, (n) => new Int32Array(n));
    this.nMut = grown(this.nMut, (n) => new Int32Array(n));
    this.isDriver = grown(this.isDriver, (n) => new Uint8Array(n));
    this.tBirth = grown(this.tBirth, (n) => new Float64Array(n));
    this.birthRate = grown(this.birthRate, (n) => new Float64Array(n));
  }

  /** Node ids from v up to the root, v first. */
  ancestors(v: number): number[] {
    const path: number[] = [];
    for (let u = v; u >= 0; u = this.parent[u]!) path.push(u);
    return path;
  }

  /** True when a is v or an ancestor of v. */
  isAncestor(a: number, v: number): boolean {
    for (let u = v; u >= a; u = this.parent[u]!) if (u === a) return true;
    return false;
  }

  /** Mutation ids carried by a cell of node v (root first). */
  mutationsOf(v: number): number[] {
    const out: number[] = [];
    for (const u of this.ancestors(v).reverse()) for (let m = 0; m < this.nMut[u]!; m++) out.push(this.firstMut[u]! + m);
    return out;
  }

  /** Node that carries mutation m (binary search on firstMut); −1 when m was never created. */
  nodeOfMutation(m: number): number {
    if (m < 0 || m >= this.nextMut) return -1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firstMut[mid]! <= m) lo = mid;
      else hi = mid - 1;
    }
    // nodes without mutations share the next node's firstMut: step back to the carrier
    while (lo > 0 && this.firstMut[lo]! + this.nMut[lo]! <= m) lo--;
    return lo;
  }

  /**
   * Splits the root in two: a new node 0 keeps the first `keep` truncal mutations, the old root
   * becomes node 1 (a child of node 0) with the rest. Every other id moves up by one; returns
   * nothing, callers add 1 to the node ids they hold. Mutation ids do not change.
   */
  splitRoot(keep: number): void {
    if (this.count === this.parent.length) this.grow();
    const n = this.count;
    this.parent.copyWithin(1, 0, n);
    this.firstMut.copyWithin(1, 0, n);
    this.nMut.copyWithin(1, 0, n);
    this.isDriver.copyWithin(1, 0, n);
    this.tBirth.copyWithin(1, 0, n);
    this.birthRate.copyWithin(1, 0, n);
    for (let v = 1; v <= n; v++) this.parent[v] = this.parent[v]! + 1; // −1 (old root) becomes 0
    const total = this.nMut[1]!;
    this.parent[0] = -1;
    this.firstMut[0] = this.firstMut[1]!;
    this.nMut[0] = keep;
    this.isDriver[0] = 1;
    this.tBirth[0] = this.tBirth[1]!;
    this.birthRate[0] = this.birthRate[1]!;
    this.firstMut[1] = this.firstMut[0]! + keep;
    this.nMut[1] = total - keep;
    this.count = n + 1;
  }
}
