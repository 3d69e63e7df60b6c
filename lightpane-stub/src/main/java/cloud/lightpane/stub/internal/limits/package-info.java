/**
 * Machinery: the sliding-window rate limiter, IP addresses and CIDR ranges, web origins and the
 * caller's address behind trusted proxies.
 */
package cloud.lightpane.stub.internal.limits;
