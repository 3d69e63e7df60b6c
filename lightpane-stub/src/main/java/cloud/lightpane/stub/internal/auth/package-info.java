/** Machinery: HMAC-signed session cookies and the resolution of who a request acts for. */
package cloud.lightpane.stub.internal.auth;
