'use strict';
/* global module -- a CommonJS file: restify require()s it. */
/*
 * restify 11 requires spdy when it loads, although only `restify.createServer({ spdy })` uses it,
 * and spdy (unmaintained since 2020, with open advisories) cannot load on Node 24: its
 * http-deceiver calls process.binding('http_parser'), which Node 24 removed ("No such module").
 * This bot never serves SPDY, so package.json "overrides" puts this package in spdy's place. restify
 * 12 drops spdy but needs Node 22 or later; once Node 20 is no longer supported, upgrade restify and
 * delete this folder and the override.
 */
function createServer() {
  throw new Error('SPDY is not available in this project: vendor/no-spdy stands in for the spdy package.');
}

module.exports = { createServer };
