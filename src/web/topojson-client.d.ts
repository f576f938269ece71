// The one function of topojson-client the map uses, typed as far as the map needs it.
declare module 'topojson-client' {
  export interface Topology {
    type: 'Topology';
    objects: Record<string, unknown>;
    arcs: number[][][];
    transform?: { scale: [number, number]; translate: [number, number] };
  }
  export interface Feature {
    type: 'Feature';
    id?: string | number;
    properties: { name?: string } | null;
    geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
  }
  export function feature(topology: Topology, object: unknown): { type: 'FeatureCollection'; features: Feature[] };
}
