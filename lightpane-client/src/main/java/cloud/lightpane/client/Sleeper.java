package cloud.lightpane.client;

import java.time.Duration;

/**
 * Waits between retries. The default calls {@link Thread#sleep(long)}; tests inject one that
 * records the waits and returns at once, so retry timing can be checked without waiting.
 *
 * <p>Async calls use it too when one is set on the builder (they call it on the client's executor);
 * without one, async retries wait on a delayed executor and block no thread.
 */
@FunctionalInterface
public interface Sleeper {
  /** The sleeper used unless the builder is given another. */
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait, never negative
   * @throws InterruptedException if the waiting thread is interrupted; the call then stops
   */
  void sleep(Duration duration) throws InterruptedException;
}
