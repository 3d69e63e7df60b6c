package cloud.lightpane.stub.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cloud.lightpane.stub.inventory.Inventory;
import cloud.lightpane.stub.junit.LightPaneStubExtension;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Synthetic inventories are written as a stream: chunked, complete, counted up front. */
class StreamingTest {

  @RegisterExtension
  static LightPaneStubExtension stub =
      LightPaneStubExtension.configure(b -> b.inventory(Inventory.synthetic(200_000)));

  @Test
  void twoHundredThousandRowsStreamWithTheirCount() throws Exception {
    String body =
        "{\"services\": [{\"service\": \"ec2\", \"provider\": \"aws\", \"region\": \"eu-west-2\"},"
            + " {\"service\": \"s3\", \"provider\": \"aws\", \"region\": \"us-east-1\", \"attributes\": [\"bucket_name\"]}]}";
    HttpResponse<InputStream> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(stub.uri() + "/discovery"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    assertEquals(
        "chunked", response.headers().firstValue("Transfer-Encoding").orElse("").toLowerCase());
    long[] counts = new long[2];
    long[] declared = new long[2];
    int result = -1;
    try (InputStream in = response.body();
        JsonParser parser = new JsonFactory().createParser(in)) {
      int depth = 0;
      boolean inRows = false;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("metadata")) {
          result++;
        }
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("count")) {
          parser.nextToken();
          declared[result] = parser.getLongValue();
        }
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals("rows")) {
          inRows = true;
          depth = 0;
          continue;
        }
        if (inRows) {
          if (token == JsonToken.START_OBJECT && depth == 1) {
            counts[result]++;
          }
          if (token.isStructStart()) {
            depth++;
          } else if (token.isStructEnd()) {
            depth--;
            if (depth == 0) {
              inRows = false;
            }
          }
        }
      }
    }
    assertEquals(200_000, declared[0]);
    assertEquals(200_000, counts[0]);
    assertEquals(200_000, counts[1]);
  }
}
