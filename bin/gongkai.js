#!/usr/bin/env node
// The `gongkai` operator command. Runs the compiled build in dist/ (scripts/build.js, which
// `npm install` runs) while it is newer than every file under src/; otherwise the TypeScript
// sources through tsx's loader, with the project's tsconfig whatever the working directory.
// GONGKAI_FROM_SOURCE=1 always runs the sources, GONGKAI_FROM_SOURCE=0 the build whenever there is one
// (the benchmark: sources edited while it runs must not switch the server it measures to tsx).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function builtAndCurrent() {
  const stamp = join(root, 'dist', '.build-stamp');
  if (process.env.GONGKAI_FROM_SOURCE === '1' || !existsSync(stamp)) return false;
  if (process.env.GONGKAI_FROM_SOURCE === '0') return true;
  const builtAt = statSync(stamp).mtimeMs;
  for (const file of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
    if (file.isFile() && statSync(join(file.parentPath, file.name)).mtimeMs > builtAt) return false;
  }
  return true;
}

let main;
if (builtAndCurrent()) ({ main } = await import('../dist/cli/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: join(root, 'tsconfig.json') });
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
