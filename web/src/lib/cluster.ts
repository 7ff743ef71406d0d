// Grid clustering in screen pixels: points in the same cell become one cluster.
export interface Pt<T> {
  x: number;
  y: number;
  item: T;
}
export interface Cluster<T> {
  x: number;
  y: number;
  items: T[];
}

export function gridCluster<T>(points: ReadonlyArray<Pt<T>>, cellPx: number): Array<Cluster<T>> {
  const cells = new Map<string, { sx: number; sy: number; items: T[] }>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellPx)}:${Math.floor(p.y / cellPx)}`;
    const c = cells.get(key);
    if (c) {
      c.sx += p.x;
      c.sy += p.y;
      c.items.push(p.item);
    } else cells.set(key, { sx: p.x, sy: p.y, items: [p.item] });
  }
  return [...cells.values()].map((c) => ({ x: c.sx / c.items.length, y: c.sy / c.items.length, items: c.items }));
}
