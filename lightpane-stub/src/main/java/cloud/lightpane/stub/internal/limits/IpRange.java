package cloud.lightpane.stub.internal.limits;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address or CIDR range, as written in {@code allowed_ips} or {@code
 * --trust-proxy}. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}), as a peer or in a range, is
 * taken as the IPv4 address it carries, so it matches IPv4 ranges.
 */
public final class IpRange {

  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private final byte[] network;
  private final int prefix;
  private final String text;

  private IpRange(byte[] network, int prefix, String text) {
    this.network = network;
    this.prefix = prefix;
    this.text = text;
  }

  /**
   * Parses an address ({@code 203.0.113.7}, {@code 2001:db8::1}) or a CIDR range ({@code
   * 10.0.0.0/8}, {@code 2001:db8::/32}). Never consults DNS.
   *
   * @return empty when the text is not an address or range
   */
  public static Optional<IpRange> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String address = text;
    Integer prefix = null;
    int slash = text.indexOf('/');
    if (slash >= 0) {
      String bits = text.substring(slash + 1);
      if (!bits.matches("\\d{1,3}")) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(bits);
      address = text.substring(0, slash);
    }
    Optional<InetAddress> parsed = parseAddress(address);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = parsed.get().getAddress();
    int bitsTotal = bytes.length * 8;
    int effective;
    if (prefix == null) {
      effective = bitsTotal;
    } else if (bytes.length == 4 && address.contains(":")) {
      // ::ffff:10.0.0.0/104 names the IPv4 range 10.0.0.0/8
      if (prefix < 96 || prefix > 128) {
        return Optional.empty();
      }
      effective = prefix - 96;
    } else {
      if (prefix > bitsTotal) {
        return Optional.empty();
      }
      effective = prefix;
    }
    return Optional.of(new IpRange(mask(bytes, effective), effective, text));
  }

  /**
   * Parses a literal IPv4 or IPv6 address (no host names, no zone ids); an IPv4-mapped IPv6 address
   * comes back as IPv4.
   */
  public static Optional<InetAddress> parseAddress(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = IPV4.matcher(text);
    if (m.matches()) {
      byte[] b = new byte[4];
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(m.group(i + 1));
        if (part > 255) {
          return Optional.empty();
        }
        b[i] = (byte) part;
      }
      return Optional.of(byAddress(b));
    }
    if (!text.contains(":") || !IPV6_CHARS.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      // A literal containing ':' is parsed, never resolved.
      return Optional.of(normalize(InetAddress.getByName(text)));
    } catch (UnknownHostException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The address as IPv4 when it is an IPv4-mapped IPv6 address, else unchanged. */
  public static InetAddress normalize(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] b = address.getAddress();
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= b[i] == 0;
      }
      mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
      if (mapped) {
        return byAddress(new byte[] {b[12], b[13], b[14], b[15]});
      }
    }
    return address;
  }

  /** Whether the address lies in this range. */
  public boolean contains(InetAddress address) {
    byte[] bytes = normalize(address).getAddress();
    if (bytes.length != network.length) {
      return false;
    }
    byte[] masked = mask(bytes, prefix);
    for (int i = 0; i < masked.length; i++) {
      if (masked[i] != network[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
    }
    return out;
  }

  private static InetAddress byAddress(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 or 16 bytes expected", e);
    }
  }
}
