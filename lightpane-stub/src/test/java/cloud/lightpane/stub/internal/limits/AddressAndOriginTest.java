package cloud.lightpane.stub.internal.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressAndOriginTest {

  private static InetAddress ip(String text) {
    return IpRange.parseAddress(text).orElseThrow();
  }

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
    "10.0.0.0/8, 10.255.1.2, true",
    "10.0.0.0/8, 11.0.0.1, false",
    "10.1.2.3, 10.1.2.3, true",
    "10.1.2.3/32, 10.1.2.4, false",
    "0.0.0.0/0, 203.0.113.5, true",
    "192.168.1.77/24, 192.168.1.1, true",
    "2001:db8::/32, 2001:db8:ffff::1, true",
    "2001:db8::/32, 2001:db9::1, false",
    "::/0, ::1, true",
    "::/0, 127.0.0.1, false",
    "10.0.0.0/8, ::ffff:10.1.1.1, true",
    "::ffff:10.0.0.0/104, 10.9.9.9, true",
    "::ffff:10.0.0.0/104, 11.9.9.9, false",
    "fe80::/10, fe80::1, true",
  })
  void rangesContainAddresses(String range, String address, boolean expected) {
    assertEquals(expected, IpRange.parse(range).orElseThrow().contains(ip(address)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10.0.0",
        "10.0.0.256",
        "10.0.0.0/33",
        "10.0.0.0/",
        "::/129",
        "localhost",
        "fe80::1%eth0",
        "1.2.3.4/-1",
        "::ffff:10.0.0.0/64",
        "10.0.0.0/8/8"
      })
  void rejectsWhatIsNotAnAddressOrRange(String text) {
    assertTrue(IpRange.parse(text).isEmpty(), text);
  }

  @Test
  void forwardedForWalksFromTheNearestHop() {
    CallerAddress resolver = new CallerAddress(List.of(IpRange.parse("10.0.0.0/8").orElseThrow()));
    assertEquals(ip("203.0.113.1"), resolver.resolve(ip("10.0.0.1"), List.of("203.0.113.1")));
    assertEquals(
        ip("198.51.100.2"),
        resolver.resolve(ip("10.0.0.1"), List.of("203.0.113.1, 198.51.100.2, 10.0.0.7")));
    assertEquals(
        ip("198.51.100.2"),
        resolver.resolve(ip("10.0.0.1"), List.of("203.0.113.1", "198.51.100.2")));
    assertEquals(
        ip("10.0.0.9"), resolver.resolve(ip("10.0.0.1"), List.of("10.0.0.9")), "all trusted");
    assertEquals(ip("10.0.0.1"), resolver.resolve(ip("10.0.0.1"), List.of("garbage")));
    assertEquals(
        ip("192.0.2.1"),
        resolver.resolve(ip("192.0.2.1"), List.of("203.0.113.1")),
        "untrusted peer");
    assertEquals(
        ip("192.0.2.1"),
        new CallerAddress(List.of()).resolve(ip("192.0.2.1"), List.of("203.0.113.1")));
  }

  @ParameterizedTest(name = "{0} == {1}")
  @CsvSource({
    "https://a.example, HTTPS://A.EXAMPLE:443",
    "http://a.example, http://a.example:80",
    "http://[::1]:8080, http://[::1]:8080",
  })
  void originsCompareWithDefaultsFilledIn(String a, String b) {
    assertEquals(WebOrigin.parse(a).orElseThrow(), WebOrigin.parse(b).orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "https://a.example/",
        "https://a.example/path",
        "https://*.example",
        "ftp://a.example",
        "https://",
        "a.example",
        "https://a.example:0",
        "https://a.example:65536",
        "https://user@a.example",
        "https://a.example?x"
      })
  void rejectsWhatIsNotAnOrigin(String text) {
    assertFalse(WebOrigin.parse(text).isPresent(), text);
  }

  @Test
  void refererGivesItsOrigin() {
    assertEquals(
        WebOrigin.parse("https://a.example:8443"),
        WebOrigin.ofReferer("https://a.example:8443/x/y?q#f"));
    assertTrue(WebOrigin.ofReferer("/relative").isEmpty());
    assertTrue(WebOrigin.ofReferer("about:blank").isEmpty());
  }
}
