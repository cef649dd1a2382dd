// The clock of the live dispatch: a vehicle leaves its anchor just in time for its next stop; once it has
// left, that stop is served as planned and becomes the new anchor, so it can no longer move.
import type { BookedRequest, Dispatch } from './dynamic.ts';
import { freeNode } from './live-table.ts';
import { refreshRoute } from './route.ts';

export interface ServedStop {
  vehicle: number;
  request: number;
  kind: 'pickup' | 'dropoff';
  time: number;
}

/**
 * Moves the clock to `now`: a vehicle leaves its anchor just in time for its next stop, and once it has
 * left, that stop is served as planned and becomes the new anchor. Returns the stops served.
 */
export function advanceTo(state: Dispatch, now: number): ServedStop[] {
  const { table } = state;
  const served: ServedStop[] = [];
  state.now = Math.max(state.now, now);
  for (const run of state.vehicles) {
    const route = run.route;
    while (route.size > 2 && route.feasible) {
      const departure = (route.emin[1] as number) - (route.leg[0] as number);
      if (departure > state.now) break;
      const node = route.node[1] as number;
      const time = route.emin[1] as number;
      const r = table.owner[node] as number;
      const req = state.requests[r] as BookedRequest;
      if (!run.departed) {
        run.departed = true;
        // The duration limit now counts from this departure: it becomes a deadline at the end depot.
        table.late[run.end] = Math.min(table.late[run.end] as number, departure + route.maxDuration);
        route.maxDuration = Number.MAX_VALUE;
      }
      for (let c = 0; c < table.dims; c++)
        route.initialLoad[c] =
          (route.initialLoad[c] as number) + (table.demand[node * table.dims + c] as number);
      if (table.isPickup[node] === 1) {
        const d = req.dropoffNode;
        req.status = 'onboard';
        req.pickedUpAt = time;
        table.late[d] = Math.min(table.late[d] as number, time + req.pickupService + req.maxRideTime);
        table.partner[d] = -1;
        served.push({ vehicle: route.vehicle, request: r, kind: 'pickup', time });
        freeNode(table, node);
      } else {
        req.status = 'done';
        req.droppedOffAt = time;
        served.push({ vehicle: route.vehicle, request: r, kind: 'dropoff', time });
        freeNode(table, node);
      }
      table.x[run.anchor] = table.x[node] as number;
      table.y[run.anchor] = table.y[node] as number;
      run.ready = time + (table.service[node] as number);
      route.node.copyWithin(1, 2, route.size);
      route.size--;
      table.early[run.anchor] = run.ready;
      refreshRoute(table, route);
    }
    const earliest = Math.max(run.ready, state.now);
    if ((table.early[run.anchor] as number) !== earliest) {
      table.early[run.anchor] = earliest;
      refreshRoute(table, route);
    }
  }
  return served;
}
