package cloud.lightpane.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static final String RESPONSE =
      "{\"results\":[{\"metadata\":{\"service\":\"ec2\",\"count\":1,\"future\":true},"
          + "\"columns\":[{\"key\":\"cpu\",\"label\":\"CPU\"}],"
          + "\"rows\":[{\"cpu\":1.50,\"big\":12345678901234567890123,\"tags\":{\"a\":[1,null]}}]}],"
          + "\"next\":\"x\"}";

  @Test
  void pipedCopiesTheDocumentCompactlyWithUnknownFieldsAndExactNumbers() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonRenderer(out, false, 1 << 20).writeWhole(stream(RESPONSE));
    assertEquals(RESPONSE + "\n", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void onATerminalItIsPrettyButTheSameDocument() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JsonRenderer(out, true, 1 << 20).writeWhole(stream(RESPONSE));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).contains("\n  "),
        out.toString(StandardCharsets.UTF_8));
    ObjectMapper mapper = new ObjectMapper();
    assertEquals(mapper.readTree(RESPONSE), mapper.readTree(out.toString(StandardCharsets.UTF_8)));
  }

  @Test
  void severalResponsesMergeIntoOneResultsArrayInOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonRenderer json = new JsonRenderer(out, false, 1 << 20);
    json.append(stream("{\"results\":[{\"n\":1},{\"n\":2}],\"extra\":{\"k\":[1]}}"));
    json.append(stream("{\"extra\":\"second\",\"results\":[{\"n\":3}]}"));
    json.finishMerged();
    JsonNode merged = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertEquals(3, merged.get("results").size());
    assertEquals(3, merged.get("results").get(2).get("n").asInt());
    assertEquals("{\"k\":[1]}", merged.get("extra").toString());
    assertFalse(out.toString(StandardCharsets.UTF_8).contains("second"));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
