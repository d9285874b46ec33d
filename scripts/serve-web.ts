// Serves the built renderer to a local browser with the same files and CSP that Electron's app://
// protocol serves. Bound to 127.0.0.1 only: the data concerns children and never goes on the LAN.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveStaticPath, responseHeaders } from '../electron/policy/static-files';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(rootDir: string, port = 0): Promise<WebServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const filePath = resolveStaticPath(rootDir, new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
      if (!filePath) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(filePath);
        response.writeHead(200, responseHeaders(filePath));
        response.end(request.method === 'HEAD' ? undefined : body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
