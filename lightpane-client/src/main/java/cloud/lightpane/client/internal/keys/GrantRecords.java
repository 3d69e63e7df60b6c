package cloud.lightpane.client.internal.keys;

import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.CloudBinding;
import cloud.lightpane.client.keys.KeyConstraints;
import cloud.lightpane.client.keys.KeyType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads grant records from parsed JSON, keeping every field this client does not know. */
final class GrantRecords {
  private final Function<String, RuntimeException> wrongShape;

  GrantRecords(Function<String, RuntimeException> wrongShape) {
    this.wrongShape = wrongShape;
  }

  /** The object under {@code field} of a response document. */
  Map<?, ?> member(Object doc, String field) {
    if (!(doc instanceof Map)) {
      throw wrongShape.apply("it is not a JSON object");
    }
    Object v = ((Map<?, ?>) doc).get(field);
    if (!(v instanceof Map)) {
      throw wrongShape.apply("it has no '" + field + "' object");
    }
    return (Map<?, ?>) v;
  }

  List<AccessKey> list(Object doc) {
    if (!(doc instanceof Map) || !(((Map<?, ?>) doc).get("grants") instanceof List)) {
      throw wrongShape.apply("it has no 'grants' array");
    }
    List<AccessKey> keys = new ArrayList<>();
    for (Object g : (List<?>) ((Map<?, ?>) doc).get("grants")) {
      if (!(g instanceof Map)) {
        throw wrongShape.apply("grant " + keys.size() + " is not an object");
      }
      keys.add(record((Map<?, ?>) g));
    }
    return List.copyOf(keys);
  }

  AccessKey record(Map<?, ?> fields) {
    Map<String, Object> extra = new LinkedHashMap<>();
    fields.forEach((k, v) -> extra.put(String.valueOf(k), v));
    String grantId = text(extra.remove("grant_id"));
    if (grantId == null) {
      throw wrongShape.apply("a grant record has no 'grant_id'");
    }
    String type = text(extra.remove("grant_type"));
    String label = text(extra.remove("label"));
    String tokenPrefix = text(extra.remove("token_prefix"));
    List<CloudBinding> bindings = bindings(extra.remove("cloud_bindings"));
    List<String> services = strings(extra.remove("allowed_services"), "allowed_services");
    KeyConstraints constraints = constraints(extra.remove("constraints"));
    Instant created = instant(extra, "created_at");
    Instant expires = instant(extra, "expires_at");
    Instant lastUsed = instant(extra, "last_used_at");
    Object revoked = extra.remove("revoked");
    String groupId = text(extra.remove("group_id"));
    return new AccessKey(
        grantId,
        type == null || type.isBlank() ? null : KeyType.of(type),
        label,
        tokenPrefix,
        bindings,
        services,
        constraints,
        created,
        expires,
        lastUsed,
        Boolean.TRUE.equals(revoked),
        groupId,
        extra);
  }

  private List<CloudBinding> bindings(Object v) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      throw wrongShape.apply("'cloud_bindings' is not an array");
    }
    List<CloudBinding> out = new ArrayList<>();
    for (Object b : (List<?>) v) {
      if (!(b instanceof Map)) {
        throw wrongShape.apply("a cloud binding is not an object");
      }
      Map<?, ?> m = (Map<?, ?>) b;
      String provider = text(m.get("provider"));
      out.add(
          new CloudBinding(
              provider == null || provider.isBlank() ? null : Provider.of(provider),
              text(m.get("account_id")),
              text(m.get("region"))));
    }
    return out;
  }

  private List<String> strings(Object v, String field) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List)) {
      throw wrongShape.apply("'" + field + "' is not an array");
    }
    List<String> out = new ArrayList<>();
    for (Object s : (List<?>) v) {
      out.add(text(s));
    }
    return out;
  }

  private KeyConstraints constraints(Object v) {
    if (v == null) {
      return KeyConstraints.none();
    }
    if (!(v instanceof Map)) {
      throw wrongShape.apply("'constraints' is not an object");
    }
    KeyConstraints.Builder b = KeyConstraints.builder();
    ((Map<?, ?>) v)
        .forEach(
            (k, value) -> {
              String name = String.valueOf(k);
              switch (name) {
                case "allowed_origins":
                  b.allowedOrigins(strings(value, name));
                  break;
                case "allowed_ips":
                  b.allowedIps(strings(value, name));
                  break;
                case "rate_limit_rpm":
                  b.rateLimitRpm(integer(value, name));
                  break;
                case "max_batch_size":
                  b.maxBatchSize(integer(value, name));
                  break;
                case "require_referer":
                  b.requireReferer(value == null ? null : Boolean.TRUE.equals(value));
                  break;
                default:
                  b.other(name, value);
              }
            });
    return b.build();
  }

  private Integer integer(Object v, String field) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number)) {
      throw wrongShape.apply("constraint '" + field + "' is not a number");
    }
    return ((Number) v).intValue();
  }

  private static Instant instant(Map<String, Object> extra, String field) {
    Object v = extra.remove(field);
    if (v instanceof String) {
      try {
        return Instant.parse((String) v);
      } catch (DateTimeParseException e) {
        extra.put(field, v); // unreadable: kept as sent rather than lost
      }
    }
    return null;
  }

  private static String text(Object v) {
    return v == null ? null : String.valueOf(v);
  }
}
