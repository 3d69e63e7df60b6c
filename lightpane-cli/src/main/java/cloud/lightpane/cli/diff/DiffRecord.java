package cloud.lightpane.cli.diff;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A row as the diff sorts and matches it: where it came from, its match key and its JSON text.
 * Records sort by service, provider, region, then key (rows matched by identity before rows matched
 * by their whole content), then the row's text, which pairs rows that share a key in a stable way.
 *
 * @param wholeRow true when {@code key} is the row's whole compared content, not identity values
 * @param key the identity values' JSON texts joined by NUL, or the compared content
 * @param row the row as compact JSON
 */
record DiffRecord(
    String service, String provider, String region, boolean wholeRow, String key, String row)
    implements Comparable<DiffRecord> {

  @Override
  public int compareTo(DiffRecord other) {
    int order = compareMatch(other);
    return order != 0 ? order : row.compareTo(other.row);
  }

  /** The order of the match keys alone: zero when the two rows describe the same resource. */
  int compareMatch(DiffRecord other) {
    int order = service.compareTo(other.service);
    if (order == 0) {
      order = provider.compareTo(other.provider);
    }
    if (order == 0) {
      order = region.compareTo(other.region);
    }
    if (order == 0) {
      order = Boolean.compare(wholeRow, other.wholeRow);
    }
    if (order == 0) {
      order = key.compareTo(other.key);
    }
    return order;
  }

  /** True when {@code other} comes from the same service, provider and region. */
  boolean sameGroup(DiffRecord other) {
    return other != null
        && service.equals(other.service)
        && provider.equals(other.provider)
        && region.equals(other.region);
  }

  /** A generous estimate of the heap this record takes, for the memory budget. */
  long footprint() {
    return 128L
        + 2L
            * (service.length()
                + provider.length()
                + region.length()
                + key.length()
                + row.length());
  }

  void writeTo(DataOutputStream out) throws IOException {
    write(out, service);
    write(out, provider);
    write(out, region);
    out.writeBoolean(wholeRow);
    write(out, key);
    write(out, row);
  }

  /** The next record of a run, or null at its end. */
  static DiffRecord readFrom(DataInputStream in) throws IOException {
    String service;
    try {
      service = read(in);
    } catch (EOFException end) {
      return null;
    }
    return new DiffRecord(service, read(in), read(in), in.readBoolean(), read(in), read(in));
  }

  private static void write(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String read(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
