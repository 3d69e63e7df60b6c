package cloud.lightpane.stub.internal.keys;

import cloud.lightpane.stub.internal.accounts.AccountGroup;
import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.internal.accounts.LinkedAccount;
import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.internal.limits.WebOrigin;
import cloud.lightpane.stub.inventory.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A key being created: the create request validated in the contract's order (the first error wins),
 * and the grant and one-time token made from it.
 *
 * @param grant the grant to store
 * @param token the raw token, returned once in the create response and never kept
 */
public record NewKey(Grant grant, String token) {

  private static final Set<String> CONSTRAINT_NAMES =
      Set.of(
          "allowed_origins", "allowed_ips", "rate_limit_rpm", "max_batch_size", "require_referer");

  @Override
  public String toString() {
    return "NewKey[" + grant + "]"; // never the token
  }

  /**
   * Validates a create request and makes the key.
   *
   * @param body the request body; anything but an object is taken as {@code {}}
   * @throws ApiException 400 with the contract's message for the first problem found
   */
  public static NewKey from(JsonNode body, Catalogue catalogue, Instant now) {
    JsonNode request = body != null && body.isObject() ? body : null;
    GrantType type =
        GrantType.of(text(request, "grant_type"))
            .orElseThrow(() -> ApiError.INVALID_GRANT_TYPE.exception());
    String label = text(request, "label");
    if (label == null || label.isBlank() || label.codePointCount(0, label.length()) > 200) {
      throw ApiError.INVALID_LABEL.exception();
    }
    List<LinkedAccount> explicitAccounts = cloudAccounts(field(request, "cloud_accounts"));
    AccountGroup group = group(field(request, "group_id"));
    List<String> services = allowedServices(field(request, "allowed_services"), catalogue);
    Integer days = expiresInDays(field(request, "expires_in_days"), type);
    KeyConstraints constraints = constraints(field(request, "constraints"));

    List<LinkedAccount> groupAccounts =
        group == null
            ? null
            : group.aliases().stream().map(a -> DemoUser.byAlias(a).orElseThrow()).toList();
    List<LinkedAccount> accounts;
    if (explicitAccounts == null) {
      accounts = groupAccounts == null ? DemoUser.accounts() : groupAccounts;
    } else {
      if (groupAccounts != null && !groupAccounts.containsAll(explicitAccounts)) {
        throw ApiError.UNKNOWN_CLOUD_ACCOUNT.exception();
      }
      accounts = explicitAccounts;
    }
    List<CloudBinding> bindings = new ArrayList<>();
    for (LinkedAccount account : accounts) {
      CloudBinding binding = new CloudBinding(account.provider(), account.accountId(), "*");
      if (!bindings.contains(binding)) {
        bindings.add(binding);
      }
    }

    String token = Tokens.generate(type);
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    Grant grant =
        new Grant(
            UUID.randomUUID().toString(),
            type,
            label,
            Tokens.hash(token),
            Tokens.mask(token),
            bindings,
            services,
            constraints,
            created,
            days == null ? null : created.plus(Duration.ofDays(days)),
            null,
            false,
            group == null ? null : group.id());
    return new NewKey(grant, token);
  }

  /** The field, or null when absent or JSON null (the same thing, contract Part B rule 8). */
  private static JsonNode field(JsonNode request, String name) {
    if (request == null) {
      return null;
    }
    JsonNode value = request.get(name);
    return value == null || value.isNull() ? null : value;
  }

  private static String text(JsonNode request, String name) {
    JsonNode value = field(request, name);
    return value != null && value.isTextual() ? value.textValue() : null;
  }

  private static List<LinkedAccount> cloudAccounts(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw ApiError.UNKNOWN_CLOUD_ACCOUNT.exception();
    }
    if (node.isEmpty()) {
      throw ApiError.EMPTY_CLOUD_ACCOUNTS.exception();
    }
    List<LinkedAccount> accounts = new ArrayList<>();
    for (JsonNode item : node) {
      String provider = item.isObject() ? text(item, "provider") : null;
      String accountId = item.isObject() ? text(item, "account_id") : null;
      if (provider == null || accountId == null) {
        throw ApiError.UNKNOWN_CLOUD_ACCOUNT.exception();
      }
      accounts.add(
          DemoUser.account(provider, accountId)
              .orElseThrow(() -> ApiError.UNKNOWN_CLOUD_ACCOUNT.exception()));
    }
    return accounts;
  }

  private static AccountGroup group(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiError.UNKNOWN_GROUP.exception();
    }
    return DemoUser.group(node.textValue()).orElseThrow(() -> ApiError.UNKNOWN_GROUP.exception());
  }

  private static List<String> allowedServices(JsonNode node, Catalogue catalogue) {
    if (node == null) {
      return List.of("*");
    }
    if (!node.isArray() || node.isEmpty()) {
      throw ApiError.INVALID_SERVICE.exception();
    }
    if (node.size() == 1 && "*".equals(node.get(0).textValue())) {
      return List.of("*");
    }
    List<String> services = new ArrayList<>();
    for (JsonNode item : node) {
      // "*" only means "all" on its own; beside other ids it is not a service.
      if (!item.isTextual() || catalogue.service(item.textValue()).isEmpty()) {
        throw ApiError.INVALID_SERVICE.exception();
      }
      if (!services.contains(item.textValue())) {
        services.add(item.textValue());
      }
    }
    return services;
  }

  private static Integer expiresInDays(JsonNode node, GrantType type) {
    if (node == null) {
      return type.defaultDays();
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw ApiError.INVALID_EXPIRES_IN_DAYS.exception();
    }
    int days = node.intValue();
    if (days < 1 || days > 3650) {
      throw ApiError.INVALID_EXPIRES_IN_DAYS.exception();
    }
    return days;
  }

  private static KeyConstraints constraints(JsonNode node) {
    if (node == null) {
      return KeyConstraints.NONE;
    }
    if (!node.isObject()) {
      throw invalidConstraint("constraints");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!CONSTRAINT_NAMES.contains(name)) {
        throw invalidConstraint(name); // a typo must never create an unconstrained key
      }
    }
    List<String> origins = list(node, "allowed_origins");
    if (origins != null) {
      for (String origin : origins) {
        if (WebOrigin.parse(origin).isEmpty()) {
          throw invalidConstraint("allowed_origins");
        }
      }
    }
    List<String> ips = list(node, "allowed_ips");
    if (ips != null) {
      for (String ip : ips) {
        if (IpRange.parse(ip).isEmpty()) {
          throw invalidConstraint("allowed_ips");
        }
      }
    }
    Integer rpm = positive(node, "rate_limit_rpm");
    Integer batch = positive(node, "max_batch_size");
    Boolean referer = null;
    JsonNode refererNode = node.get("require_referer");
    if (refererNode != null && !refererNode.isNull()) {
      if (!refererNode.isBoolean()) {
        throw invalidConstraint("require_referer");
      }
      referer = refererNode.booleanValue();
    }
    return new KeyConstraints(origins, ips, rpm, batch, referer);
  }

  private static List<String> list(JsonNode constraints, String name) {
    JsonNode node = constraints.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw invalidConstraint(name);
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw invalidConstraint(name);
      }
      values.add(item.textValue());
    }
    return values;
  }

  private static Integer positive(JsonNode constraints, String name) {
    JsonNode node = constraints.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
      throw invalidConstraint(name);
    }
    return node.intValue();
  }

  private static ApiException invalidConstraint(String name) {
    return ApiError.INVALID_CONSTRAINT.exception(name);
  }
}
