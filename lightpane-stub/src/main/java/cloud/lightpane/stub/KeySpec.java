package cloud.lightpane.stub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What {@link StubServer#mintKey(KeySpec)} creates: the fields of a {@code POST /keys} request, as
 * a value. Every method returns a new spec, so a spec can be shared and refined:
 *
 * <pre>{@code
 * KeySpec embed = KeySpec.embed("dashboard").allowedOrigins("https://app.example.com");
 * MintedKey key = server.mintKey(embed.rateLimitRpm(10));
 * }</pre>
 *
 * <p>The spec is validated exactly as the API validates a create request; an invalid one makes
 * {@code mintKey} throw {@link IllegalArgumentException} with the API's message.
 */
public final class KeySpec {

  private final ObjectNode request;

  private KeySpec(ObjectNode request) {
    this.request = request;
  }

  /**
   * An {@code api_key} (expires in 30 days unless set).
   *
   * @param label the key's label, shown in {@code GET /keys}
   * @return a new spec
   */
  public static KeySpec apiKey(String label) {
    return of("api_key", label);
  }

  /**
   * An {@code embed} key (expires in 365 days unless set).
   *
   * @param label the key's label, shown in {@code GET /keys}
   * @return a new spec
   */
  public static KeySpec embed(String label) {
    return of("embed", label);
  }

  /**
   * A {@code demo} key (no expiry unless set).
   *
   * @param label the key's label, shown in {@code GET /keys}
   * @return a new spec
   */
  public static KeySpec demo(String label) {
    return of("demo", label);
  }

  /**
   * A key of any {@code grant_type}, for testing invalid ones too.
   *
   * @param grantType the {@code grant_type} field, sent as is
   * @param label the key's label, shown in {@code GET /keys}
   * @return a new spec
   */
  public static KeySpec of(String grantType, String label) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("grant_type", grantType);
    node.put("label", label);
    return new KeySpec(node);
  }

  /**
   * Binds the key to one linked account (repeatable; none: all the user's accounts).
   *
   * @param provider {@code aws}, {@code gcp} or {@code azure}
   * @param accountId the linked account's id
   * @return a new spec with this account added
   */
  public KeySpec cloudAccount(String provider, String accountId) {
    ObjectNode copy = request.deepCopy();
    ArrayNode accounts =
        copy.has("cloud_accounts")
            ? (ArrayNode) copy.get("cloud_accounts")
            : copy.putArray("cloud_accounts");
    accounts.addObject().put("provider", provider).put("account_id", accountId);
    return new KeySpec(copy);
  }

  /**
   * Limits the key to these catalogue ids ({@code "*"}: all).
   *
   * @param serviceIds catalogue ids, e.g. {@code ec2}, or {@code "*"}
   * @return a new spec with these services
   */
  public KeySpec allowedServices(String... serviceIds) {
    ObjectNode copy = request.deepCopy();
    ArrayNode list = copy.putArray("allowed_services");
    for (String id : serviceIds) {
      list.add(id);
    }
    return new KeySpec(copy);
  }

  /**
   * Binds the key to an account group (e.g. {@code demo}).
   *
   * @param groupId the account group's id
   * @return a new spec with this group
   */
  public KeySpec groupId(String groupId) {
    ObjectNode copy = request.deepCopy();
    copy.put("group_id", groupId);
    return new KeySpec(copy);
  }

  /**
   * Days until the key expires (1 to 3650).
   *
   * @param days 1 to 3650
   * @return a new spec with this expiry
   */
  public KeySpec expiresInDays(int days) {
    ObjectNode copy = request.deepCopy();
    copy.put("expires_in_days", days);
    return new KeySpec(copy);
  }

  /**
   * Origins ({@code scheme://host[:port]}) the key may be used from.
   *
   * @param origins origins such as {@code https://app.example.com}
   * @return a new spec with these origins
   */
  public KeySpec allowedOrigins(String... origins) {
    return constraint("allowed_origins", origins);
  }

  /**
   * Addresses and CIDR ranges the key may be used from.
   *
   * @param addressesOrRanges addresses such as {@code 203.0.113.7} or ranges such as {@code
   *     10.0.0.0/8}
   * @return a new spec with these addresses
   */
  public KeySpec allowedIps(String... addressesOrRanges) {
    return constraint("allowed_ips", addressesOrRanges);
  }

  /**
   * Requests per sliding minute.
   *
   * @param rpm the limit, in requests per minute
   * @return a new spec with this limit
   */
  public KeySpec rateLimitRpm(int rpm) {
    ObjectNode copy = request.deepCopy();
    constraints(copy).put("rate_limit_rpm", rpm);
    return new KeySpec(copy);
  }

  /**
   * Entries per discovery request.
   *
   * @param entries the most entries one request may have
   * @return a new spec with this limit
   */
  public KeySpec maxBatchSize(int entries) {
    ObjectNode copy = request.deepCopy();
    constraints(copy).put("max_batch_size", entries);
    return new KeySpec(copy);
  }

  /**
   * Whether requests must carry a Referer header.
   *
   * @param required true to require a Referer header
   * @return a new spec with this setting
   */
  public KeySpec requireReferer(boolean required) {
    ObjectNode copy = request.deepCopy();
    constraints(copy).put("require_referer", required);
    return new KeySpec(copy);
  }

  /**
   * The {@code POST /keys} body this spec stands for.
   *
   * @return the request body as JSON text
   */
  public String toJson() {
    return request.toString();
  }

  ObjectNode request() {
    return request.deepCopy();
  }

  private KeySpec constraint(String name, String... values) {
    ObjectNode copy = request.deepCopy();
    ArrayNode list = constraints(copy).putArray(name);
    for (String value : values) {
      list.add(Objects.requireNonNull(value, name));
    }
    return new KeySpec(copy);
  }

  private static ObjectNode constraints(ObjectNode request) {
    return request.has("constraints")
        ? (ObjectNode) request.get("constraints")
        : request.putObject("constraints");
  }

  @Override
  public String toString() {
    return "KeySpec" + request;
  }
}
