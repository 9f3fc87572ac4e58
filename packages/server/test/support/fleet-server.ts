// One server process of a test fleet: the real server, configured by the environment like any
// deployment, announcing its port on stdout once it listens. SIGTERM drains it.
import type { AddressInfo } from 'node:net';
import { startServer } from '../../src/http/server.ts';

const app = await startServer();
process.stdout.write(`FLEET-READY ${JSON.stringify({ port: (app.server.address() as AddressInfo).port, pid: process.pid })}\n`);
