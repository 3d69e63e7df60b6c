/**
 * The LightPane reference server: the whole API of the contract on loopback, for offline use, demos
 * and tests.
 *
 * <p>Exports what users need: the server, its builder and options, key minting ({@code
 * cloud.lightpane.stub}), the inventory and catalogue types ({@code
 * cloud.lightpane.stub.inventory}) and the JUnit 5 extension ({@code cloud.lightpane.stub.junit}).
 * The packages under {@code cloud.lightpane.stub.internal} are the server's machinery and are not
 * exported.
 */
module cloud.lightpane.stub {
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.databind;
  requires jdk.httpserver;
  requires static org.junit.jupiter.api;

  exports cloud.lightpane.stub;
  exports cloud.lightpane.stub.inventory;
  exports cloud.lightpane.stub.junit;
}
