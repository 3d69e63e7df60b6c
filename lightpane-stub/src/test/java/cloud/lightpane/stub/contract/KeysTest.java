package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.MutableClock;
import cloud.lightpane.stub.StubServer;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /keys}: creation and its validation, records, listing, revocation. */
class KeysTest {

  static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));

  @RegisterExtension
  static LightPaneStubExtension stub = LightPaneStubExtension.configure(b -> b.clock(CLOCK));

  private Http.Reply create(String body) {
    return new Http(stub.uri()).post("/keys", body).session(stub.server()).send();
  }

  @Test
  void createsAKeyWithAOneTimeTokenAndAFullRecord() {
    Http.Reply reply = create("{\"grant_type\": \"api_key\", \"label\": \"CI pipeline\"}");
    assertEquals(201, reply.status(), reply.body());
    String token = reply.json().get("token").asText();
    assertTrue(token.matches("csl_ak_[A-Za-z0-9_-]{43}"), "token shape");
    assertEquals(50, token.length());
    JsonNode grant = reply.json().get("grant");
    List<String> fields = new ArrayList<>();
    grant.fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of(
            "grant_id",
            "grant_type",
            "label",
            "token_prefix",
            "cloud_bindings",
            "allowed_services",
            "constraints",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked",
            "group_id"),
        fields);
    assertTrue(grant.get("grant_id").asText().matches("[0-9a-f-]{36}"));
    assertEquals("csl_ak_..." + token.substring(46), grant.get("token_prefix").asText());
    assertEquals("2026-03-15T10:00:00Z", grant.get("created_at").asText());
    assertEquals("2026-04-14T10:00:00Z", grant.get("expires_at").asText());
    assertTrue(grant.get("last_used_at").isNull());
    assertTrue(grant.get("group_id").isNull());
    assertEquals("[\"*\"]", grant.get("allowed_services").toString());
    assertEquals("{}", grant.get("constraints").toString());
    assertEquals(4, grant.get("cloud_bindings").size());
    assertEquals("*", grant.at("/cloud_bindings/0/region").asText());

    JsonNode listed =
        AuthTest.find(
            new Http(stub.uri()).get("/keys").session(stub.server()).send().json(),
            grant.get("grant_id").asText());
    assertEquals(grant, listed);
    assertTrue(!listed.toString().contains(token));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "embed | 2027-03-15T10:00:00Z | csl_em_",
        "demo  |                      | csl_dm_",
      })
  void defaultExpiryPerType(String type, String expiresAt, String prefix) {
    Http.Reply reply = create("{\"grant_type\": \"" + type + "\", \"label\": \"x\"}");
    assertEquals(201, reply.status());
    assertEquals(expiresAt, reply.json().at("/grant/expires_at").textValue());
    assertTrue(reply.json().get("token").asText().startsWith(prefix));
  }

  @Test
  void storesOnlyTheConstraintsThatAreSet() {
    Http.Reply reply =
        create(
            "{\"grant_type\": \"embed\", \"label\": \"site\", \"expires_in_days\": 7, \"constraints\":"
                + " {\"allowed_origins\": [\"https://Shop.Example.com\"], \"rate_limit_rpm\": 60,"
                + " \"allowed_ips\": null}, \"allowed_services\": [\"ec2\", \"s3\"],"
                + " \"cloud_accounts\": [{\"provider\": \"aws\", \"account_id\": \"123456789012\"}]}");
    assertEquals(201, reply.status(), reply.body());
    JsonNode grant = reply.json().get("grant");
    assertEquals(
        "{\"allowed_origins\":[\"https://Shop.Example.com\"],\"rate_limit_rpm\":60}",
        grant.get("constraints").toString());
    assertEquals("[\"ec2\",\"s3\"]", grant.get("allowed_services").toString());
    assertEquals(
        "[{\"provider\":\"aws\",\"account_id\":\"123456789012\",\"region\":\"*\"}]",
        grant.get("cloud_bindings").toString());
    assertEquals("2026-03-22T10:00:00Z", grant.get("expires_at").asText());
  }

  @Test
  void groupKeysAreBoundToTheGroupsAccounts() {
    Http.Reply reply =
        create("{\"grant_type\": \"api_key\", \"label\": \"g\", \"group_id\": \"demo\"}");
    assertEquals(201, reply.status());
    assertEquals("demo", reply.json().at("/grant/group_id").asText());
    JsonNode bindings = reply.json().at("/grant/cloud_bindings");
    assertEquals(2, bindings.size());
    assertEquals("210987654321", bindings.at("/1/account_id").asText());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | Invalid JSON in request body",
        "[1, 2] | Invalid grant_type",
        "\"text\" | Invalid grant_type",
        "{} | Invalid grant_type",
        "{\"grant_type\": \"admin\", \"label\": \"x\"} | Invalid grant_type",
        "{\"grant_type\": \"api_key\"} | Invalid label",
        "{\"grant_type\": \"api_key\", \"label\": \"  \"} | Invalid label",
        "{\"grant_type\": \"api_key\", \"label\": 5} | Invalid label",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"cloud_accounts\": []} | 'cloud_accounts' must not be empty",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"cloud_accounts\": [{\"provider\": \"aws\", \"account_id\": \"999\"}]} | Unknown cloud account",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"cloud_accounts\": [{\"provider\": \"gcp\", \"account_id\": \"123456789012\"}]} | Unknown cloud account",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"group_id\": \"ops\"} | Unknown group",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"group_id\": \"demo\", \"cloud_accounts\": [{\"provider\": \"gcp\", \"account_id\": \"lightpane-demo-prod\"}]} | Unknown cloud account",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"allowed_services\": []} | Invalid service identifier",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"allowed_services\": [\"ec2\", \"nope\"]} | Invalid service identifier",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"expires_in_days\": 0} | Invalid expires_in_days",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"expires_in_days\": 3651} | Invalid expires_in_days",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"expires_in_days\": 1.5} | Invalid expires_in_days",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"expires_in_days\": \"30\"} | Invalid expires_in_days",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": []} | Invalid constraint: constraints",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origin\": [\"https://a.com\"]}} | Invalid constraint: allowed_origin",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origins\": []}} | Invalid constraint: allowed_origins",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origins\": [\"https://a.com/\"]}} | Invalid constraint: allowed_origins",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origins\": [\"https://*.a.com\"]}} | Invalid constraint: allowed_origins",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origins\": [\"ftp://a.com\"]}} | Invalid constraint: allowed_origins",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_origins\": [\"a.com\"]}} | Invalid constraint: allowed_origins",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_ips\": [\"10.0.0.0/33\"]}} | Invalid constraint: allowed_ips",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_ips\": [\"example.com\"]}} | Invalid constraint: allowed_ips",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"allowed_ips\": [\"256.1.1.1\"]}} | Invalid constraint: allowed_ips",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"rate_limit_rpm\": 0}} | Invalid constraint: rate_limit_rpm",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"max_batch_size\": \"5\"}} | Invalid constraint: max_batch_size",
        "{\"grant_type\": \"api_key\", \"label\": \"x\", \"constraints\": {\"require_referer\": \"yes\"}} | Invalid constraint: require_referer",
      })
  void validatesCreateRequestsInOrder(String body, String message) {
    Http.Reply reply = create(body);
    assertEquals(400, reply.status(), reply.body());
    assertEquals(message, reply.error());
  }

  @Test
  void labelsUpTo200Characters() {
    assertEquals(
        201, create("{\"grant_type\": \"demo\", \"label\": \"" + "x".repeat(200) + "\"}").status());
    assertEquals(
        "Invalid label",
        create("{\"grant_type\": \"demo\", \"label\": \"" + "x".repeat(201) + "\"}").error());
  }

  @Test
  void acceptsEveryAddressForm() {
    Http.Reply reply =
        create(
            "{\"grant_type\": \"api_key\", \"label\": \"ips\", \"constraints\": {\"allowed_ips\":"
                + " [\"203.0.113.7\", \"10.0.0.0/8\", \"2001:db8::/32\", \"::1\", \"::ffff:192.0.2.0/120\"],"
                + " \"allowed_origins\": [\"http://localhost:3000\", \"https://[::1]:8443\"],"
                + " \"require_referer\": false, \"max_batch_size\": 5}}");
    assertEquals(201, reply.status(), reply.body());
  }

  @Test
  void unknownGrantsAreNotFound(StubServer server) {
    Http http = new Http(stub.uri());
    for (String id : new String[] {"00000000-0000-4000-8000-000000000000", "not-a-uuid", "%20"}) {
      Http.Reply reply = http.delete("/keys/" + id).session(server).send();
      assertEquals(404, reply.status(), id);
      assertEquals("Grant not found", reply.error());
    }
  }

  @Test
  void createNeedsJsonContentType(StubServer server) {
    Http.Reply reply =
        new Http(stub.uri())
            .post("/keys", "{\"grant_type\": \"demo\", \"label\": \"x\"}")
            .header("Content-Type", "text/plain")
            .session(server)
            .send();
    assertEquals(415, reply.status());
    assertEquals("Content-Type must be application/json", reply.error());
    Http.Reply ok =
        new Http(stub.uri())
            .post("/keys", "{\"grant_type\": \"demo\", \"label\": \"x\"}")
            .header("Content-Type", "Application/JSON; charset=utf-8")
            .session(server)
            .send();
    assertEquals(201, ok.status());
  }

  @Test
  void listsInCreationOrder(StubServer server) {
    String first =
        create("{\"grant_type\": \"demo\", \"label\": \"first\"}")
            .json()
            .at("/grant/grant_id")
            .asText();
    String second =
        create("{\"grant_type\": \"demo\", \"label\": \"second\"}")
            .json()
            .at("/grant/grant_id")
            .asText();
    int a = -1;
    int b = -1;
    int i = 0;
    for (Iterator<JsonNode> it =
            new Http(stub.uri())
                .get("/keys")
                .session(server)
                .send()
                .json()
                .get("grants")
                .elements();
        it.hasNext();
        i++) {
      String id = it.next().get("grant_id").asText();
      a = id.equals(first) ? i : a;
      b = id.equals(second) ? i : b;
    }
    assertTrue(a >= 0 && b == a + 1);
  }
}
