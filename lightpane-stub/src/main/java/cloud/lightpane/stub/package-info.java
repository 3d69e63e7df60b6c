/**
 * The LightPane reference server: {@link cloud.lightpane.stub.StubServer} (embed it), {@link
 * cloud.lightpane.stub.StubMain} (run it), and {@link cloud.lightpane.stub.KeySpec} / {@link
 * cloud.lightpane.stub.MintedKey} (make keys for tests). Together with {@code
 * cloud.lightpane.stub.inventory} and {@code cloud.lightpane.stub.junit} this is the public
 * surface, the only packages the module exports; the packages under {@code
 * cloud.lightpane.stub.internal} are the server's machinery and may change without notice.
 */
package cloud.lightpane.stub;
