/** Machinery: validation of a discovery request and the streamed response. */
package cloud.lightpane.stub.internal.discovery;
