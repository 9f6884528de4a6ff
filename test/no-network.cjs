// Preload (node --require) that fails the process on any attempt to use the network: TCP/IPC
// sockets, UDP, HTTP(S), TLS, DNS and fetch. Used by test/robust-integrity.test.ts.
'use strict';
const deny = (what) =>
  function denied() {
    process.stderr.write(`NETWORK ACCESS: ${what}\n`);
    process.exit(99);
  };
const net = require('node:net');
net.Socket.prototype.connect = deny('net.Socket.connect');
net.connect = net.createConnection = deny('net.connect');
net.Server.prototype.listen = deny('net.Server.listen');
const dgram = require('node:dgram');
dgram.createSocket = deny('dgram.createSocket');
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = deny(`${mod}.request`);
  m.get = deny(`${mod}.get`);
}
const tls = require('node:tls');
tls.connect = deny('tls.connect');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[k] = deny(`dns.${k}`);
if (dns.promises) for (const k of ['lookup', 'resolve']) dns.promises[k] = deny(`dns.promises.${k}`);
if (typeof globalThis.fetch === 'function') globalThis.fetch = deny('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = deny('WebSocket');
