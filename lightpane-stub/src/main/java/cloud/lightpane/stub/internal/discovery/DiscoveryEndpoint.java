package cloud.lightpane.stub.internal.discovery;

import cloud.lightpane.stub.internal.auth.Caller;
import cloud.lightpane.stub.internal.errors.ApiException;
import cloud.lightpane.stub.inventory.Inventory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** {@code POST /discovery}: validates the whole batch, then streams one result per entry. */
public final class DiscoveryEndpoint {

  private final DiscoveryRequestReader reader;
  private final DiscoveryResponseWriter writer;

  /** Discovery over this inventory. */
  public DiscoveryEndpoint(Inventory inventory) {
    this.reader = new DiscoveryRequestReader(inventory.catalogue());
    this.writer = new DiscoveryResponseWriter(inventory);
  }

  /**
   * Checks a parsed request body for this caller.
   *
   * @return the answer to write with {@link Answer#writeTo}
   * @throws ApiException 400 or 403 for the first problem, in the contract's order
   */
  public Answer prepare(JsonNode body, Caller caller) {
    return new Answer(reader.read(body, caller));
  }

  /** A validated request, ready to be written. */
  public final class Answer {
    private final List<PlannedResult> plan;

    private Answer(List<PlannedResult> plan) {
      this.plan = plan;
    }

    /** Writes {@code {"results": [...]}} to the response body. */
    public void writeTo(OutputStream out, Instant producedAt) throws IOException {
      writer.write(plan, producedAt, out);
    }
  }
}
