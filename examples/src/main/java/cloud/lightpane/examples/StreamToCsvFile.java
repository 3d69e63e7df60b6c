package cloud.lightpane.examples;

import cloud.lightpane.client.LightPaneClient;
import cloud.lightpane.client.auth.Credentials;
import cloud.lightpane.client.discovery.Column;
import cloud.lightpane.client.discovery.DiscoveryHandler;
import cloud.lightpane.client.discovery.DiscoveryRequest;
import cloud.lightpane.client.discovery.ResultMetadata;
import cloud.lightpane.client.discovery.Row;
import cloud.lightpane.client.discovery.ServiceQuery;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Streams a whole inventory to a CSV file in constant memory: the client hands over one row at a
 * time as it parses the response, and each row is written before the next is read, so a million
 * rows never sit in memory at once.
 *
 * <p>Run: {@code java cloud.lightpane.examples.StreamToCsvFile OUT.csv [BASE_URL]}. Try it against
 * {@code lightpane serve --rows-per-service 1000000}.
 */
public final class StreamToCsvFile {
  private StreamToCsvFile() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: StreamToCsvFile OUT.csv [BASE_URL]");
      System.exit(2);
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (ExampleServer server = ExampleServer.fromArgs(rest)) {
      long rows = run(server.baseUrl(), Credentials.defaultChain(), Path.of(args[0]));
      System.err.println("wrote " + rows + " rows to " + args[0]);
    }
  }

  /** Streams EC2 instances of us-east-1 into {@code out}; returns the number of rows written. */
  public static long run(URI baseUrl, Credentials credentials, Path out) throws IOException {
    try (LightPaneClient client =
            LightPaneClient.builder().baseUrl(baseUrl).credentials(credentials).build();
        BufferedWriter writer = Files.newBufferedWriter(out)) {
      CsvWriter csv = new CsvWriter(writer);
      client.discoverStreaming(
          DiscoveryRequest.of(
              ServiceQuery.builder("ec2").provider("aws").region("us-east-1").build()),
          csv);
      return csv.rows;
    }
  }

  /** Writes the header when a result starts and one line per row; RFC 4180 quoting. */
  private static final class CsvWriter implements DiscoveryHandler {
    private final Writer writer;
    private List<Column> columns;
    private long rows;

    CsvWriter(Writer writer) {
      this.writer = writer;
    }

    @Override
    public void onResultStart(ResultMetadata metadata, List<Column> columns) {
      this.columns = columns;
      write(columns.stream().map(Column::key).toList());
    }

    @Override
    public void onRow(Row row) {
      write(
          columns.stream()
              .map(
                  c ->
                      row.has(c.key()) && row.get(c.key()) != null
                          ? String.valueOf(row.get(c.key()))
                          : "")
              .toList());
      rows++;
    }

    private void write(List<String> cells) {
      try {
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            writer.write(',');
          }
          writer.write(quote(cells.get(i)));
        }
        writer.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String quote(String value) {
      if (value.contains(",")
          || value.contains("\"")
          || value.contains("\n")
          || value.contains("\r")) {
        return '"' + value.replace("\"", "\"\"") + '"';
      }
      return value;
    }
  }
}
