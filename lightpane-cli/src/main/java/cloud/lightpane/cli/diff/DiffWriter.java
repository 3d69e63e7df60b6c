package cloud.lightpane.cli.diff;

import java.io.IOException;

/**
 * Writes differences in one output format as they are found, in the engine's order (service,
 * provider, region, then identity): {@link #difference} for each, then {@link #finish} once.
 */
interface DiffWriter {
  void difference(Difference difference) throws IOException;

  void finish(Summary summary) throws IOException;
}
