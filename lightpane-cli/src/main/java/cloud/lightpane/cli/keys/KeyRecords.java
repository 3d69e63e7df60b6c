package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.render.CsvRenderer;
import cloud.lightpane.cli.render.ExcelSafe;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.TextTable;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.CloudBinding;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Key records in every output format. JSON uses the contract's field names (so {@code -o json}
 * reads like the API's own answer); the table is for people and never shows more of a token than
 * its masked prefix.
 */
final class KeyRecords {
  private static final List<String> CSV_COLUMNS =
      List.of(
          "grant_id",
          "grant_type",
          "label",
          "token_prefix",
          "cloud_bindings",
          "allowed_services",
          "constraints",
          "created_at",
          "expires_at",
          "last_used_at",
          "revoked",
          "group_id");

  private KeyRecords() {}

  /** The record as the API lists it, unknown fields kept. */
  static Map<String, Object> record(AccessKey key) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("grant_id", key.grantId());
    record.put("grant_type", key.type() == null ? null : key.type().value());
    record.put("label", key.label());
    record.put("token_prefix", key.tokenPrefix());
    List<Object> bindings = new ArrayList<>();
    for (CloudBinding binding : key.cloudBindings()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("provider", binding.provider() == null ? null : binding.provider().value());
      entry.put("account_id", binding.accountId());
      entry.put("region", binding.region());
      bindings.add(entry);
    }
    record.put("cloud_bindings", bindings);
    record.put("allowed_services", key.allowedServices());
    record.put("constraints", key.constraints().toMap());
    record.put("created_at", text(key.createdAt()));
    record.put("expires_at", text(key.expiresAt()));
    record.put("last_used_at", text(key.lastUsedAt()));
    record.put("revoked", key.revoked());
    record.put("group_id", key.groupId());
    for (Map.Entry<String, Object> extra : key.additionalProperties().entrySet()) {
      record.putIfAbsent(extra.getKey(), extra.getValue());
    }
    return record;
  }

  /**
   * Writes keys in {@code format}; {@code json} wraps them as {@code {"grants":[...]}}; with {@code
   * excelSafe}, CSV cells go through {@link ExcelSafe}.
   */
  static void write(
      Writer out, List<AccessKey> keys, OutputFormat format, TerminalFacts facts, boolean excelSafe)
      throws IOException {
    switch (format) {
      case JSON -> {
        List<Object> records = new ArrayList<>();
        for (AccessKey key : keys) {
          records.add(record(key));
        }
        JsonText.write(out, Map.of("grants", records));
        out.write('\n');
      }
      case JSONL -> {
        for (AccessKey key : keys) {
          JsonText.write(out, record(key));
          out.write('\n');
        }
      }
      case CSV -> {
        ICSVWriter csv = CsvRenderer.rfc4180(out);
        csv.writeNext(CSV_COLUMNS.toArray(new String[0]), false);
        for (AccessKey key : keys) {
          Map<String, Object> record = record(key);
          String[] cells = new String[CSV_COLUMNS.size()];
          for (int i = 0; i < cells.length; i++) {
            Object value = record.get(CSV_COLUMNS.get(i));
            cells[i] =
                value == null
                    ? ""
                    : value instanceof String s
                        ? excelSafe ? ExcelSafe.cell(s) : s
                        : JsonText.toJson(value);
          }
          csv.writeNext(cells, false);
        }
        csv.flush();
        if (csv.getException() != null) {
          throw csv.getException();
        }
      }
      default -> table(out, keys, facts);
    }
    out.flush();
  }

  private static void table(Writer out, List<AccessKey> keys, TerminalFacts facts)
      throws IOException {
    if (keys.isEmpty()) {
      out.write("(no keys)\n");
      return;
    }
    TextTable table =
        new TextTable(
            List.of(
                "Grant ID",
                "Type",
                "Label",
                "Token",
                "Services",
                "Accounts",
                "Expires",
                "Last used",
                "Status"));
    Instant now = Instant.now();
    for (AccessKey key : keys) {
      List<String> accounts = new ArrayList<>();
      for (CloudBinding binding : key.cloudBindings()) {
        accounts.add(
            (binding.provider() == null ? "?" : binding.provider().value())
                + ":"
                + binding.accountId());
      }
      String status =
          key.revoked()
              ? "revoked"
              : key.expiresAt() != null && key.expiresAt().isBefore(now) ? "expired" : "active";
      table.add(
          new String[] {
            key.grantId(),
            key.type() == null ? "" : key.type().value(),
            key.label(),
            key.tokenPrefix(),
            key.allowsAllServices() ? "*" : String.join(",", key.allowedServices()),
            String.join(",", accounts),
            key.expiresAt() == null ? "never" : text(key.expiresAt()),
            key.lastUsedAt() == null ? "never" : text(key.lastUsedAt()),
            status
          });
    }
    table.write(out, facts, facts.colour());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
