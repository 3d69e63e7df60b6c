/** The LightPane Java SDK: discovery and access keys over the LightPane REST API. */
package cloud.lightpane.client;
