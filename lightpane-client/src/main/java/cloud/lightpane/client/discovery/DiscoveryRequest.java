package cloud.lightpane.client.discovery;

import cloud.lightpane.client.internal.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A discovery request: a batch of {@link ServiceQuery} entries that the server discovers in
 * parallel, answering one result per entry in the same order.
 *
 * <pre>{@code
 * DiscoveryRequest request = DiscoveryRequest.of(
 *     ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build(),
 *     ServiceQuery.builder("s3").provider(Provider.AWS).region("eu-west-2").build());
 * }</pre>
 */
public final class DiscoveryRequest {
  /**
   * The most entries the contract lets one {@code POST /discovery} carry; the client splits a
   * larger request into batches of at most this many (fewer when a key sets {@code
   * max_batch_size}).
   */
  public static final int MAX_BATCH_ENTRIES = 100;

  private final List<ServiceQuery> services;

  private DiscoveryRequest(List<ServiceQuery> services) {
    if (services.isEmpty()) {
      throw new IllegalArgumentException("A discovery request needs at least one service query.");
    }
    this.services = List.copyOf(services);
  }

  /**
   * A request for these entries.
   *
   * @param services the entries, in the order the results should come; any number from one, as the
   *     client splits more than {@value #MAX_BATCH_ENTRIES} into batches
   * @return an immutable request
   * @throws IllegalArgumentException if there are none
   * @throws NullPointerException if an entry is null
   */
  public static DiscoveryRequest of(ServiceQuery... services) {
    return new DiscoveryRequest(List.of(services));
  }

  /**
   * A request for these entries.
   *
   * @param services the entries, in order; copied
   * @return an immutable request
   * @throws IllegalArgumentException if the list is empty
   * @throws NullPointerException if the list or an entry is null
   */
  public static DiscoveryRequest of(List<ServiceQuery> services) {
    return new DiscoveryRequest(services);
  }

  /**
   * Reads a request body in the contract's form, {@code {"services": [{"service": ..., "provider":
   * ..., "region": ...}, ...]}}. A JSON null counts as absent; unknown fields are ignored, as the
   * server ignores them.
   *
   * @param json the request body as JSON text, such as a file saved from {@link #toJson()}
   * @return the request the body describes
   * @throws IllegalArgumentException if the text is not JSON, or a field is missing or of the wrong
   *     kind (the message says which, with its index)
   */
  public static DiscoveryRequest fromJson(String json) {
    Object root = Json.parseForRequest(json);
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException(
          "Request JSON must be an object such as {\"services\": [...]}.");
    }
    Object services = ((Map<?, ?>) root).get("services");
    if (!(services instanceof List) || ((List<?>) services).isEmpty()) {
      throw new IllegalArgumentException(
          "Request JSON needs \"services\": a non-empty array of service queries.");
    }
    List<ServiceQuery> queries = new ArrayList<>();
    List<?> list = (List<?>) services;
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map)) {
        throw new IllegalArgumentException("Request JSON: services[" + i + "] is not an object.");
      }
      Map<?, ?> entry = (Map<?, ?>) list.get(i);
      String where = "services[" + i + "]";
      ServiceQuery.Builder b = ServiceQuery.builder(text(entry, "service", where));
      String provider = text(entry, "provider", where);
      b.provider(provider == null || provider.isBlank() ? null : Provider.of(provider));
      b.region(text(entry, "region", where));
      Object attributes = entry.get("attributes");
      if (attributes != null) {
        if (!(attributes instanceof List)) {
          throw new IllegalArgumentException(
              "Request JSON: " + where + ".attributes must be an array of column keys.");
        }
        List<String> keys = new ArrayList<>();
        for (Object a : (List<?>) attributes) {
          if (!(a instanceof String)) {
            throw new IllegalArgumentException(
                "Request JSON: " + where + ".attributes must hold only strings.");
          }
          keys.add((String) a);
        }
        b.attributes(keys);
      }
      b.account(text(entry, "account", where));
      b.source(text(entry, "source", where));
      try {
        queries.add(b.build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Request JSON: " + where + ": " + e.getMessage(), e);
      }
    }
    return new DiscoveryRequest(queries);
  }

  private static String text(Map<?, ?> entry, String field, String where) {
    Object v = entry.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new IllegalArgumentException(
        "Request JSON: " + where + "." + field + " must be a string.");
  }

  /** {@return the entries, in order}; unmodifiable. */
  public List<ServiceQuery> services() {
    return services;
  }

  /** {@return the request body in the contract's form}, JSON text; unset fields are left out. */
  public String toJson() {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (ServiceQuery q : services) {
      entries.add(q.toMap());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("services", entries);
    return Json.write(body);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiscoveryRequest && ((DiscoveryRequest) o).services.equals(services);
  }

  @Override
  public int hashCode() {
    return services.hashCode();
  }

  @Override
  public String toString() {
    return "DiscoveryRequest" + services;
  }
}
