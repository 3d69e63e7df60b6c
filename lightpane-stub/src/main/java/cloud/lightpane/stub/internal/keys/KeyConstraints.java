package cloud.lightpane.stub.internal.keys;

import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.internal.limits.WebOrigin;
import java.util.List;

/**
 * The constraints of a key; a null field is not set. Lists keep the text as the caller wrote it
 * (for the grant record) beside the parsed form (for matching).
 */
public record KeyConstraints(
    List<String> allowedOrigins,
    List<String> allowedIps,
    Integer rateLimitRpm,
    Integer maxBatchSize,
    Boolean requireReferer) {

  /** No constraint set. */
  public static final KeyConstraints NONE = new KeyConstraints(null, null, null, null, null);

  public KeyConstraints {
    allowedOrigins = allowedOrigins == null ? null : List.copyOf(allowedOrigins);
    allowedIps = allowedIps == null ? null : List.copyOf(allowedIps);
  }

  /** The allowed origins, parsed; null when not set. */
  public List<WebOrigin> origins() {
    return allowedOrigins == null
        ? null
        : allowedOrigins.stream().map(o -> WebOrigin.parse(o).orElseThrow()).toList();
  }

  /** The allowed IP ranges, parsed; null when not set. */
  public List<IpRange> ipRanges() {
    return allowedIps == null
        ? null
        : allowedIps.stream().map(ip -> IpRange.parse(ip).orElseThrow()).toList();
  }

  /** Whether a Referer header is required. */
  public boolean refererRequired() {
    return Boolean.TRUE.equals(requireReferer);
  }
}
