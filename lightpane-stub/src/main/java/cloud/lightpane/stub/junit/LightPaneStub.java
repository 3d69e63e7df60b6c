package cloud.lightpane.stub.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a LightPane reference server for the test class ({@link LightPaneStubExtension}), set up
 * declaratively: what it serves and how it misbehaves.
 *
 * <pre>{@code
 * @LightPaneStub(fixtures = "src/test/resources/estate.jsonl", faults = "status:503,first=1")
 * class MyRetryTest {
 *   @Test
 *   void ridesOutOne503(StubServer server) { ... server.uri() ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LightPaneStubExtension.class)
public @interface LightPaneStub {

  /**
   * A fixture directory or a snapshot file recorded with {@code lightpane discover -o jsonl} (or
   * {@code -o json}), relative to the working directory (the module's directory under Maven and
   * Gradle); empty (the default) serves the demo inventory.
   *
   * @return the fixture path, or empty for the demo inventory
   */
  String fixtures() default "";

  /**
   * Faults to inject, each a SPEC {@code
   * KIND[:VALUE][,first=N|,every=N|,rate=P][,retry-after=S][,on=discovery|keys|all]} (see {@link
   * cloud.lightpane.stub.StubServer.Builder#fault(String)}); none by default.
   *
   * @return the fault specs
   */
  String[] faults() default {};

  /**
   * The seed choosing the requests of {@code rate=P} faults.
   *
   * @return the seed
   */
  long faultSeed() default 0;
}
