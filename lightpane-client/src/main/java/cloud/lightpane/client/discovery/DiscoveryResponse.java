package cloud.lightpane.client.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a {@link DiscoveryRequest}: one {@link ServiceResult} per entry, in the order of
 * the request.
 */
public final class DiscoveryResponse {
  private final List<ServiceResult> results;
  private final Map<String, Object> additionalProperties;
  private final RateLimit rateLimit;

  /**
   * A response with these results and no rate-limit state; the list and map are copied.
   *
   * @param results one result per entry of the request, in order
   * @param additionalProperties top-level fields this client does not know, or null for none
   */
  public DiscoveryResponse(List<ServiceResult> results, Map<String, Object> additionalProperties) {
    this(results, additionalProperties, null);
  }

  /**
   * A response with these results and the rate-limit state the server reported (null for none); the
   * list and map are copied.
   *
   * @param results one result per entry of the request, in order
   * @param additionalProperties top-level fields this client does not know, or null for none
   * @param rateLimit the state from the response's headers, or null for none
   */
  public DiscoveryResponse(
      List<ServiceResult> results, Map<String, Object> additionalProperties, RateLimit rateLimit) {
    this.rateLimit = rateLimit;
    this.results = List.copyOf(results);
    this.additionalProperties =
        additionalProperties == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(additionalProperties));
  }

  /** {@return one result per entry of the request, in the same order}; unmodifiable. */
  public List<ServiceResult> results() {
    return results;
  }

  /** {@return the top-level fields this client does not know}, as parsed JSON values. */
  public Map<String, Object> additionalProperties() {
    return additionalProperties;
  }

  /**
   * The rate-limit state the server reported with this response (for a batch the client split, the
   * state after its last request); empty when the server sent none (the caller is under no limit).
   *
   * @return the state, or empty
   */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  @Override
  public String toString() {
    return "DiscoveryResponse" + results;
  }
}
