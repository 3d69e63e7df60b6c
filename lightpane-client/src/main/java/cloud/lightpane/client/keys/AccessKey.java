package cloud.lightpane.client.keys;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A grant record: an access key as the server lists it. The raw token is never part of it; {@link
 * #tokenPrefix()} is the masked form, such as {@code csl_ak_...9hIx}.
 *
 * @param grantId the key's id (a UUID), used to revoke it
 * @param type the key type
 * @param label the label given at creation
 * @param tokenPrefix the masked token
 * @param cloudBindings the accounts the key may read
 * @param allowedServices the services the key may discover; {@code ["*"]} means all
 * @param constraints the constraints that are set
 * @param createdAt when the key was created
 * @param expiresAt when it expires, or null for never
 * @param lastUsedAt when it last authenticated a request, or null for never
 * @param revoked whether it has been revoked
 * @param groupId the account group it is bound to, or null
 * @param additionalProperties fields this client does not know, as parsed JSON values
 */
public record AccessKey(
    String grantId,
    KeyType type,
    String label,
    String tokenPrefix,
    List<CloudBinding> cloudBindings,
    List<String> allowedServices,
    KeyConstraints constraints,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    boolean revoked,
    String groupId,
    Map<String, Object> additionalProperties) {

  /**
   * Copies the lists and the map; null lists and a null map become empty ones, and null constraints
   * become {@link KeyConstraints#none()}.
   *
   * @param grantId the key's id (a UUID), used to revoke it
   * @param type the key type
   * @param label the label given at creation
   * @param tokenPrefix the masked token
   * @param cloudBindings the accounts the key may read, or null for none listed
   * @param allowedServices the services the key may discover, or null for all
   * @param constraints the constraints that are set, or null for none
   * @param createdAt when the key was created
   * @param expiresAt when it expires, or null for never
   * @param lastUsedAt when it last authenticated a request, or null for never
   * @param revoked whether it has been revoked
   * @param groupId the account group it is bound to, or null
   * @param additionalProperties fields this client does not know, or null for none
   */
  public AccessKey {
    cloudBindings = cloudBindings == null ? List.of() : List.copyOf(cloudBindings);
    allowedServices = allowedServices == null ? List.of() : List.copyOf(allowedServices);
    constraints = constraints == null ? KeyConstraints.none() : constraints;
    additionalProperties =
        additionalProperties == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(additionalProperties));
  }

  /**
   * {@return whether the key may discover every service}: {@code allowed_services} is {@code ["*"]}
   * or empty.
   */
  public boolean allowsAllServices() {
    return allowedServices.isEmpty() || allowedServices.contains("*");
  }
}
