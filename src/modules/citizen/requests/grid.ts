// Approximate positions for sensitive requests (noise complaints…): the public sees the centre of a grid
// cell, never the point itself. Pure, so the map, Open311 and the nearby search snap the same way.

const METRES_PER_DEGREE = 111_320;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** The centre of the grid cell (about `metres` on a side) holding a point. */
export function snapToGrid(lat: number, lon: number, metres: number): { lat: number; lon: number } {
  const latStep = metres / METRES_PER_DEGREE;
  const row = Math.floor(lat / latStep);
  const centreLat = (row + 0.5) * latStep;
  // Columns are as wide in metres as rows are tall, measured at the row's centre so a cell never moves.
  const lonStep = metres / (METRES_PER_DEGREE * Math.cos((centreLat * Math.PI) / 180));
  const col = Math.floor(lon / lonStep);
  return { lat: round6(centreLat), lon: round6((col + 0.5) * lonStep) };
}

/** Where the public sees a request: the point itself, or its cell's centre for a sensitive category. */
export function publicPosition(
  lat: number,
  lon: number,
  options: { sensitive: boolean; gridMetres: number },
): { lat: number; lon: number } {
  return options.sensitive
    ? snapToGrid(lat, lon, options.gridMetres)
    : { lat: round6(lat), lon: round6(lon) };
}
