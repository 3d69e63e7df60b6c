package cloud.lightpane.bench;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.DiscoveryResponse;
import cloud.lightpane.client.discovery.Provider;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * Fanning out over regions with the async API (issue 14, item 4: 20 regions at least 4× faster
 * async than one after another): ec2 in 20 AWS regions, one {@code discover} call per region,
 * against a reference server that answers every discovery {@code latency} late ({@code --fault
 * latency:50ms} by default; the wait holds no server thread).
 *
 * <p>{@link #sequential} makes the 20 calls one after another; {@link #async} starts all 20 with
 * {@code discoverAsync} and joins them. Each call is its own request (not one 20-entry request,
 * which would be a single round trip). Ideal figures at 50 ms: about 1 s against about 50 ms, so
 * what the ratio falls short of 20× is the client's and the server's cost of 20 connections in
 * flight on two cores.
 *
 * <p>Run by {@code bench/sdk.sh}, which writes the ratio to {@code docs/benchmarks.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FanOutBenchmark {

  /** How many regions one fan-out covers. */
  static final int REGIONS = 20;

  /** The latency the server adds to every discovery, as {@code --fault latency:} takes it. */
  @Param({"50ms"})
  public String latency;

  private BenchServer stub;
  private LightPaneClient sdk;
  private final List<DiscoveryRequest> requests = new ArrayList<>();

  @Setup(Level.Trial)
  public void start() {
    stub = BenchServer.start(3, List.of("latency:" + latency));
    sdk = stub.client();
    List<String> regions = stub.server.catalogue().regions("aws");
    if (regions.size() < REGIONS) {
      throw new IllegalStateException("the catalogue has only " + regions.size() + " AWS regions");
    }
    for (String region : regions.subList(0, REGIONS)) {
      requests.add(
          DiscoveryRequest.of(
              ServiceQuery.builder("ec2").provider(Provider.AWS).region(region).build()));
    }
    // Every region answers its rows, or the fan-out measures errors.
    for (DiscoveryResponse response : sequential()) {
      if (response.results().get(0).rows().size() != 3) {
        throw new IllegalStateException("expected 3 rows per region: " + response);
      }
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    sdk.close();
    stub.close();
  }

  /** 20 {@code discover} calls, one after another. */
  @Benchmark
  public List<DiscoveryResponse> sequential() {
    List<DiscoveryResponse> responses = new ArrayList<>(REGIONS);
    for (DiscoveryRequest request : requests) {
      responses.add(sdk.discover(request));
    }
    return responses;
  }

  /** 20 {@code discoverAsync} calls started together, then joined. */
  @Benchmark
  public List<DiscoveryResponse> async() {
    List<CompletableFuture<DiscoveryResponse>> futures = new ArrayList<>(REGIONS);
    for (DiscoveryRequest request : requests) {
      futures.add(sdk.discoverAsync(request));
    }
    List<DiscoveryResponse> responses = new ArrayList<>(REGIONS);
    for (CompletableFuture<DiscoveryResponse> future : futures) {
      responses.add(future.join());
    }
    return responses;
  }
}
