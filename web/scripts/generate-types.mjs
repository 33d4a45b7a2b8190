// Turns the services' OpenAPI documents (openapi/<service>.json) into TypeScript types
// (src/api/generated/<service>.ts) with openapi-typescript.
//
//   node scripts/generate-types.mjs           regenerate the committed files
//   node scripts/generate-types.mjs --check   regenerate into a temporary folder and fail when the
//                                             committed files differ (stale, missing or extra)
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const documents = path.join(web, 'openapi');
const committed = path.join(web, 'src', 'api', 'generated');
const check = process.argv.includes('--check');

function header(service) {
  return `${COMMENT_HEADER}// Generated from web/openapi/${service}.json by \`npm run types\` (or \`make web-types\`).\n\n`;
}

async function services() {
  const names = (await readdir(documents)).filter((f) => f.endsWith('.json')).sort();
  if (names.length === 0) throw new Error(`no OpenAPI documents in ${documents}`);
  return names.map((f) => f.slice(0, -'.json'.length));
}

async function generate(service) {
  const ast = await openapiTS(pathToFileURL(path.join(documents, `${service}.json`)));
  return header(service) + astToString(ast);
}

async function writeAll(folder) {
  await mkdir(folder, { recursive: true });
  const written = [];
  for (const service of await services()) {
    await writeFile(path.join(folder, `${service}.ts`), await generate(service));
    written.push(`${service}.ts`);
  }
  return written;
}

async function readOrNull(file) {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

if (!check) {
  const written = await writeAll(committed);
  console.log(`types: wrote ${written.map((f) => `src/api/generated/${f}`).join(', ')}`);
} else {
  const scratch = await mkdtemp(path.join(tmpdir(), 'sme-web-types-'));
  try {
    const fresh = await writeAll(scratch);
    const existing = await readdir(committed).then(
      (files) => files.filter((f) => f.endsWith('.ts')),
      () => [],
    );
    const problems = [];
    for (const file of fresh) {
      const want = await readFile(path.join(scratch, file), 'utf8');
      const have = await readOrNull(path.join(committed, file));
      if (have === null) problems.push(`missing: src/api/generated/${file}`);
      else if (have !== want) problems.push(`stale: src/api/generated/${file}`);
    }
    for (const file of existing) {
      if (!fresh.includes(file)) problems.push(`extra (no openapi/${file.replace(/\.ts$/, '.json')}): src/api/generated/${file}`);
    }
    if (problems.length > 0) {
      console.error(`types:check: the generated API types do not match web/openapi/*.json:\n  ${problems.join('\n  ')}`);
      console.error('Run `npm run types` (or `make web-types`) and commit the result.');
      process.exitCode = 1;
    } else {
      console.log(`types:check: ${fresh.length} generated files match web/openapi/*.json`);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
