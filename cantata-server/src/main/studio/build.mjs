// Copies the studio (app/) and the one library it uses (wavesurfer.js, with its regions plugin) into the folder the
// server serves from the class path. No bundler: the page is plain ES modules, which every browser the studio targets
// loads natively; the library's own ESM builds are self-contained files.
import { cpSync, mkdirSync, rmSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUTPUT_FOLDER');
  process.exit(2);
}
const dist = join(here, 'node_modules', 'wavesurfer.js', 'dist');
const vendor = [
  [join(dist, 'wavesurfer.esm.js'), 'wavesurfer.esm.js'],
  [join(dist, 'plugins', 'regions.esm.js'), 'regions.esm.js'],
];
for (const [from] of vendor) {
  if (!existsSync(from)) {
    console.error(`cantata: ${from} is missing: run npm ci in ${here}`);
    process.exit(1);
  }
}
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor'), { recursive: true });
cpSync(join(here, 'app'), out, { recursive: true });
for (const [from, name] of vendor) {
  copyFileSync(from, join(out, 'vendor', name));
}
const version = JSON.parse(readFileSync(join(here, 'node_modules', 'wavesurfer.js', 'package.json'), 'utf8')).version;
console.error(`cantata: studio built into ${out} (wavesurfer.js ${version})`);
