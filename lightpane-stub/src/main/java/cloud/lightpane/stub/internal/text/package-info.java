/**
 * Machinery: the one sanitiser for text that came from the network or from a fixture file on its
 * way to the server's log or its messages on stderr.
 */
package cloud.lightpane.stub.internal.text;
