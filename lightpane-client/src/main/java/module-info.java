/**
 * The LightPane Java SDK: discovery and access keys over the LightPane REST API.
 *
 * <p>Exports the API packages only; the transport, retry, JSON and logging machinery stays inside.
 */
module cloud.lightpane.client {
  requires transitive java.net.http;
  requires com.fasterxml.jackson.databind;

  exports cloud.lightpane.client;
  exports cloud.lightpane.client.auth;
  exports cloud.lightpane.client.config;
  exports cloud.lightpane.client.discovery;
  exports cloud.lightpane.client.keys;
}
