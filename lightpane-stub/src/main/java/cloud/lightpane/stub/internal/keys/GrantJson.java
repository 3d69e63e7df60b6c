package cloud.lightpane.stub.internal.keys;

import cloud.lightpane.stub.internal.limits.IpRange;
import cloud.lightpane.stub.internal.limits.WebOrigin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Grants as JSON: the grant record of the API, and the stored form (the record and the hash). */
final class GrantJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GrantJson() {}

  /** The grant record as {@code GET /keys} lists it, fields in the contract's order. */
  public static ObjectNode record(Grant grant) {
    ObjectNode node = NODES.objectNode();
    node.put("grant_id", grant.grantId());
    node.put("grant_type", grant.type().wireName());
    node.put("label", grant.label());
    node.put("token_prefix", grant.tokenPrefix());
    ArrayNode bindings = node.putArray("cloud_bindings");
    for (CloudBinding binding : grant.bindings()) {
      bindings
          .addObject()
          .put("provider", binding.provider())
          .put("account_id", binding.accountId())
          .put("region", binding.region());
    }
    ArrayNode services = node.putArray("allowed_services");
    grant.allowedServices().forEach(services::add);
    node.set("constraints", constraints(grant.constraints()));
    node.put("created_at", timestamp(grant.createdAt()));
    node.put("expires_at", timestamp(grant.expiresAt()));
    node.put("last_used_at", timestamp(grant.lastUsedAt()));
    node.put("revoked", grant.revoked());
    node.put("group_id", grant.groupId());
    return node;
  }

  /** The stored form: the record plus {@code token_sha256} (base64url). */
  static ObjectNode stored(Grant grant) {
    ObjectNode node = record(grant);
    node.put(
        "token_sha256", Base64.getUrlEncoder().withoutPadding().encodeToString(grant.tokenHash()));
    return node;
  }

  /** Reads the stored form back. */
  static Grant fromStored(JsonNode node) {
    List<CloudBinding> bindings = new ArrayList<>();
    for (JsonNode b : node.required("cloud_bindings")) {
      bindings.add(
          new CloudBinding(
              b.required("provider").asText(),
              b.required("account_id").asText(),
              b.required("region").asText()));
    }
    List<String> services = new ArrayList<>();
    node.required("allowed_services").forEach(s -> services.add(s.asText()));
    JsonNode c = node.required("constraints");
    KeyConstraints constraints =
        new KeyConstraints(
            strings(c.get("allowed_origins")),
            strings(c.get("allowed_ips")),
            c.hasNonNull("rate_limit_rpm") ? c.get("rate_limit_rpm").intValue() : null,
            c.hasNonNull("max_batch_size") ? c.get("max_batch_size").intValue() : null,
            c.hasNonNull("require_referer") ? c.get("require_referer").booleanValue() : null);
    return new Grant(
        node.required("grant_id").asText(),
        GrantType.of(node.required("grant_type").asText()).orElseThrow(),
        node.required("label").asText(),
        Base64.getUrlDecoder().decode(node.required("token_sha256").asText()),
        node.required("token_prefix").asText(),
        bindings,
        services,
        constraints,
        instant(node.get("created_at")),
        instant(node.get("expires_at")),
        instant(node.get("last_used_at")),
        node.required("revoked").booleanValue(),
        node.hasNonNull("group_id") ? node.get("group_id").asText() : null);
  }

  private static ObjectNode constraints(KeyConstraints c) {
    ObjectNode node = NODES.objectNode();
    if (c.allowedOrigins() != null) {
      c.allowedOrigins().forEach(node.putArray("allowed_origins")::add);
    }
    if (c.allowedIps() != null) {
      c.allowedIps().forEach(node.putArray("allowed_ips")::add);
    }
    if (c.rateLimitRpm() != null) {
      node.put("rate_limit_rpm", c.rateLimitRpm());
    }
    if (c.maxBatchSize() != null) {
      node.put("max_batch_size", c.maxBatchSize());
    }
    if (c.requireReferer() != null) {
      node.put("require_referer", c.requireReferer());
    }
    return node;
  }

  /** ISO-8601 UTC with whole seconds, or null. */
  public static String timestamp(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static Instant instant(JsonNode node) {
    return node == null || node.isNull() ? null : Instant.parse(node.asText());
  }

  private static List<String> strings(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<String> result = new ArrayList<>();
    node.forEach(n -> result.add(n.asText()));
    // Stored values were validated at creation; re-check so a hand-edited file cannot widen a key.
    for (String value : result) {
      if (WebOrigin.parse(value).isEmpty() && IpRange.parse(value).isEmpty()) {
        throw new IllegalArgumentException("bad constraint value in stored grant: " + value);
      }
    }
    return result;
  }
}
