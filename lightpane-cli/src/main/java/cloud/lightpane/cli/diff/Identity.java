package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns identify a row of each service, so that a row of the old snapshot can be matched
 * with the same resource in the new one. In order of precedence: {@code --key SERVICE=COL} for that
 * service; the catalogue's identity columns; plain {@code --key COL} for services the catalogue
 * gives none for; else none, and rows are matched by their whole content.
 */
final class Identity {
  /** The identity columns the catalogue gives a service; empty when it knows none. */
  interface Lookup {
    List<String> idColumns(String service);
  }

  private final Lookup catalogue;
  private final List<String> plain = new ArrayList<>();
  private final Map<String, List<String>> byService = new LinkedHashMap<>();
  private final Map<String, List<String>> resolved = new HashMap<>();
  private boolean plainUsed;

  /**
   * @param keys the {@code --key} values: {@code COL} or {@code SERVICE=COL}, each repeatable
   */
  Identity(Lookup catalogue, List<String> keys) {
    this.catalogue = catalogue;
    for (String key : keys) {
      String value = key.strip();
      int equals = value.indexOf('=');
      if (equals < 0) {
        checkName(value, key);
        if (!plain.contains(value)) {
          plain.add(value);
        }
      } else {
        String service = value.substring(0, equals).strip();
        String column = value.substring(equals + 1).strip();
        checkName(service, key);
        checkName(column, key);
        List<String> columns = byService.computeIfAbsent(service, s -> new ArrayList<>());
        if (!columns.contains(column)) {
          columns.add(column);
        }
      }
    }
  }

  private static void checkName(String name, String option) {
    if (name.isBlank()) {
      throw new CommandFailure(
          ExitCodes.USAGE,
          "Invalid --key '"
              + option
              + "': give a column, e.g. --key instance_id, or"
              + " SERVICE=COLUMN, e.g. --key ec2=name");
    }
  }

  /** The identity columns of {@code service}, in order; empty to match by the whole row. */
  List<String> columns(String service) {
    List<String> columns = resolved.get(service);
    if (columns == null) {
      columns = byService.get(service);
      if (columns == null) {
        columns = catalogue.idColumns(service);
      }
      if (columns.isEmpty() && !plain.isEmpty()) {
        columns = plain;
        plainUsed = true;
      }
      columns = List.copyOf(columns);
      resolved.put(service, columns);
    }
    return columns;
  }

  /**
   * A note for stderr when plain {@code --key} was given but every service had catalogue identity
   * columns, so it changed nothing; null otherwise.
   */
  String unusedKeyNote() {
    if (plain.isEmpty() || plainUsed || resolved.isEmpty()) {
      return null;
    }
    StringBuilder known = new StringBuilder();
    for (Map.Entry<String, List<String>> entry : resolved.entrySet()) {
      if (known.length() > 0) {
        known.append(", ");
      }
      known.append(entry.getKey()).append(" by ").append(String.join("+", entry.getValue()));
    }
    return "--key "
        + String.join(",", plain)
        + " was not used: the catalogue identifies "
        + known
        + "; to match a service by another column, give --key SERVICE=COLUMN";
  }
}
