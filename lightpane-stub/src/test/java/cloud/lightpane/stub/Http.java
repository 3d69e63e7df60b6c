package cloud.lightpane.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small java.net.http wrapper for contract tests: the client module is deliberately not used. */
public final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;

  public Http(URI base) {
    this.base = base;
  }

  public Request post(String path, String body) {
    return new Request(path, "POST", body).header("Content-Type", "application/json");
  }

  public Request get(String path) {
    return new Request(path, "GET", null);
  }

  public Request delete(String path) {
    return new Request(path, "DELETE", null);
  }

  public Request method(String method, String path) {
    return new Request(path, method, null);
  }

  /** One request being built. */
  public final class Request {
    private final String path;
    private final String method;
    private final String body;
    private final List<String> headers = new ArrayList<>();

    Request(String path, String method, String body) {
      this.path = path;
      this.method = method;
      this.body = body;
    }

    public Request header(String name, String value) {
      for (int i = 0; i < headers.size(); i += 2) {
        if (headers.get(i).equalsIgnoreCase(name)) {
          headers.set(i + 1, value);
          return this;
        }
      }
      headers.add(name);
      headers.add(value);
      return this;
    }

    public Request noContentType() {
      for (int i = 0; i < headers.size(); i += 2) {
        if (headers.get(i).equalsIgnoreCase("Content-Type")) {
          headers.remove(i);
          headers.remove(i);
          break;
        }
      }
      return this;
    }

    public Request bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Request session(StubServer server) {
      return header("Cookie", server.sessionCookieHeader());
    }

    public Reply send() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(20))
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofString(body));
      for (int i = 0; i < headers.size(); i += 2) {
        builder.header(headers.get(i), headers.get(i + 1));
      }
      try {
        return new Reply(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A response. */
  public record Reply(HttpResponse<String> response) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    public String error() {
      return json().path("error").asText(null);
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
