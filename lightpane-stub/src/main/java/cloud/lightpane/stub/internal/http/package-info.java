/**
 * Machinery: the one HTTP handler that applies the contract's order of checks, request framing and
 * size, CORS headers, error responses and the request log.
 */
package cloud.lightpane.stub.internal.http;
