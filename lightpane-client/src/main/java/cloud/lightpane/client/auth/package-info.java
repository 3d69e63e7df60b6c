/** Credentials: access keys, session cookies, anonymous access and the default chain. */
package cloud.lightpane.client.auth;
