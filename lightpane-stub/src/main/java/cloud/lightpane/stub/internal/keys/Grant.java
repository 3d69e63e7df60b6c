package cloud.lightpane.stub.internal.keys;

import java.time.Instant;
import java.util.List;

/**
 * An access key as the server keeps it: the SHA-256 of its token (never the token), its record
 * fields and whether it is revoked. Immutable; revoking or using a key makes a new instance.
 */
public record Grant(
    String grantId,
    GrantType type,
    String label,
    byte[] tokenHash,
    String tokenPrefix,
    List<CloudBinding> bindings,
    List<String> allowedServices,
    KeyConstraints constraints,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    boolean revoked,
    String groupId) {

  public Grant {
    tokenHash = tokenHash.clone();
    bindings = List.copyOf(bindings);
    allowedServices = List.copyOf(allowedServices);
  }

  @Override
  public byte[] tokenHash() {
    return tokenHash.clone();
  }

  /** Whether the key may query this service. */
  public boolean allowsService(String serviceId) {
    return allowedServices.contains("*") || allowedServices.contains(serviceId);
  }

  /** Whether the key has expired at this instant. */
  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }

  /** This grant, revoked. */
  public Grant asRevoked() {
    return new Grant(
        grantId,
        type,
        label,
        tokenHash,
        tokenPrefix,
        bindings,
        allowedServices,
        constraints,
        createdAt,
        expiresAt,
        lastUsedAt,
        true,
        groupId);
  }

  /** This grant, last used at this instant. */
  public Grant usedAt(Instant when) {
    return new Grant(
        grantId,
        type,
        label,
        tokenHash,
        tokenPrefix,
        bindings,
        allowedServices,
        constraints,
        createdAt,
        expiresAt,
        when,
        revoked,
        groupId);
  }

  @Override
  public String toString() {
    return "Grant[" + grantId + " " + type.wireName() + " " + tokenPrefix + "]";
  }
}
