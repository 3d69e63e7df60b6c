package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every part of the demo estate uses: the rows being collected, the demo accounts, and
 * deterministic ids, names and dates drawn from a seeded sequence.
 */
abstract class EstatePart {

  static final Instant EPOCH = Instant.parse("2024-01-08T09:00:00Z");
  static final String PROD = DemoUser.AWS_PROD.accountId();
  static final String STAGING = DemoUser.AWS_STAGING.accountId();
  static final String GCP = DemoUser.GCP_PROD.accountId();
  static final String AZURE = DemoUser.AZURE_PROD.accountId();

  private final EstateRows rows;

  EstatePart(EstateRows rows) {
    this.rows = rows;
  }

  final void add(String service, String account, String region, Map<String, Object> values) {
    rows.add(service, account, region, values);
  }

  final List<Map<String, Object>> rowsOf(String service, String account, String region) {
    return rows.of(service, account, region);
  }

  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  /** The same sequence for the same service, account and region on every run and JVM. */
  static SplittableRandom random(String what, String account, String region) {
    return new SplittableRandom(
        (what + "/" + account + "/" + region).hashCode() * 0x9E3779B97F4A7C15L);
  }

  static String hex(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(r.nextInt(16), 16));
    }
    return sb.toString();
  }

  static String upper(SplittableRandom r, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  static String digits(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  static String uuid(SplittableRandom r) {
    String h = hex(r, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-a"
        + h.substring(17, 20)
        + "-"
        + h.substring(20);
  }

  static String publicIp(SplittableRandom r) {
    return (r.nextBoolean() ? "18.130." : "35.176.") + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A timestamp between {@code fromDay} and {@code toDay} days after early January 2024. */
  static String date(SplittableRandom r, int fromDay, int toDay) {
    long seconds = (long) (fromDay + r.nextInt(toDay - fromDay)) * 86_400 + r.nextInt(86_400);
    return EPOCH.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
