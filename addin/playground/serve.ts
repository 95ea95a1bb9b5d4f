/**
 * `npm run playground`: build dist/ if it is missing, then serve it on 127.0.0.1 and print
 * the playground's address. `--https` serves with the office-addin-dev-certs certificate
 * (~/.office-addin-dev-certs/localhost.{key,crt}) for sideloading into Excel; `--port N`
 * picks the port (default 3000); `--rebuild` builds even when dist/ exists.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildDist, REPO_ROOT } from './build-dist';
import { serveStatic } from './static-server';

async function main(argv: string[]): Promise<void> {
  const port = Number(argv[argv.indexOf('--port') + 1]) || 3000;
  const dist = path.join(REPO_ROOT, 'dist');
  if (argv.includes('--rebuild') || !fs.existsSync(path.join(dist, 'index.html'))) {
    process.stderr.write('building dist/ …\n');
    await buildDist();
  }
  let tls: { key: Buffer; cert: Buffer } | undefined;
  if (argv.includes('--https')) {
    const dir = path.join(os.homedir(), '.office-addin-dev-certs');
    tls = {
      key: fs.readFileSync(path.join(dir, 'localhost.key')),
      cert: fs.readFileSync(path.join(dir, 'localhost.crt')),
    };
  }
  const server = await serveStatic(dist, { port, tls });
  process.stdout.write(
    `playground: ${server.url.replace('127.0.0.1', 'localhost')}/index.html\ntask pane:  ${server.url.replace('127.0.0.1', 'localhost')}/taskpane.html\n`,
  );
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});
