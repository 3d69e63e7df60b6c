package cloud.lightpane.stub;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, and can be told to break at its Nth reading from now. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final AtomicInteger readingsLeft = new AtomicInteger(-1);

  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** The {@code n}th reading from now throws {@link IllegalStateException} ("the clock broke"). */
  public void failAtReading(int n) {
    readingsLeft.set(n);
  }

  public void advance(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    if (readingsLeft.getAndDecrement() == 1) {
      throw new IllegalStateException("the clock broke");
    }
    return now.get();
  }
}
