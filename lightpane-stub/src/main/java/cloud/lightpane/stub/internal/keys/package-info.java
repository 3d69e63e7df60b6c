/**
 * Machinery: access keys (grants), their tokens (only hashes kept), create-request validation, the
 * {@code /keys} endpoints and the in-memory or durable on-disk store.
 */
package cloud.lightpane.stub.internal.keys;
