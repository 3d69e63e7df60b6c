package cloud.lightpane.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.stub.StubServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Power Query cannot run here, so this test checks what the M query depends on: its request body is
 * accepted by the API as written, and every field it reads from the response exists there.
 */
class ExcelQueryTest {
  private static final Path QUERY = Path.of("excel/LightPane.pq");

  @Test
  void theQuerysRequestIsAcceptedAndItsFieldsExist() throws Exception {
    String m = Files.readString(QUERY);
    Matcher body = Pattern.compile("RequestBody = \"((?:[^\"]|\"\")*)\",").matcher(m);
    assertTrue(body.find(), "RequestBody literal not found in " + QUERY);
    String json = body.group(1).replace("\"\"", "\"");

    try (StubServer server = StubServer.builder().build().start()) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(server.uri() + "/discovery"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(json))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonNode results = new ObjectMapper().readTree(response.body()).path("results");
      assertEquals(2, results.size());
      for (JsonNode result : results) {
        for (String field : new String[] {"service", "provider", "region"}) {
          assertTrue(result.path("metadata").hasNonNull(field), field + " missing in metadata");
        }
        assertTrue(result.path("columns").get(0).hasNonNull("key"));
        assertTrue(result.path("rows").isArray());
      }
    }
    for (String read :
        new String[] {"[results]", "[columns]", "[rows]", "[metadata][region]", "[error]"}) {
      assertTrue(m.contains(read), "the query no longer reads " + read);
    }
  }
}
