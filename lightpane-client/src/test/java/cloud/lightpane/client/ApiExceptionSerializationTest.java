package cloud.lightpane.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An API error travels between JVMs (a job queue, a remote executor): what it says survives, its
 * headers (which may carry cookies) stay behind as an empty map, never null.
 */
class ApiExceptionSerializationTest {

  @Test
  void readBackKeepsStatusMessageReasonAndBodyAndHasNoHeaders() throws Exception {
    LightPaneApiException sent =
        new LightPaneApiException(
            "LightPane rejected the request (400): Invalid region",
            400,
            "Invalid region",
            Map.of("Set-Cookie", List.of("session=secret"), "Content-Type", List.of("json")),
            "{\"error\":\"Invalid region\"}");
    assertEquals(List.of("json"), sent.headers().get("content-type"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(sent);
    }
    assertTrue(
        !new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)
            .contains("session=secret"),
        "the cookie was serialized");
    LightPaneApiException read;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      read = (LightPaneApiException) in.readObject();
    }
    assertEquals(400, read.statusCode());
    assertEquals("LightPane rejected the request (400): Invalid region", read.getMessage());
    assertEquals(ErrorReason.INVALID_REGION, read.reason());
    assertEquals("{\"error\":\"Invalid region\"}", read.body());
    assertEquals(Map.of(), read.headers());
  }
}
