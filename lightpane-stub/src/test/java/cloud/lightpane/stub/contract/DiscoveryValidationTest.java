package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.stub.Http;
import cloud.lightpane.stub.KeySpec;
import cloud.lightpane.stub.MintedKey;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Step 7 of the order of checks: the discovery body, every message, in order. */
class DiscoveryValidationTest {

  @RegisterExtension static LightPaneStubExtension stub = new LightPaneStubExtension();

  private static final String EC2 =
      "{\"service\":\"ec2\",\"provider\":\"aws\",\"region\":\"eu-west-2\"";

  private Http http() {
    return new Http(stub.uri());
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "not json                                    | 400 | Invalid JSON in request body",
        "``                                          | 400 | Invalid JSON in request body",
        "{\"services\": []} trailing                 | 400 | Invalid JSON in request body",
        "[]                                          | 400 | Missing 'services' in request body",
        "{}                                          | 400 | Missing 'services' in request body",
        "{\"services\": null}                        | 400 | Missing 'services' in request body",
        "{\"services\": {}}                          | 400 | 'services' must be a non-empty array",
        "{\"services\": []}                          | 400 | 'services' must be a non-empty array",
        "{\"services\": [1]}                         | 400 | Invalid service request at index 0",
        "{\"services\": [{}]}                        | 400 | Invalid service identifier",
        "{\"services\": [{\"service\": \"ec9\"}]}    | 400 | Invalid service identifier",
        "{\"services\": [{\"service\": 5}]}          | 400 | Invalid service identifier",
        "{\"services\": [{\"service\": \"ec2\"}]}    | 400 | Invalid provider",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"gcp\"}]} | 400 | Invalid provider",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"AWS\"}]} | 400 | Invalid provider",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\"}]} | 400 | Invalid region",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-9\"}]} | 400 | Invalid region",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"europe-west2\"}]} | 400 | Invalid region",
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"global\"}]} | 400 | Invalid region",
        "{\"services\": [{\"service\": \"iam_users\", \"provider\": \"aws\", \"region\": \"us-east-1\"}]} | 400 | Invalid region",
      })
  void refusesBadBodies(String body, int status, String message) {
    Http.Reply reply = http().post("/discovery", body == null ? "" : body).send();
    assertEquals(status, reply.status(), reply.body());
    assertEquals(message, reply.error());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"attributes\": \"name\"                 | Invalid attribute: \"name\"",
        "\"attributes\": [\"name\", 5]            | Invalid attribute: 5",
        "\"attributes\": [\"nope\", \"name\", \"name\"] | Invalid attribute: nope",
        "\"attributes\": [\"name\", \"name\", \"nope\"] | Invalid attribute: nope",
        "\"attributes\": [\"name\", \"state\", \"name\"] | Duplicate attribute: name",
        "\"source\": \"cache\"                    | Invalid source",
        "\"source\": 1                            | Invalid source",
      })
  void refusesBadEntryFields(String field, String message) {
    Http.Reply reply =
        http().post("/discovery", "{\"services\": [" + EC2 + ", " + field + "}]}").send();
    assertEquals(400, reply.status(), reply.body());
    assertEquals(message, reply.error());
  }

  @Test
  void nullOptionalFieldsAreAbsent() {
    Http.Reply reply =
        http()
            .post(
                "/discovery",
                "{\"services\": ["
                    + EC2
                    + ", \"attributes\": null, \"account\": null, \"source\": null, \"x\": 1}],"
                    + " \"unknown\": true}")
            .send();
    assertEquals(200, reply.status(), reply.body());
    assertEquals(10, reply.json().at("/results/0/columns").size());
  }

  @Test
  void checksEachEntryEntirelyBeforeTheNext() {
    // Entry 0 has a bad source (checked late in an entry), entry 1 a bad service: entry 0 wins.
    Http.Reply reply =
        http()
            .post(
                "/discovery",
                "{\"services\": [" + EC2 + ", \"source\": \"x\"}, {\"service\": \"nope\"}]}")
            .send();
    assertEquals("Invalid source", reply.error());
  }

  @Test
  void batchLimitComesBeforeEntries() {
    StringBuilder body = new StringBuilder("{\"services\": [");
    for (int i = 0; i < 101; i++) {
      body.append(i == 0 ? "" : ",").append("{\"service\": \"nope\"}");
    }
    Http.Reply reply = http().post("/discovery", body + "]}").send();
    assertEquals(400, reply.status());
    assertEquals("Batch size exceeds limit for this token", reply.error());
  }

  @Test
  void keyBatchLimit() {
    MintedKey key = stub.mintKey(KeySpec.apiKey("batch").maxBatchSize(2));
    String two = "{\"services\": [" + EC2 + "}, " + EC2 + "}]}";
    String three = "{\"services\": [" + EC2 + "}, " + EC2 + "}, " + EC2 + "}]}";
    assertEquals(200, http().post("/discovery", two).bearer(key.token()).send().status());
    Http.Reply reply = http().post("/discovery", three).bearer(key.token()).send();
    assertEquals(400, reply.status());
    assertEquals("Batch size exceeds limit for this token", reply.error());
    // Anonymous callers are held to 100: exactly 100 is fine.
    StringBuilder hundred = new StringBuilder("{\"services\": [");
    for (int i = 0; i < 100; i++) {
      hundred.append(i == 0 ? "" : ",").append(EC2).append(", \"attributes\": [\"name\"]}");
    }
    Http.Reply ok = http().post("/discovery", hundred + "]}").send();
    assertEquals(200, ok.status());
    assertEquals(100, ok.json().get("results").size());
  }

  @Test
  void serviceNotPermittedComesAfterTheEntrysOwnChecks() {
    MintedKey key = stub.mintKey(KeySpec.apiKey("s3 only").allowedServices("s3"));
    Http.Reply bad =
        http()
            .post("/discovery", "{\"services\": [" + EC2 + ", \"source\": \"x\"}]}")
            .bearer(key.token())
            .send();
    assertEquals("Invalid source", bad.error());
    Http.Reply denied =
        http().post("/discovery", "{\"services\": [" + EC2 + "}]}").bearer(key.token()).send();
    assertEquals(403, denied.status());
    assertEquals("Service not permitted for this token", denied.error());
  }

  @Test
  void attributesPickAndOrderColumns() {
    Http.Reply reply =
        http()
            .post(
                "/discovery",
                "{\"services\": [" + EC2 + ", \"attributes\": [\"state\", \"name\"]}]}")
            .send();
    var result = reply.json().at("/results/0");
    assertEquals("state", result.at("/columns/0/key").asText());
    assertEquals("name", result.at("/columns/1/key").asText());
    assertEquals("State", result.at("/columns/0/label").asText());
    var row = result.at("/rows/0");
    assertEquals(2, row.size());
    assertEquals("state", row.fieldNames().next());
    assertEquals(result.at("/metadata/count").asInt(), result.get("rows").size());
  }

  @Test
  void emptyAttributesMeanAllColumnsAndMockIsTheSameData() {
    var all =
        http().post("/discovery", "{\"services\": [" + EC2 + ", \"attributes\": []}]}").send();
    var mock =
        http().post("/discovery", "{\"services\": [" + EC2 + ", \"source\": \"mock\"}]}").send();
    assertEquals(10, all.json().at("/results/0/columns").size());
    assertEquals(all.json().at("/results/0/rows"), mock.json().at("/results/0/rows"));
  }
}
