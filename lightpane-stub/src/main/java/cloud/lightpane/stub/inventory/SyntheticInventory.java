package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.accounts.DemoUser;
import cloud.lightpane.stub.accounts.LinkedAccount;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Rows made on demand from their index: row {@code i} of a service in a region is the same on every
 * run, and belongs to the provider's linked accounts in turn ({@code i % accounts}). Nothing is
 * held in memory, so a result of a million rows costs what writing it costs.
 */
final class SyntheticInventory implements Inventory {

  private static final long BASE_EPOCH_SECOND =
      Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
  private static final String[] STATES = {"running", "running", "running", "stopped"};
  // Formatting an Instant per row would cost more than writing it; 4096 dates repeat unnoticed.
  private static final String[] DATES = new String[4096];

  static {
    for (int i = 0; i < DATES.length; i++) {
      DATES[i] =
          Instant.ofEpochSecond(BASE_EPOCH_SECOND + (i * 7919L * 3607L) % 70_000_000L).toString();
    }
  }

  private final Catalogue catalogue;
  private final long rowsPerService;

  SyntheticInventory(Catalogue catalogue, long rowsPerService) {
    if (rowsPerService < 0) {
      throw new IllegalArgumentException("rows per service must be 0 or more: " + rowsPerService);
    }
    this.catalogue = catalogue;
    this.rowsPerService = rowsPerService;
  }

  @Override
  public Catalogue catalogue() {
    return catalogue;
  }

  @Override
  public RowSet rows(ServiceDefinition service, String region, Set<String> accountIds) {
    List<LinkedAccount> accounts = DemoUser.accounts(service.provider());
    int n = accounts.size();
    boolean[] wanted = new boolean[n];
    long count = 0;
    for (int a = 0; a < n; a++) {
      wanted[a] = accountIds == null || accountIds.contains(accounts.get(a).accountId());
      if (wanted[a]) {
        // indices a, a+n, a+2n, ... below rowsPerService
        count += rowsPerService > a ? (rowsPerService - a + n - 1) / n : 0;
      }
    }
    long total = count;
    int regionSalt = region.hashCode();
    ValueKind[] kinds = new ValueKind[service.columns().size()];
    for (int c = 0; c < kinds.length; c++) {
      kinds[c] = ValueKind.of(service.columns().get(c).key());
    }
    List<String> keys = service.columnKeys();
    return new RowSet() {
      @Override
      public long count() {
        return total;
      }

      @Override
      public Iterator<InventoryRow> iterator() {
        return new Iterator<>() {
          long next = advance(0);

          private long advance(long from) {
            for (long i = from; i < rowsPerService; i++) {
              if (wanted[(int) (i % n)]) {
                return i;
              }
            }
            return rowsPerService;
          }

          @Override
          public boolean hasNext() {
            return next < rowsPerService;
          }

          @Override
          public InventoryRow next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            long index = next;
            next = advance(index + 1);
            String account = accounts.get((int) (index % n)).accountId();
            return new SyntheticRow(service.id(), region, regionSalt, index, account, keys, kinds);
          }
        };
      }
    };
  }

  /** How a column's values are made, guessed once from its key. */
  enum ValueKind {
    ID,
    NAME,
    STATE,
    NUMBER,
    BOOLEAN,
    DATE,
    ADDRESS,
    TEXT;

    static ValueKind of(String key) {
      if (key.endsWith("_id") || key.equals("id") || key.equals("arn")) {
        return ID;
      }
      if (key.contains("name") || key.equals("alias")) {
        return NAME;
      }
      if (key.contains("state") || key.contains("status")) {
        return STATE;
      }
      if (key.endsWith("_ip")) {
        return ADDRESS;
      }
      if (key.contains("date")
          || key.contains("time")
          || key.endsWith("_at")
          || key.equals("created")
          || key.equals("last_modified")) {
        return DATE;
      }
      if (key.startsWith("is_")
          || key.endsWith("enabled")
          || key.equals("encrypted")
          || key.equals("fifo")
          || key.equals("multi_az")
          || key.equals("disabled")
          || key.startsWith("public_access")
          || key.equals("private_zone")) {
        return BOOLEAN;
      }
      if (key.contains("size")
          || key.contains("count")
          || key.startsWith("num_")
          || key.equals("timeout")
          || key.equals("threshold")
          || key.equals("mtu")
          || key.contains("storage") && !key.contains("class")) {
        return NUMBER;
      }
      return TEXT;
    }
  }

  private static String hexId(String prefix, long value) {
    char[] text = new char[prefix.length() + 13];
    prefix.getChars(0, prefix.length(), text, 0);
    text[prefix.length()] = '-';
    for (int i = text.length - 1; i > prefix.length(); i--) {
      text[i] = Character.forDigit((int) (value & 0xF), 16);
      value >>>= 4;
    }
    return new String(text);
  }

  private record SyntheticRow(
      String service,
      String region,
      int regionSalt,
      long index,
      String accountId,
      List<String> keys,
      ValueKind[] kinds)
      implements InventoryRow {

    @Override
    public Object value(String columnKey) {
      int c = keys.indexOf(columnKey);
      if (c < 0) {
        return null;
      }
      long mix = index * 0x9E3779B97F4A7C15L + regionSalt + c;
      switch (kinds[c]) {
        case ID:
          return columnKey.equals("arn")
              ? "arn:synthetic:" + service + ":" + region + ":" + accountId + ":" + index
              : hexId(service, (mix >>> 16) & 0xFFFFFFFFFFFFL);
        case NAME:
          return service + "-" + region + "-" + index;
        case STATE:
          return STATES[(int) (index % STATES.length)];
        case NUMBER:
          return (index * 37 + c) % 10_000;
        case BOOLEAN:
          return ((index + c) & 1) == 0;
        case DATE:
          return DATES[(int) ((index * 7919 + c) & (DATES.length - 1))];
        case ADDRESS:
          return "10."
              + ((index >> 16) & 0xFF)
              + "."
              + ((index >> 8) & 0xFF)
              + "."
              + (index & 0xFF);
        default:
          return columnKey.equals("region") ? region : columnKey + "-" + (index % 1000);
      }
    }
  }
}
