package cloud.lightpane.client.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link DiscoveryRequest}: one {@link ServiceResult} per entry, in the order of
 * the request.
 */
public final class DiscoveryResponse {
  private final List<ServiceResult> results;
  private final Map<String, Object> additionalProperties;

  /** A response with these results; the list and map are copied. */
  public DiscoveryResponse(List<ServiceResult> results, Map<String, Object> additionalProperties) {
    this.results = List.copyOf(results);
    this.additionalProperties =
        additionalProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
  }

  /** One result per entry of the request, in the same order. */
  public List<ServiceResult> results() {
    return results;
  }

  /** Top-level fields this client does not know, as parsed JSON values. */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public String toString() {
    return "DiscoveryResponse" + results;
  }
}
