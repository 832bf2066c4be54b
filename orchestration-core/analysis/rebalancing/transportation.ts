// The transportation problem solved to optimum: ship as many whole units as the sources' supply, the
// sinks' demand and the arcs allow, and among those plans the one of least total cost (a minimum-cost
// maximum flow). Successive shortest paths with node potentials: every augmentation follows a
// cheapest path in the residual network, found by Dijkstra on reduced costs, which the potentials
// keep non-negative; integer supplies and demands keep every flow a whole number.

export interface TransportationArc {
  /** Index into `supply`. */
  from: number;
  /** Index into `demand`. */
  to: number;
  /** Non-negative. */
  unitCost: number;
}

export interface TransportationProblem {
  /** Whole units each source can give. */
  supply: readonly number[];
  /** Whole units each sink needs. */
  demand: readonly number[];
  arcs: readonly TransportationArc[];
}

export interface TransportationSolution {
  /** Units on each arc, in the order of `arcs`. */
  flow: number[];
  shipped: number;
  totalCost: number;
}

/**
 * The residual network and Dijkstra's arrays, kept between solves and grown when a problem needs
 * more: a full rebalancing solves thousands of problems of a dozen nodes, where allocating the arrays
 * took longer than the search. Edge e's reverse is e ^ 1.
 */
const scratch = {
  nodes: 0,
  edges: 0,
  head: new Int32Array(0),
  to: new Int32Array(0),
  next: new Int32Array(0),
  capacity: new Float64Array(0),
  cost: new Float64Array(0),
  potential: new Float64Array(0),
  distance: new Float64Array(0),
  viaEdge: new Int32Array(0),
  done: new Uint8Array(0),
};

function reserve(nodes: number, edges: number): void {
  if (nodes > scratch.nodes) {
    scratch.nodes = Math.max(nodes, 2 * scratch.nodes, 16);
    scratch.head = new Int32Array(scratch.nodes);
    scratch.potential = new Float64Array(scratch.nodes);
    scratch.distance = new Float64Array(scratch.nodes);
    scratch.viaEdge = new Int32Array(scratch.nodes);
    scratch.done = new Uint8Array(scratch.nodes);
  }
  if (edges > scratch.edges) {
    scratch.edges = Math.max(edges, 2 * scratch.edges, 64);
    scratch.to = new Int32Array(scratch.edges);
    scratch.next = new Int32Array(scratch.edges);
    scratch.capacity = new Float64Array(scratch.edges);
    scratch.cost = new Float64Array(scratch.edges);
  }
}

function checkProblem(problem: TransportationProblem): void {
  for (const amount of problem.supply) if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`supply: ${amount} is not a whole number of units`);
  for (const amount of problem.demand) if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`demand: ${amount} is not a whole number of units`);
  for (const arc of problem.arcs) {
    if (!(arc.unitCost >= 0) || !Number.isFinite(arc.unitCost)) throw new RangeError(`arc ${arc.from}->${arc.to}: unit cost ${arc.unitCost} is not a non-negative number`);
    if (problem.supply[arc.from] === undefined || problem.demand[arc.to] === undefined) throw new RangeError(`arc ${arc.from}->${arc.to}: no such source or sink`);
  }
}

export function solveTransportation(problem: TransportationProblem): TransportationSolution {
  checkProblem(problem);
  const { supply, demand, arcs } = problem;
  const sources = supply.length;
  const source = 0;
  const sink = sources + demand.length + 1;
  const nodes = sink + 1;
  reserve(nodes, 2 * (sources + demand.length + arcs.length));
  const { head, to, next, capacity, cost, potential, distance, viaEdge, done } = scratch;
  head.fill(-1, 0, nodes);
  let edges = 0;
  const addEdge = (from: number, end: number, units: number, unitCost: number): number => {
    const edge = edges;
    to[edges] = end;
    capacity[edges] = units;
    cost[edges] = unitCost;
    next[edges] = head[from]!;
    head[from] = edges++;
    to[edges] = from;
    capacity[edges] = 0;
    cost[edges] = -unitCost;
    next[edges] = head[end]!;
    head[end] = edges++;
    return edge;
  };
  for (let i = 0; i < sources; i++) addEdge(source, 1 + i, supply[i]!, 0);
  for (let j = 0; j < demand.length; j++) addEdge(1 + sources + j, sink, demand[j]!, 0);
  // An arc never carries more than its source has or its sink needs: that bounds it without infinity.
  const arcEdges = arcs.map((arc) => addEdge(1 + arc.from, 1 + sources + arc.to, Math.min(supply[arc.from]!, demand[arc.to]!), arc.unitCost));

  // All costs start non-negative, so zero potentials are feasible.
  potential.fill(0, 0, nodes);
  let shipped = 0;
  for (;;) {
    distance.fill(Number.POSITIVE_INFINITY, 0, nodes);
    done.fill(0, 0, nodes);
    distance[source] = 0;
    // Dense Dijkstra: a rebalancing problem has a handful of plants, where a heap costs more than it saves.
    for (;;) {
      let u = -1;
      let closest = Number.POSITIVE_INFINITY;
      for (let v = 0; v < nodes; v++) {
        if (done[v] === 0 && distance[v]! < closest) {
          closest = distance[v]!;
          u = v;
        }
      }
      if (u === -1) break;
      done[u] = 1;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        if (capacity[e]! <= 0) continue;
        const v = to[e]!;
        // Rounding can leave a reduced cost a hair below zero; it is zero.
        const reduced = Math.max(0, cost[e]! + potential[u]! - potential[v]!);
        if (closest + reduced < distance[v]!) {
          distance[v] = closest + reduced;
          viaEdge[v] = e;
        }
      }
    }
    if (distance[sink] === Number.POSITIVE_INFINITY) break;
    for (let v = 0; v < nodes; v++) if (distance[v]! < Number.POSITIVE_INFINITY) potential[v]! += distance[v]!;
    let units = Number.POSITIVE_INFINITY;
    for (let v = sink; v !== source; v = to[viaEdge[v]! ^ 1]!) units = Math.min(units, capacity[viaEdge[v]!]!);
    for (let v = sink; v !== source; v = to[viaEdge[v]! ^ 1]!) {
      capacity[viaEdge[v]!]! -= units;
      capacity[viaEdge[v]! ^ 1]! += units;
    }
    shipped += units;
  }

  // An arc's flow is what its reverse edge has taken on.
  const flow = arcEdges.map((edge) => capacity[edge ^ 1]!);
  let totalCost = 0;
  for (let i = 0; i < arcs.length; i++) totalCost += arcs[i]!.unitCost * flow[i]!;
  return { flow, shipped, totalCost };
}
