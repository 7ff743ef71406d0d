// Marker colour per ACLED event type; radius grows with the square root of fatalities.
export const TYPE_COLORS: Record<string, string> = {
  Battles: '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  Protests: '#2980b9',
  Riots: '#16a085',
  'Strategic developments': '#7f8c8d',
};
export const typeColor = (t: string | null | undefined): string => (t && TYPE_COLORS[t]) || '#34495e';
export const markerRadius = (fatalities: number): number => Math.min(22, 5 + 2.2 * Math.sqrt(Math.max(0, fatalities || 0)));

/** Highlight colours for evidence fields (cycled). */
const FIELD_COLORS = ['#ffe08a', '#b8e1ff', '#c9f2c2', '#ffc9d9', '#e2d4ff', '#ffd8b0', '#c4f1f1', '#f0e6c8'];
export function fieldColor(field: string, order: ReadonlyArray<string>): string {
  const i = order.indexOf(field);
  return FIELD_COLORS[Math.max(i, 0) % FIELD_COLORS.length];
}
