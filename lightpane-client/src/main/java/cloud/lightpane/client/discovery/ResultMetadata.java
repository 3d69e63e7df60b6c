package cloud.lightpane.client.discovery;

import java.time.Instant;
import java.util.Map;

/**
 * What a result is about: the service, its label, provider, region, how many rows it has and when
 * the data was produced. Fields the server adds later are kept in {@link #additionalProperties()}.
 *
 * @param service the catalogue id, such as {@code ec2}
 * @param serviceLabel the human-readable name, such as {@code EC2 Instances}; null if not sent
 * @param provider the provider, or null if not sent
 * @param region the region, such as {@code eu-west-2}
 * @param count the number of rows the server reported
 * @param timestamp when the data was produced, or null if not sent or not an ISO-8601 instant
 * @param additionalProperties fields this client does not know, as parsed JSON values
 */
public record ResultMetadata(
    String service,
    String serviceLabel,
    Provider provider,
    String region,
    long count,
    Instant timestamp,
    Map<String, Object> additionalProperties) {

  /**
   * Copies the additional properties into an unmodifiable map; null becomes an empty one.
   *
   * @param service the catalogue id, such as {@code ec2}
   * @param serviceLabel the human-readable name, such as {@code EC2 Instances}; null if not sent
   * @param provider the provider, or null if not sent
   * @param region the region, such as {@code eu-west-2}
   * @param count the number of rows the server reported
   * @param timestamp when the data was produced, or null if not sent
   * @param additionalProperties fields this client does not know, or null for none
   */
  public ResultMetadata {
    additionalProperties =
        additionalProperties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(additionalProperties));
  }
}
