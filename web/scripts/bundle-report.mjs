// What a visitor of the public pages downloads in JavaScript, gzipped, from the Vite manifest
// (dist/.vite/manifest.json, written by `npm run build`): the entry chunk, every lazily loaded
// public route chunk, and all that they import statically. The console (src/console/) is left
// out: it loads only under /console. Fails when the total is over the budget, or when Element
// Plus has found its way into the public pages (a chunk from its package, or one holding its
// components, whose names it keeps as strings: "ElButton", "ElConfigProvider", …), or the
// console's OpenID Connect client (oidc-client-ts, recognised by its PKCE parameter).
//
//   node scripts/bundle-report.mjs            budget 250 kB (1 kB = 1000 bytes, as Vite counts)
//   BUNDLE_BUDGET_KB=200 node scripts/bundle-report.mjs
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(web, 'dist');
const manifestFile = path.join(dist, '.vite', 'manifest.json');
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 250);
const CONSOLE = /^src\/console\//;
const ELEMENT_PLUS = /(^|[\\/])(element-plus|@element-plus)([\\/]|$)/;
const ELEMENT_PLUS_COMPONENT = /["'`]El[A-Z][A-Za-z]+["'`]/;
const OIDC = /(^|[\\/])oidc-client-ts([\\/]|$)/;
const OIDC_CODE = /code_verifier/;

if (!existsSync(manifestFile)) {
  console.error(`bundle-report: ${path.relative(web, manifestFile)} is missing; run \`npm run build\` first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
if (entries.length !== 1) {
  console.error(`bundle-report: expected one entry in the manifest, found ${entries.length}.`);
  process.exit(1);
}
const [entryKey] = entries[0];

const isConsole = (key) => CONSOLE.test(manifest[key]?.src ?? key);

/** Every chunk a public visitor may load: the entry, public dynamic imports, and their static imports. */
function publicChunks() {
  const seen = new Set();
  const dynamicRoots = [];
  const visit = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
    for (const lazy of manifest[key].dynamicImports ?? []) {
      if (!isConsole(lazy)) dynamicRoots.push(lazy);
    }
  };
  visit(entryKey);
  while (dynamicRoots.length > 0) visit(dynamicRoots.shift());
  return [...seen];
}

const gzipped = new Map();
function gzipSize(file) {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipped.get(file);
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const keys = publicChunks();
const files = new Map();
for (const key of keys) {
  const chunk = manifest[key];
  if (chunk.file.endsWith('.js')) files.set(chunk.file, { key, chunk });
}

const rows = [...files.entries()]
  .map(([file, { key, chunk }]) => ({ file, what: chunk.src ?? chunk.name ?? key, size: gzipSize(file), entry: key === entryKey }))
  .sort((a, b) => b.size - a.size);
const total = rows.reduce((sum, row) => sum + row.size, 0);

console.log('JavaScript of the public pages (gzipped):');
for (const row of rows) {
  console.log(`  ${kb(row.size).padStart(7)} kB  ${row.file}${row.entry ? '  (entry)' : ''}  ← ${row.what}`);
}
console.log(`  ${kb(total).padStart(7)} kB  total in ${rows.length} chunks (budget ${budgetKb} kB)`);

const consoleOnly = Object.entries(manifest)
  .filter(([key, chunk]) => !keys.includes(key) && chunk.file.endsWith('.js'))
  .map(([, chunk]) => gzipSize(chunk.file));
if (consoleOnly.length > 0) {
  console.log(`Not counted (the console, /console only): ${kb(consoleOnly.reduce((a, b) => a + b, 0))} kB in ${consoleOnly.length} chunks.`);
}

const failures = [];
if (total > budgetKb * 1000) failures.push(`the public pages load ${kb(total)} kB of JavaScript, over the ${budgetKb} kB budget`);
for (const key of keys) {
  const chunk = manifest[key];
  const named = ELEMENT_PLUS.test(chunk.src ?? '') || ELEMENT_PLUS.test(chunk.name ?? '') || ELEMENT_PLUS.test(key);
  const inside = chunk.file.endsWith('.js') && ELEMENT_PLUS_COMPONENT.test(readFileSync(path.join(dist, chunk.file), 'utf8'));
  if (named || inside) failures.push(`Element Plus is in a public chunk: ${chunk.file} (${chunk.src ?? chunk.name ?? key})`);
  const oidcNamed = OIDC.test(chunk.src ?? '') || OIDC.test(key);
  const oidcInside = chunk.file.endsWith('.js') && OIDC_CODE.test(readFileSync(path.join(dist, chunk.file), 'utf8'));
  if (oidcNamed || oidcInside) failures.push(`the OpenID Connect client is in a public chunk: ${chunk.file}`);
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`bundle-report: ${failure}`);
  process.exit(1);
}
console.log('bundle-report: within budget; no Element Plus and no OpenID Connect client in the public pages.');
