package cloud.lightpane.client.internal.keys;

import cloud.lightpane.client.internal.BodyReader;
import cloud.lightpane.client.internal.Call;
import cloud.lightpane.client.internal.exchange.FailureExceptions;
import cloud.lightpane.client.internal.exchange.RetryingExchange;
import cloud.lightpane.client.internal.json.Json;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.AccessKeys;
import cloud.lightpane.client.keys.AccessToken;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.CreatedKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** {@link AccessKeys} over {@code /keys}. */
public final class HttpAccessKeys implements AccessKeys {
  private final RetryingExchange caller;

  /** Key management through a client's caller. */
  public HttpAccessKeys(RetryingExchange caller) {
    this.caller = caller;
  }

  private static Call listCall() {
    return new Call("GET", "/keys", null, true);
  }

  private static Call createCall(CreateKeyRequest request) {
    Objects.requireNonNull(request, "request");
    // Never repeated once it may have left: a second POST would create a second key.
    return new Call("POST", "/keys", Json.writeBytes(request.toMap()), false);
  }

  private static Call revokeCall(String grantId) {
    if (grantId == null || grantId.isBlank()) {
      throw new IllegalArgumentException("Grant id is blank: give the id shown by keys list.");
    }
    String segment = URLEncoder.encode(grantId.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    return new Call("DELETE", "/keys/" + segment, null, true);
  }

  private GrantRecords records(Call call) {
    return new GrantRecords(
        problem -> FailureExceptions.wrongShape(caller.config(), call, problem));
  }

  private BodyReader<List<AccessKey>> listReader(Call call) {
    return response -> records(call).list(Json.read(response.body().readAllBytes()));
  }

  private BodyReader<CreatedKey> createReader(Call call) {
    return response -> {
      Object doc = Json.read(response.body().readAllBytes());
      GrantRecords records = records(call);
      AccessKey key = records.record(records.member(doc, "grant"));
      Object token = ((Map<?, ?>) doc).get("token");
      if (!(token instanceof String) || ((String) token).isEmpty()) {
        throw FailureExceptions.wrongShape(caller.config(), call, "it has no 'token'");
      }
      return new CreatedKey(key, new AccessToken((String) token));
    };
  }

  private BodyReader<AccessKey> revokeReader(Call call) {
    return response -> {
      GrantRecords records = records(call);
      return records.record(records.member(Json.read(response.body().readAllBytes()), "grant"));
    };
  }

  @Override
  public List<AccessKey> list() {
    Call call = listCall();
    return caller.execute(call, listReader(call));
  }

  @Override
  public CreatedKey create(CreateKeyRequest request) {
    Call call = createCall(request);
    return caller.execute(call, createReader(call));
  }

  @Override
  public AccessKey revoke(String grantId) {
    Call call = revokeCall(grantId);
    return caller.execute(call, revokeReader(call));
  }

  @Override
  public CompletableFuture<List<AccessKey>> listAsync() {
    Call call = listCall();
    return caller.executeAsync(call, listReader(call));
  }

  @Override
  public CompletableFuture<CreatedKey> createAsync(CreateKeyRequest request) {
    Call call = createCall(request);
    return caller.executeAsync(call, createReader(call));
  }

  @Override
  public CompletableFuture<AccessKey> revokeAsync(String grantId) {
    Call call = revokeCall(grantId);
    return caller.executeAsync(call, revokeReader(call));
  }
}
