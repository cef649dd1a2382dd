// The node table of the live dispatch: nodes are allocated when a request is booked and freed when it
// is completed, so a service day of any length keeps a table of the active requests only. Travel times
// come from coordinates (Euclidean distance / speed), computed on demand instead of a matrix.
import type { StopTable } from './model.ts';

export interface LiveTable extends StopTable {
  x: Float64Array;
  y: Float64Array;
  speed: number;
  /** Caller's request index of each node (−1 for vehicle nodes). */
  owner: Int32Array;
  free: number[];
  used: number;
}

export function createLiveTable(dims: number, speed: number, room = 256): LiveTable {
  const table: LiveTable = {
    dims,
    speed,
    x: new Float64Array(room),
    y: new Float64Array(room),
    early: new Float64Array(room),
    late: new Float64Array(room),
    service: new Float64Array(room),
    demand: new Int32Array(room * dims),
    partner: new Int32Array(room).fill(-1),
    isPickup: new Uint8Array(room),
    maxRide: new Float64Array(room),
    positionScratch: new Int32Array(room).fill(-1),
    owner: new Int32Array(room).fill(-1),
    free: [],
    used: 0,
    travel(a: number, b: number): number {
      return (
        Math.hypot(
          (this.x[a] as number) - (this.x[b] as number),
          (this.y[a] as number) - (this.y[b] as number),
        ) / this.speed
      );
    },
  };
  return table;
}

function grow(table: LiveTable): void {
  const room = table.x.length * 2;
  const f64 = (old: Float64Array) => {
    const a = new Float64Array(room);
    a.set(old);
    return a;
  };
  const i32 = (old: Int32Array, fill: number, factor = 1) => {
    const a = new Int32Array(room * factor).fill(fill);
    a.set(old);
    return a;
  };
  table.x = f64(table.x);
  table.y = f64(table.y);
  table.early = f64(table.early);
  table.late = f64(table.late);
  table.service = f64(table.service);
  table.maxRide = f64(table.maxRide);
  table.demand = i32(table.demand, 0, table.dims);
  table.partner = i32(table.partner, -1);
  table.positionScratch = i32(table.positionScratch, -1);
  table.owner = i32(table.owner, -1);
  const pick = new Uint8Array(room);
  pick.set(table.isPickup);
  table.isPickup = pick;
}

export interface NodeData {
  x: number;
  y: number;
  service: number;
  early: number;
  late: number;
}

/** Allocates a node (reusing freed ones). */
export function addNode(table: LiveTable, data: NodeData, owner: number): number {
  let node = table.free.pop();
  if (node === undefined) {
    if (table.used >= table.x.length) grow(table);
    node = table.used++;
  }
  table.x[node] = data.x;
  table.y[node] = data.y;
  table.service[node] = data.service;
  table.early[node] = data.early;
  table.late[node] = data.late;
  table.owner[node] = owner;
  table.partner[node] = -1;
  table.isPickup[node] = 0;
  table.maxRide[node] = Number.POSITIVE_INFINITY;
  table.demand.fill(0, node * table.dims, (node + 1) * table.dims);
  return node;
}

/** Links a pickup and its drop-off node as one request. */
export function linkRequest(table: LiveTable, p: number, d: number, load: number[], maxRide: number): void {
  table.partner[p] = d;
  table.partner[d] = p;
  table.isPickup[p] = 1;
  table.maxRide[d] = maxRide;
  for (let c = 0; c < table.dims; c++) {
    table.demand[p * table.dims + c] = load[c] ?? 0;
    table.demand[d * table.dims + c] = -(load[c] ?? 0);
  }
}

export function freeNode(table: LiveTable, node: number): void {
  table.owner[node] = -1;
  table.partner[node] = -1;
  table.free.push(node);
}
