import http from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { toAppError } from './errors-handler.js';

/**
 * Refusals that happen before any route runs, in the project's error shape like every other
 * answer: Node's HTTP parser (clientError) and Fastify's router (frameworkErrors).
 */

/** Node's parser error codes (llhttp) that are not a malformed request. */
const PARSER_STATUS: Record<string, AppError['code']> = {
  ERR_HTTP_REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  ERR_HTTP_HEADERS_TIMEOUT: 'REQUEST_TIMEOUT',
};

/**
 * HPE_HEADER_OVERFLOW covers the request line and the headers together (Node's maxHeaderSize,
 * 16 KiB): it is the URL that is too long (414) when the request line in the packet being parsed
 * takes most of that (or the packet has no line break yet), else the headers (431).
 */
function headerOverflow(error: ConnectionError): AppError {
  const packet: unknown = error.rawPacket;
  if (!Buffer.isBuffer(packet)) return new AppError('HEADERS_TOO_LARGE');
  const lineEnd = packet.indexOf(0x0a);
  const requestLine = lineEnd < 0 ? packet : packet.subarray(0, lineEnd);
  const isRequestLine = lineEnd < 0 || /\sHTTP\/\d\.\d\r?$/.test(requestLine.toString('latin1'));
  return new AppError(isRequestLine && requestLine.length * 2 > http.maxHeaderSize ? 'URI_TOO_LONG' : 'HEADERS_TOO_LARGE');
}

/**
 * Fastify's clientErrorHandler: a request the HTTP parser refused (a malformed request line,
 * headers too large, a timeout) is answered in raw HTTP with the JSON error body, then closed.
 */
export function clientErrorHandler(error: ConnectionError, socket: Socket): void {
  // A connection reset or a socket already gone has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code = error.code ? PARSER_STATUS[error.code] : undefined;
  const appError = error.code === 'HPE_HEADER_OVERFLOW' ? headerOverflow(error) : new AppError(code ?? 'MALFORMED_REQUEST');
  const body = JSON.stringify(appError.toBody());
  if (socket.writable) {
    const head = [
      `HTTP/1.1 ${appError.status} ${http.STATUS_CODES[appError.status]}`,
      'Content-Type: application/json; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
  } else socket.destroy();
}

/** Fastify's frameworkErrors: a path that is not valid percent-encoding, a parameter over maxParamLength. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? new AppError('URI_TOO_LONG') : toAppError(error, request);
  return reply.status(appError.status).send(appError.toBody());
}
