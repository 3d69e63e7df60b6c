package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.render.Field;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.render.RecordWriter;
import cloud.lightpane.cli.terminal.TerminalFacts;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.CloudBinding;
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
  private static final List<String> COLUMNS =
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

  private static final List<Field> FIELDS = fields();

  private static final List<Field> TABLE =
      List.of(
          new Field("grant_id", "Grant ID"),
          new Field("grant_type", "Type"),
          new Field("label", "Label"),
          new Field("token_prefix", "Token"),
          new Field("services", "Services"),
          new Field("accounts", "Accounts"),
          new Field("expires", "Expires"),
          new Field("last_used", "Last used"),
          new Field("status", "Status"));

  private KeyRecords() {}

  private static List<Field> fields() {
    List<Field> fields = new ArrayList<>();
    for (String column : COLUMNS) {
      fields.add(new Field(column, column));
    }
    return List.copyOf(fields);
  }

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

  /** The columns of a key record: CSV's and TSV's header, and what the shaping options may name. */
  static List<String> columns() {
    return COLUMNS;
  }

  /**
   * Writes key records (as {@link #record} makes them) in {@code format}: {@code json} wraps them
   * as {@code {"grants":[...]}}, CSV, TSV and JSON Lines hold every field of the record, the table
   * and Markdown the people's view (services, accounts, status). With {@code excelSafe}, CSV's text
   * cells go through {@link cloud.lightpane.cli.render.ExcelSafe}.
   *
   * @param headers false for {@code --no-headers}
   */
  static void write(
      Writer out,
      List<Map<String, Object>> records,
      OutputFormat format,
      TerminalFacts facts,
      boolean headers,
      boolean excelSafe)
      throws IOException {
    if (format == OutputFormat.TABLE || format == OutputFormat.MARKDOWN) {
      if (records.isEmpty() && headers) {
        // A header-only Markdown table renders as an empty grid; say so in words, as discovery's
        // "_No rows._" does.
        out.write(format == OutputFormat.TABLE ? "(no keys)\n" : "_No keys._\n");
        out.flush();
        return;
      }
      List<Map<String, Object>> shown = new ArrayList<>(records.size());
      Instant now = Instant.now();
      for (Map<String, Object> record : records) {
        shown.add(shown(record, now));
      }
      RecordWriter.write(out, format, TABLE, shown, "grants", headers, false, facts);
      return;
    }
    RecordWriter.write(out, format, FIELDS, records, "grants", headers, excelSafe, facts);
  }

  /** The table's view of a record: services as {@code *} or a list, accounts, a status. */
  private static Map<String, Object> shown(Map<String, Object> record, Instant now) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("grant_id", record.get("grant_id"));
    row.put("grant_type", record.get("grant_type"));
    row.put("label", record.get("label"));
    row.put("token_prefix", record.get("token_prefix"));
    List<String> services = strings(record.get("allowed_services"));
    row.put(
        "services",
        services.isEmpty() || services.contains("*") ? "*" : String.join(",", services));
    List<String> accounts = new ArrayList<>();
    if (record.get("cloud_bindings") instanceof List<?> bindings) {
      for (Object binding : bindings) {
        if (binding instanceof Map<?, ?> entry) {
          Object provider = entry.get("provider");
          accounts.add((provider == null ? "?" : provider) + ":" + entry.get("account_id"));
        }
      }
    }
    row.put("accounts", String.join(",", accounts));
    Object expires = record.get("expires_at");
    Object lastUsed = record.get("last_used_at");
    row.put("expires", expires == null ? "never" : expires);
    row.put("last_used", lastUsed == null ? "never" : lastUsed);
    boolean expired = expires instanceof String at && Instant.parse(at).isBefore(now);
    row.put(
        "status",
        Boolean.TRUE.equals(record.get("revoked")) ? "revoked" : expired ? "expired" : "active");
    return row;
  }

  private static List<String> strings(Object value) {
    List<String> strings = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        strings.add(String.valueOf(item));
      }
    }
    return strings;
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
