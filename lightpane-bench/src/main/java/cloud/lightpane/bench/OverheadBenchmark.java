package cloud.lightpane.bench;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the SDK costs over the plainest code that does the same job (issue 14, item 4: at most 1.1×
 * a raw {@code java.net.http} + Jackson call): one {@code POST /discovery} for ec2 in eu-west-2 to
 * the reference server, and every row of the answer parsed, at 3 and 300 rows, sync and async.
 *
 * <p>Choices that keep the ratio fair:
 *
 * <ul>
 *   <li>Both sides send the same bytes ({@link DiscoveryRequest#toJson()} of the SDK's own request)
 *       with the same access key, so the server does the same work (auth, limiter, JSON writer) for
 *       each. The key's rate limit is one no run reaches.
 *   <li>Both speak HTTP/1.1 over one kept-alive connection: the SDK uses HTTP/1.1 for {@code
 *       http://} URLs, and the raw client is built with it.
 *   <li>The raw side parses the whole body with one {@code ObjectMapper.readValue} into maps and
 *       lists (every cell becomes a Java value, as the SDK's rows hold them), checks the status is
 *       200 and returns the rows. It does not stream, validate the response's shape, wrap errors or
 *       retry: that is the SDK's overhead being measured. It parses once (not {@code readTree} and
 *       then a conversion of each row), so it is the fastest honest raw call, not a straw man.
 *   <li>The server runs in this JVM (one process to start, nothing outside JMH to manage); it
 *       shares the two cores with the caller equally for both sides.
 *   <li>The async forms are joined at once: they measure the cost of the future's path (the JDK
 *       client's executor and the SDK's completion stages), not concurrency.
 * </ul>
 *
 * <p>Run by {@code bench/sdk.sh}, which writes the ratios to {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {

  @Param({"3", "300"})
  public int rows;

  private BenchServer stub;
  private LightPaneClient sdk;
  private HttpClient http;
  private HttpRequest rawRequest;
  private DiscoveryRequest request;
  private final ObjectMapper mapper = new ObjectMapper();

  @Setup(Level.Trial)
  public void start() throws Exception {
    stub = BenchServer.start(rows, List.of());
    sdk = stub.client();
    request =
        DiscoveryRequest.of(
            ServiceQuery.builder("ec2").provider(Provider.AWS).region("eu-west-2").build());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    rawRequest =
        HttpRequest.newBuilder(URI.create(stub.server.uri() + "/discovery"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", stub.key.authorization())
            .POST(HttpRequest.BodyPublishers.ofString(request.toJson()))
            .build();
    // Both sides must see the same rows, or the comparison means nothing.
    int sdkRows = sdk(sdk.discover(request));
    int rawRows = raw().size();
    if (sdkRows != rows || rawRows != rows) {
      throw new IllegalStateException(
          "expected " + rows + " rows; the SDK saw " + sdkRows + ", the raw call " + rawRows);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    sdk.close();
    stub.close();
  }

  /** The raw call: {@code HttpClient.send}, then Jackson over the whole body. */
  @Benchmark
  public List<Map<String, Object>> raw() throws IOException, InterruptedException {
    return parse(http.send(rawRequest, HttpResponse.BodyHandlers.ofByteArray()));
  }

  /** The raw call's async form: {@code sendAsync}, parsed in a dependent stage, joined. */
  @Benchmark
  public List<Map<String, Object>> rawAsync() {
    return http.sendAsync(rawRequest, HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(this::parse)
        .join();
  }

  /** The SDK: {@code discover}. */
  @Benchmark
  public DiscoveryResponse sdkSync() {
    return sdk.discover(request);
  }

  /** The SDK: {@code discoverAsync(...).join()}. */
  @Benchmark
  public DiscoveryResponse sdkAsync() {
    return sdk.discoverAsync(request).join();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> parse(HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    try {
      Map<String, Object> body = mapper.readValue(response.body(), Map.class);
      List<Map<String, Object>> all = new ArrayList<>();
      for (Object result : (List<Object>) body.get("results")) {
        all.addAll((List<Map<String, Object>>) ((Map<String, Object>) result).get("rows"));
      }
      return all;
    } catch (IOException e) {
      throw new IllegalStateException("unreadable response", e);
    }
  }

  private static int sdk(DiscoveryResponse response) {
    return response.results().stream().mapToInt(r -> r.rows().size()).sum();
  }
}
