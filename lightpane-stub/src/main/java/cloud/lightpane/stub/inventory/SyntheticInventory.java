package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.internal.accounts.LinkedAccount;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

  /** A service's column keys and the kind of value each holds: the same for every request. */
  private record Columns(ServiceDefinition service, List<String> keys, ValueKind[] kinds) {
    static Columns of(ServiceDefinition service) {
      ValueKind[] kinds = new ValueKind[service.columns().size()];
      for (int c = 0; c < kinds.length; c++) {
        kinds[c] = ValueKind.of(service.columns().get(c).key());
      }
      return new Columns(service, service.columnKeys(), kinds);
    }
  }

  // By service id, for the catalogue's own definitions (found by identity: a record's hash would
  // walk every column on each request); any other definition is worked out each time.
  private final Map<String, Columns> columns = new ConcurrentHashMap<>();

  private Columns columnsOf(ServiceDefinition service) {
    Columns known = columns.computeIfAbsent(service.id(), id -> Columns.of(service));
    return known.service() == service ? known : Columns.of(service);
  }

  SyntheticInventory(Catalogue catalogue, long rowsPerService) {
    if (rowsPerService < 0) {
      throw new IllegalArgumentException("rows per service must be 0 or more: " + rowsPerService);
    }
    this.catalogue = catalogue;
    this.rowsPerService = rowsPerService;
  }

  @Override
  public boolean repeatable() {
    return true;
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
    Columns columns = columnsOf(service);
    ValueKind[] kinds = columns.kinds();
    List<String> keys = columns.keys();
    return new RowSet() {
      @Override
      public long count() {
        return total;
      }

      @Override
      public void writeTo(List<String> columnKeys, RowSink sink) throws IOException {
        new RowWriter(service.id(), region, accounts, keys, kinds, columnKeys)
            .write(rowsPerService, wanted, sink);
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

  /**
   * Makes the same values as {@link SyntheticRow#value} and hands them to a {@link RowSink} in
   * their parts (a fixed prefix and a number), so a row costs no String and no boxed number. The
   * parts that do not change from row to row are built once here.
   */
  private static final class RowWriter {
    private final String region;
    private final int regionSalt;
    private final int[] serviceColumn; // index in the service's columns, -1 when unknown
    private final ValueKind[] kinds;
    private final boolean[] arn;
    private final String[] textPrefix; // "<key>-", or null for the region column
    private final String[] arnPrefix; // per account
    private final String idPrefix;
    private final String namePrefix;
    private String addressPrefix; // "10.a.b." for the current block of 256 rows
    private long addressBlock = -1;

    RowWriter(
        String service,
        String region,
        List<LinkedAccount> accounts,
        List<String> keys,
        ValueKind[] serviceKinds,
        List<String> columnKeys) {
      this.region = region;
      this.regionSalt = region.hashCode();
      int columns = columnKeys.size();
      serviceColumn = new int[columns];
      kinds = new ValueKind[columns];
      arn = new boolean[columns];
      textPrefix = new String[columns];
      for (int k = 0; k < columns; k++) {
        String key = columnKeys.get(k);
        int c = keys.indexOf(key);
        serviceColumn[k] = c;
        kinds[k] = c < 0 ? null : serviceKinds[c];
        arn[k] = key.equals("arn");
        textPrefix[k] = key.equals("region") ? null : key + "-";
      }
      arnPrefix = new String[accounts.size()];
      for (int a = 0; a < arnPrefix.length; a++) {
        arnPrefix[a] =
            "arn:synthetic:" + service + ":" + region + ":" + accounts.get(a).accountId() + ":";
      }
      idPrefix = service + "-";
      namePrefix = service + "-" + region + "-";
    }

    void write(long rows, boolean[] wanted, RowSink sink) throws IOException {
      int n = wanted.length;
      for (long index = 0; index < rows; index++) {
        int account = (int) (index % n);
        if (!wanted[account]) {
          continue;
        }
        sink.startRow();
        for (int k = 0; k < kinds.length; k++) {
          writeValue(index, account, k, sink);
        }
        sink.endRow();
      }
    }

    private void writeValue(long index, int account, int k, RowSink sink) throws IOException {
      ValueKind kind = kinds[k];
      if (kind == null) {
        sink.value(null);
        return;
      }
      int c = serviceColumn[k];
      switch (kind) {
        case ID:
          if (arn[k]) {
            sink.string(arnPrefix[account], index);
          } else {
            long mix = index * 0x9E3779B97F4A7C15L + regionSalt + c;
            sink.hexString(idPrefix, (mix >>> 16) & 0xFFFFFFFFFFFFL, 12);
          }
          break;
        case NAME:
          sink.string(namePrefix, index);
          break;
        case STATE:
          sink.value(STATES[(int) (index % STATES.length)]);
          break;
        case NUMBER:
          sink.number((index * 37 + c) % 10_000);
          break;
        case BOOLEAN:
          sink.bool(((index + c) & 1) == 0);
          break;
        case DATE:
          sink.value(DATES[(int) ((index * 7919 + c) & (DATES.length - 1))]);
          break;
        case ADDRESS:
          long block = index >> 8;
          if (block != addressBlock) {
            addressBlock = block;
            addressPrefix = "10." + ((index >> 16) & 0xFF) + "." + ((index >> 8) & 0xFF) + ".";
          }
          sink.string(addressPrefix, index & 0xFF);
          break;
        default:
          if (textPrefix[k] == null) {
            sink.value(region);
          } else {
            sink.string(textPrefix[k], index % 1000);
          }
      }
    }
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
