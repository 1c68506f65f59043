// The demo's loopback server is the tests' too: one implementation of "serve on 127.0.0.1, port 0".
export { type RunningServer, refusedPort, startServer } from '../../demo/loopback-server.ts';
