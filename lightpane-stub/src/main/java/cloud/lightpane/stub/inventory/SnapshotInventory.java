package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.internal.accounts.DemoUser;
import cloud.lightpane.stub.internal.accounts.LinkedAccount;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a recorded snapshot as an inventory: the output of {@code lightpane discover -o jsonl} (one
 * {@code {"service", "provider", "region", "row"}} object per line) or of {@code -o json} (the
 * API's {@code {"results": [...]}} document), or several of either one after the other.
 *
 * <p>Rows are served back for the same service and region, in the recorded order, with their values
 * as recorded (decimal numbers keep their text). A service of the built-in catalogue keeps its
 * columns, label and identity; keys the catalogue does not have are added after its columns. A
 * service it does not know gets the document's {@code columns}, or the rows' keys in first-seen
 * order, and is global when it was recorded only in {@code global}. Regions the catalogue does not
 * know are added to it. Every row belongs to the provider's first demo account. Problems are
 * reported with the file, the line and what is wrong; nothing is half-loaded.
 */
final class SnapshotInventory {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String source;
  private final Map<String, Recorded> services = new LinkedHashMap<>();
  private final Map<String, List<StoredRow>> rows = new HashMap<>();

  private SnapshotInventory(String source) {
    this.source = source;
  }

  static Inventory load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new FixtureException(
          file + ": not a snapshot file (the output of 'lightpane discover -o jsonl' or -o json)");
    }
    SnapshotInventory snapshot = new SnapshotInventory(file.toString());
    try (InputStream in = Files.newInputStream(file);
        JsonParser parser = FACTORY.createParser(in)) {
      snapshot.read(parser);
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw snapshot.error(line, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new FixtureException(file + ": cannot read: " + e.getMessage());
    }
    return snapshot.inventory();
  }

  /** One service as the snapshot recorded it. */
  private static final class Recorded {
    final String id;
    final String provider;
    final long line;
    String label;
    final Map<String, String> columns = new LinkedHashMap<>(); // key -> label, first seen first
    final Map<String, Long> regions = new LinkedHashMap<>(); // region -> first line

    Recorded(String id, String provider, long line) {
      this.id = id;
      this.provider = provider;
      this.line = line;
    }
  }

  private void read(JsonParser in) throws IOException {
    JsonToken token;
    while ((token = in.nextToken()) != null) {
      long line = in.currentTokenLocation().getLineNr();
      if (token != JsonToken.START_OBJECT) {
        throw error(line, "expected a JSON object, found " + token.asString());
      }
      if (in.nextToken() == JsonToken.END_OBJECT) {
        throw error(line, NEITHER);
      }
      String first = in.currentName();
      if (first.equals("service")
          || first.equals("provider")
          || first.equals("region")
          || first.equals("row")) {
        readLine(in, line);
      } else {
        readDocument(in, line);
      }
    }
  }

  private static final String NEITHER =
      "neither a line of 'discover -o jsonl' ({\"service\", \"provider\", \"region\", \"row\"})"
          + " nor a 'discover -o json' document ({\"results\": [...]})";

  /** A JSON Lines row; the parser is on its first field name. */
  private void readLine(JsonParser in, long line) throws IOException {
    String service = null;
    String provider = null;
    String region = null;
    Map<String, Object> row = null;
    do {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      switch (field) {
        case "service" -> service = text(in, value, field);
        case "provider" -> provider = text(in, value, field);
        case "region" -> region = text(in, value, field);
        case "row" -> row = row(in, value, "row");
        default -> in.skipChildren(); // a newer CLI's field: not part of the row
      }
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    String missing =
        service == null
            ? "service"
            : provider == null
                ? "provider"
                : region == null ? "region" : row == null ? "row" : null;
    if (missing != null) {
      throw error(
          line,
          "no \""
              + missing
              + "\": a line of 'discover -o jsonl' has service, provider, region and row");
    }
    Recorded recorded = recorded(service, provider, region, line);
    for (String key : row.keySet()) {
      recorded.columns.putIfAbsent(key, key);
    }
    add(recorded, region, row);
  }

  /** A {@code -o json} document; the parser is on its first field name. */
  private void readDocument(JsonParser in, long line) throws IOException {
    boolean results = false;
    do {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      if (field.equals("results")) {
        if (value != JsonToken.START_ARRAY) {
          throw error(in, "\"results\" must be an array");
        }
        results = true;
        for (int i = 0; (value = in.nextToken()) != JsonToken.END_ARRAY; i++) {
          if (value != JsonToken.START_OBJECT) {
            throw error(in, "results[" + i + "] must be an object");
          }
          readResult(in, "results[" + i + "]");
        }
      } else {
        in.skipChildren();
      }
    } while (in.nextToken() == JsonToken.FIELD_NAME);
    if (!results) {
      throw error(line, NEITHER);
    }
  }

  /** One result of a document; the parser is on its {@code START_OBJECT}. */
  private void readResult(JsonParser in, String where) throws IOException {
    Recorded recorded = null;
    String region = null;
    Map<String, String> columns = new LinkedHashMap<>();
    List<Map<String, Object>> pending = new ArrayList<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String field = in.currentName();
      JsonToken value = in.nextToken();
      switch (field) {
        case "metadata" -> {
          long line = in.currentTokenLocation().getLineNr();
          if (value != JsonToken.START_OBJECT) {
            throw error(in, where + ".metadata must be an object");
          }
          String service = null;
          String provider = null;
          String label = null;
          while (in.nextToken() == JsonToken.FIELD_NAME) {
            String key = in.currentName();
            JsonToken item = in.nextToken();
            switch (key) {
              case "service" -> service = text(in, item, where + ".metadata.service");
              case "provider" -> provider = text(in, item, where + ".metadata.provider");
              case "region" -> region = text(in, item, where + ".metadata.region");
              case "service_label" -> label = text(in, item, where + ".metadata.service_label");
              default -> in.skipChildren();
            }
          }
          if (service == null || provider == null || region == null) {
            throw error(line, where + ".metadata needs service, provider and region");
          }
          recorded = recorded(service, provider, region, line);
          if (recorded.label == null) {
            recorded.label = label;
          }
        }
        case "columns" -> {
          if (value != JsonToken.START_ARRAY) {
            throw error(in, where + ".columns must be an array of {\"key\", \"label\"}");
          }
          while (in.nextToken() == JsonToken.START_OBJECT) {
            String key = null;
            String label = null;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
              String name = in.currentName();
              JsonToken item = in.nextToken();
              switch (name) {
                case "key" -> key = text(in, item, where + ".columns[].key");
                case "label" -> label = text(in, item, where + ".columns[].label");
                default -> in.skipChildren();
              }
            }
            if (key == null) {
              throw error(in, where + ".columns[] has no \"key\"");
            }
            columns.put(key, label == null ? key : label);
          }
          if (in.currentToken() != JsonToken.END_ARRAY) {
            throw error(in, where + ".columns must be an array of {\"key\", \"label\"}");
          }
        }
        case "rows" -> {
          if (value != JsonToken.START_ARRAY) {
            throw error(in, where + ".rows must be an array");
          }
          for (int i = 0; (value = in.nextToken()) != JsonToken.END_ARRAY; i++) {
            pending.add(row(in, value, where + ".rows[" + i + "]"));
          }
        }
        default -> in.skipChildren();
      }
    }
    if (recorded == null) {
      throw error(in, where + " has no \"metadata\"");
    }
    columns.forEach(recorded.columns::putIfAbsent);
    for (Map<String, Object> row : pending) {
      for (String key : row.keySet()) {
        recorded.columns.putIfAbsent(key, key);
      }
      add(recorded, region, row);
    }
  }

  private Recorded recorded(String service, String provider, String region, long line) {
    Recorded recorded = services.computeIfAbsent(service, id -> new Recorded(id, provider, line));
    if (!recorded.provider.equals(provider)) {
      throw error(
          line,
          "service '"
              + service
              + "' is recorded for provider '"
              + provider
              + "' here but for '"
              + recorded.provider
              + "' on line "
              + recorded.line);
    }
    recorded.regions.putIfAbsent(region, line);
    return recorded;
  }

  private void add(Recorded recorded, String region, Map<String, Object> values) {
    List<LinkedAccount> accounts = DemoUser.accounts(recorded.provider);
    String account = accounts.isEmpty() ? "" : accounts.get(0).accountId();
    rows.computeIfAbsent(StoredInventory.key(recorded.id, region), k -> new ArrayList<>())
        .add(new StoredRow(account, values));
  }

  /** A row object: its keys in order and scalar values as recorded. */
  private Map<String, Object> row(JsonParser in, JsonToken token, String where) throws IOException {
    if (token != JsonToken.START_OBJECT) {
      throw error(in, "\"" + where + "\" must be a JSON object, found " + token.asString());
    }
    Map<String, Object> row = new LinkedHashMap<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String key = in.currentName();
      JsonToken value = in.nextToken();
      row.put(
          key,
          switch (value) {
            case VALUE_STRING -> in.getText();
            case VALUE_NUMBER_INT ->
                in.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? in.getBigIntegerValue()
                    : (Object) in.getLongValue();
            case VALUE_NUMBER_FLOAT -> new ExactNumber(in.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default ->
                throw error(
                    in,
                    where
                        + "."
                        + key
                        + ": a nested value cannot be replayed; a row's values are strings,"
                        + " numbers, booleans or null");
          });
    }
    return row;
  }

  private String text(JsonParser in, JsonToken token, String field) throws IOException {
    if (token != JsonToken.VALUE_STRING || in.getText().isBlank()) {
      throw error(in, "\"" + field + "\" must be a non-empty string");
    }
    return in.getText();
  }

  private Inventory inventory() {
    Catalogue base = Catalogue.builtIn();
    List<ServiceDefinition> definitions = new ArrayList<>();
    Map<String, List<String>> regions = new LinkedHashMap<>();
    for (Recorded recorded : services.values()) {
      ServiceDefinition known = base.service(recorded.id).orElse(null);
      ServiceDefinition definition = known == null ? unknown(recorded) : known(recorded, known);
      if (definition != known) {
        definitions.add(definition);
      }
      for (Map.Entry<String, Long> region : recorded.regions.entrySet()) {
        boolean global = ServiceDefinition.GLOBAL_REGION.equals(region.getKey());
        if (global != definition.global()) {
          throw error(
              region.getValue(),
              "'"
                  + region.getKey()
                  + "': "
                  + recorded.id
                  + (definition.global()
                      ? " is global, recorded only in region \"global\""
                      : " is regional and never takes region \"global\""));
        }
        if (base.regions(recorded.provider).isEmpty()) {
          regions.computeIfAbsent(recorded.provider, p -> new ArrayList<>());
        }
        if (!global && !base.regions(recorded.provider).contains(region.getKey())) {
          List<String> added = regions.computeIfAbsent(recorded.provider, p -> new ArrayList<>());
          if (!added.contains(region.getKey())) {
            added.add(region.getKey());
          }
        }
      }
    }
    return new StoredInventory(base.plus(definitions, regions), rows);
  }

  /** A built-in service, with keys the snapshot has beyond its columns added after them. */
  private ServiceDefinition known(Recorded recorded, ServiceDefinition known) {
    if (!known.provider().equals(recorded.provider)) {
      throw error(
          recorded.line,
          "'"
              + recorded.id
              + "' is a service of "
              + known.provider()
              + ", not of "
              + recorded.provider);
    }
    List<ColumnDefinition> columns = new ArrayList<>(known.columns());
    recorded.columns.forEach(
        (key, label) -> {
          if (known.column(key) == null) {
            columns.add(new ColumnDefinition(key, label));
          }
        });
    if (columns.size() == known.columns().size()) {
      return known;
    }
    return new ServiceDefinition(
        known.id(), known.provider(), known.label(), columns, known.global(), known.idColumns());
  }

  /** A service the catalogue does not know: its columns as recorded, first seen first. */
  private ServiceDefinition unknown(Recorded recorded) {
    if (recorded.columns.isEmpty()) {
      throw error(
          recorded.line,
          "'"
              + recorded.id
              + "' is not in the built-in catalogue and the snapshot shows no column of it (no row,"
              + " no \"columns\"); record it with at least one row");
    }
    List<ColumnDefinition> columns = new ArrayList<>();
    recorded.columns.forEach((key, label) -> columns.add(new ColumnDefinition(key, label)));
    boolean global =
        recorded.regions.keySet().stream().allMatch(ServiceDefinition.GLOBAL_REGION::equals);
    return new ServiceDefinition(
        recorded.id,
        recorded.provider,
        recorded.label == null ? recorded.id : recorded.label,
        columns,
        global);
  }

  private FixtureException error(JsonParser in, String problem) {
    return error(in.currentTokenLocation().getLineNr(), problem);
  }

  private FixtureException error(long line, String problem) {
    return new FixtureException(source + ": line " + line + ": " + problem);
  }
}
