/** Discovery: requests, results, rows and the streaming handler. */
package cloud.lightpane.client.discovery;
