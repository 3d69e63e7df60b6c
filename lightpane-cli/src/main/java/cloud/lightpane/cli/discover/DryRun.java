package cloud.lightpane.cli.discover;

import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code --dry-run}: the requests a run would send, one object per batch as it would go on the
 * wire, {@code {"requests": [{"services": [...]}, ...]}}; nothing is sent.
 */
final class DryRun {
  private DryRun() {}

  static void write(Writer out, List<ServiceQuery> entries) throws IOException {
    StringBuilder text = new StringBuilder("{\"requests\":[");
    for (int from = 0; from < entries.size(); from += DiscoveryRequest.MAX_BATCH_ENTRIES) {
      int to = Math.min(entries.size(), from + DiscoveryRequest.MAX_BATCH_ENTRIES);
      if (from > 0) {
        text.append(',');
      }
      text.append(DiscoveryRequest.of(entries.subList(from, to)).toJson());
    }
    out.append(text.append("]}\n"));
    out.flush();
  }
}
