package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.internal.accounts.AccountGroup;
import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.internal.accounts.LinkedAccount;
import cloud.lightpane.stub.internal.auth.Caller;
import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.internal.keys.CloudBinding;
import cloud.lightpane.stub.internal.keys.Grant;
import cloud.lightpane.stub.inventory.Catalogue;
import cloud.lightpane.stub.inventory.ColumnDefinition;
import cloud.lightpane.stub.inventory.ServiceDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a discovery request body in the order of the contract (Part B, step 7): the whole
 * request is checked before anything is written, so an error never follows partial results.
 */
final class DiscoveryRequestReader {

  /** The batch limit of every caller, whatever its key says. */
  static final int MAX_BATCH = 100;

  private final Catalogue catalogue;

  DiscoveryRequestReader(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  List<PlannedResult> read(JsonNode body, Caller caller) {
    if (body == null || !body.isObject() || isAbsent(body.get("services"))) {
      throw ApiError.MISSING_SERVICES.exception();
    }
    JsonNode services = body.get("services");
    if (!services.isArray() || services.isEmpty()) {
      throw ApiError.EMPTY_SERVICES.exception();
    }
    int limit = MAX_BATCH;
    if (caller instanceof Caller.Key key && key.grant().constraints().maxBatchSize() != null) {
      limit = Math.min(limit, key.grant().constraints().maxBatchSize());
    }
    if (services.size() > limit) {
      throw ApiError.BATCH_TOO_LARGE.exception();
    }
    List<PlannedResult> plan = new ArrayList<>(services.size());
    for (int i = 0; i < services.size(); i++) {
      plan.add(entry(services.get(i), i, caller));
    }
    return plan;
  }

  private PlannedResult entry(JsonNode entry, int index, Caller caller) {
    if (!entry.isObject()) {
      throw ApiError.INVALID_SERVICE_REQUEST.exception(index);
    }
    ServiceDefinition service =
        text(entry, "service")
            .flatMap(catalogue::service)
            .orElseThrow(ApiError.INVALID_SERVICE::exception);
    String provider = text(entry, "provider").orElse(null);
    if (provider == null || !provider.equals(service.provider())) {
      throw ApiError.INVALID_PROVIDER.exception();
    }
    String region = text(entry, "region").orElse(null);
    if (region == null || !catalogue.acceptsRegion(service, region)) {
      throw ApiError.INVALID_REGION.exception();
    }
    List<ColumnDefinition> columns = columns(service, entry.get("attributes"));
    JsonNode source = entry.get("source");
    if (!isAbsent(source)
        && !(source.isTextual()
            && (source.textValue().equals("live") || source.textValue().equals("mock")))) {
      throw ApiError.INVALID_SOURCE.exception();
    }
    if (caller instanceof Caller.Key key && !key.grant().allowsService(service.id())) {
      throw ApiError.SERVICE_NOT_PERMITTED.exception();
    }
    return new PlannedResult(
        service, region, columns, accounts(service, entry.get("account"), caller));
  }

  private static List<ColumnDefinition> columns(ServiceDefinition service, JsonNode attributes) {
    if (isAbsent(attributes)) {
      return service.columns();
    }
    if (!attributes.isArray()) {
      throw ApiError.INVALID_ATTRIBUTE.exception(attributes);
    }
    for (JsonNode attribute : attributes) {
      if (!attribute.isTextual()) {
        throw ApiError.INVALID_ATTRIBUTE.exception(attribute);
      }
    }
    if (attributes.isEmpty()) {
      return service.columns();
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    for (JsonNode attribute : attributes) {
      ColumnDefinition column = service.column(attribute.textValue());
      if (column == null) {
        throw ApiError.INVALID_ATTRIBUTE.exception(attribute.textValue());
      }
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode attribute : attributes) {
      if (!seen.add(attribute.textValue())) {
        throw ApiError.DUPLICATE_ATTRIBUTE.exception(attribute.textValue());
      }
      columns.add(service.column(attribute.textValue()));
    }
    return columns;
  }

  /**
   * The accounts the caller may see for this entry; null means every row (anonymous callers see the
   * whole inventory).
   */
  private static Set<String> accounts(ServiceDefinition service, JsonNode account, Caller caller) {
    String provider = service.provider();
    if (caller instanceof Caller.Anonymous) {
      if (!isAbsent(account)) {
        throw accountNotPermitted();
      }
      return null;
    }
    Set<String> visible = new LinkedHashSet<>();
    List<AccountGroup> groups;
    if (caller instanceof Caller.Key key) {
      Grant grant = key.grant();
      for (CloudBinding binding : grant.bindings()) {
        if (binding.provider().equals(provider)) {
          visible.add(binding.accountId());
        }
      }
      if (visible.isEmpty()) {
        throw accountNotPermitted();
      }
      groups =
          grant.groupId() == null ? List.of() : DemoUser.group(grant.groupId()).stream().toList();
    } else {
      for (LinkedAccount linked : DemoUser.accounts(provider)) {
        visible.add(linked.accountId());
      }
      groups = DemoUser.groups();
    }
    if (isAbsent(account)) {
      return visible;
    }
    String alias = account.isTextual() ? account.textValue() : null;
    boolean inGroups = alias != null && groups.stream().anyMatch(g -> g.aliases().contains(alias));
    LinkedAccount named = inGroups ? DemoUser.byAlias(alias).orElse(null) : null;
    // An alias of the caller's groups, of this provider, and (for keys) of a bound account.
    if (named == null
        || !named.provider().equals(provider)
        || !visible.contains(named.accountId())) {
      throw accountNotPermitted();
    }
    return Set.of(named.accountId());
  }

  private static ApiException accountNotPermitted() {
    return ApiError.ACCOUNT_NOT_PERMITTED.exception();
  }

  private static Optional<String> text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }
}
