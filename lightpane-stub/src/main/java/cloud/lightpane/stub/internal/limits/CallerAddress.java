package cloud.lightpane.stub.internal.limits;

import java.net.InetAddress;
import java.util.List;

/**
 * Who the caller is on the network: the TCP peer, or, when the peer is a trusted proxy, the
 * rightmost {@code X-Forwarded-For} address that is not itself a trusted proxy.
 */
public final class CallerAddress {

  private final List<IpRange> trustedProxies;

  /** Resolves callers behind these trusted proxy ranges (none: the peer is always the caller). */
  public CallerAddress(List<IpRange> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /**
   * The caller's address.
   *
   * @param peer the TCP peer address
   * @param forwardedFor every {@code X-Forwarded-For} header value, in the order received
   */
  public InetAddress resolve(InetAddress peer, List<String> forwardedFor) {
    InetAddress caller = IpRange.normalize(peer);
    if (!trusted(caller) || forwardedFor == null || forwardedFor.isEmpty()) {
      return caller;
    }
    String[] hops = String.join(",", forwardedFor).split(",");
    // Walk from the nearest hop outwards; a malformed entry ends the walk, and the last trusted
    // hop seen is then the caller (an entry that cannot be parsed cannot be trusted either).
    for (int i = hops.length - 1; i >= 0; i--) {
      var hop = IpRange.parseAddress(hops[i].trim());
      if (hop.isEmpty()) {
        return caller;
      }
      caller = hop.get();
      if (!trusted(caller)) {
        return caller;
      }
    }
    return caller;
  }

  private boolean trusted(InetAddress address) {
    for (IpRange range : trustedProxies) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }
}
