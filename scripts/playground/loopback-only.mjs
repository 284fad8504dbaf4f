/**
 * Preloaded into the Agents Playground's process (`node --import`) by `npm run playground`.
 *
 * The Playground calls `server.listen(port)` with no host, so it listens on every interface. It
 * relays whatever reaches it to the bot and streams the bot's replies back over a web socket, so
 * on a school or home network anyone who could reach this computer could talk to the local-mode
 * bot (which answers as the local SENDCo) through it, and read its answers: the bot's own
 * loopback-only checks would see the Playground, on loopback, as the sender. The Playground has no
 * setting for its host, so this gives every listen without a host 127.0.0.1, as `npm start` does.
 */
import net from 'node:net';

const LOOPBACK = '127.0.0.1';
const listen = net.Server.prototype.listen;

/** True for a port given as a number or a string of digits (the forms `listen(port, …)` takes). */
const isPort = (v) => typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v));

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (first === undefined || typeof first === 'function') args.splice(0, first === undefined ? 1 : 0, 0, LOOPBACK);
  else if (isPort(first) && typeof second !== 'string') args.splice(1, 0, LOOPBACK);
  else if (first && typeof first === 'object' && !('path' in first) && !('fd' in first) && !('handle' in first) && !first.host && !('_handle' in first))
    args[0] = { ...first, host: LOOPBACK };
  return listen.apply(this, args);
};
