package cloud.lightpane.stub.internal.keys;

import cloud.lightpane.stub.internal.errors.ApiError;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.inventory.Catalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** {@code GET /keys}, {@code POST /keys} and {@code DELETE /keys/{grant_id}}, for a session. */
public final class KeysEndpoint {

  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final GrantStore store;
  private final Catalogue catalogue;

  /** The key endpoints over this store; service ids are checked against this catalogue. */
  public KeysEndpoint(GrantStore store, Catalogue catalogue) {
    this.store = store;
    this.catalogue = catalogue;
  }

  /** {@code {"grants": [record, ...]}}, revoked keys included, in creation order. */
  public ObjectNode list() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode grants = body.putArray("grants");
    store.list().forEach(g -> grants.add(GrantJson.record(g)));
    return body;
  }

  /**
   * Creates a key; the response is the one place its token ever appears.
   *
   * @return {@code {"grant": record, "token": "<raw token>"}}
   */
  public ObjectNode create(JsonNode request, Instant now) {
    NewKey key = create(NewKey.from(request, catalogue, now));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("grant", GrantJson.record(key.grant()));
    body.put("token", key.token());
    return body;
  }

  /** Stores a validated new key (durably, with a data directory) and returns it. */
  public NewKey create(NewKey key) {
    store.add(key.grant());
    return key;
  }

  /**
   * Revokes a key; revoking it again answers the same.
   *
   * @throws ApiException 404 {@code Grant not found} for an unknown id or one that is not a UUID
   */
  public ObjectNode revoke(String grantId) {
    String id = grantId.toLowerCase(Locale.ROOT);
    if (!UUID_SHAPE.matcher(id).matches()) {
      throw notFound();
    }
    Grant revoked = store.revoke(id).orElseThrow(KeysEndpoint::notFound);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("grant", GrantJson.record(revoked));
    return body;
  }

  private static ApiException notFound() {
    return ApiError.GRANT_NOT_FOUND.exception();
  }
}
