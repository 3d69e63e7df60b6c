package cloud.lightpane.stub.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of the IP and origin rules: prefixes that cut inside a byte, the limits of a mapped
 * range's prefix, IPv6 peers that only look IPv4-mapped, and the ports an origin may name.
 */
class EdgesOfRangesAndOriginsTest {

  /** An IPv6 address the JVM keeps as IPv6 (what a dual-stack socket reports for an IPv4 peer). */
  private static InetAddress ipv6(int... bytes) throws UnknownHostException {
    byte[] b = new byte[16];
    for (int i = 0; i < 16; i++) {
      b[i] = (byte) bytes[i];
    }
    return Inet6Address.getByAddress(null, b, -1);
  }

  @ParameterizedTest(name = "10.0.0.16/28 contains {0}: {1}")
  @CsvSource({"10.0.0.16, true", "10.0.0.31, true", "10.0.0.15, false", "10.0.0.32, false"})
  void aPrefixThatCutsInsideAByteKeepsOnlyItsHighBits(String address, boolean expected) {
    IpRange range = IpRange.parse("10.0.0.16/28").orElseThrow();
    assertEquals(expected, range.contains(IpRange.parseAddress(address).orElseThrow()));
  }

  @Test
  void aMappedRangeTakesPrefixes96To128() {
    assertTrue(IpRange.parse("::ffff:10.0.0.0/95").isEmpty());
    assertTrue(IpRange.parse("::ffff:10.0.0.0/129").isEmpty());
    // /96 is every IPv4 address, /128 exactly one
    IpRange all = IpRange.parse("::ffff:10.0.0.0/96").orElseThrow();
    assertTrue(all.contains(IpRange.parseAddress("203.0.113.5").orElseThrow()));
    IpRange one = IpRange.parse("::ffff:10.0.0.7/128").orElseThrow();
    assertTrue(one.contains(IpRange.parseAddress("10.0.0.7").orElseThrow()));
    assertFalse(one.contains(IpRange.parseAddress("10.0.0.8").orElseThrow()));
    assertEquals("::ffff:10.0.0.7/128", one.toString());
  }

  @Test
  void anIpv4MappedIpv6PeerIsNormalisedToIpv4() throws UnknownHostException {
    InetAddress mapped = ipv6(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3);
    InetAddress normal = IpRange.normalize(mapped);
    assertTrue(normal instanceof Inet4Address);
    assertEquals("10.1.2.3", normal.getHostAddress());
    assertTrue(IpRange.parse("10.0.0.0/8").orElseThrow().contains(mapped));
  }

  @ParameterizedTest(name = "byte {0} changed: not IPv4-mapped")
  @ValueSource(ints = {0, 9, 10, 11})
  void anIpv6AddressThatIsNotMappedStaysIpv6(int changed) throws UnknownHostException {
    int[] b = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 1, 2, 3};
    b[changed] = changed < 10 ? 1 : 0;
    InetAddress address = ipv6(b);
    assertSame(address, IpRange.normalize(address));
    assertFalse(IpRange.parse("10.0.0.0/8").orElseThrow().contains(address));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "http://a.example:0, false",
    "http://a.example:1, true",
    "http://a.example:65535, true",
    "http://a.example:65536, false"
  })
  void anOriginsPortIsOneTo65535(String origin, boolean accepted) {
    assertEquals(accepted, WebOrigin.parse(origin).isPresent());
  }

  @Test
  void aRefererWithPortZeroHasNoOrigin() {
    assertEquals(Optional.empty(), WebOrigin.ofReferer("http://a.example:0/page"));
    assertEquals(
        Optional.of(new WebOrigin("http", "a.example", 8080)),
        WebOrigin.ofReferer("http://a.example:8080/page"));
  }
}
