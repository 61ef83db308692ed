import fs from 'node:fs';
import http from 'node:http';

/**
 * The benchmark's upper bound: a bare Node static file server (no framework, no logging) serving one saved HTML
 * file, as a static file server does it: stat and stream the file from disk (the page cache) on every request.
 * Usage: node --import tsx bench/static-server.ts FILE PORT
 */
const [file, port] = process.argv.slice(2);
if (!file || !port) {
  console.error('usage: static-server.ts FILE PORT');
  process.exit(2);
}

const server = http.createServer((request, response) => {
  fs.stat(file, (error, stat) => {
    if (error) {
      response.writeHead(500).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': stat.size,
      'last-modified': stat.mtime.toUTCString(),
    });
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    fs.createReadStream(file).pipe(response);
  });
});

server.listen(Number(port), '127.0.0.1', () => console.log(`static server on 127.0.0.1:${port} serving ${file}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
