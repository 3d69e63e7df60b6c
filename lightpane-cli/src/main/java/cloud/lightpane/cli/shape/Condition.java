package cloud.lightpane.cli.shape;

import cloud.lightpane.client.discovery.Row;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code --where} term: {@code KEY=VALUE}, {@code KEY!=VALUE}, {@code KEY~REGEX}, {@code
 * KEY!~REGEX}, {@code KEY<N}, {@code KEY<=N}, {@code KEY>N}, {@code KEY>=N}.
 *
 * <ul>
 *   <li>{@code =} and {@code !=} compare numbers as numbers when both sides are numbers ({@code
 *       cpu=4} matches {@code 4} and {@code 4.0}), booleans as {@code true}/{@code false} in any
 *       case, and anything else as exact text; {@code KEY=} matches null, a missing key and the
 *       empty string.
 *   <li>{@code ~} finds the regular expression anywhere in the cell's text (anchor it with {@code
 *       ^...$}); a null cell is the empty text.
 *   <li>{@code < <= > >=} need a number on the right; a cell that is not a number fails them.
 * </ul>
 */
public final class Condition {
  private final String key;
  private final Operator operator;
  private final String value;
  private final BigDecimal number;
  private final Pattern pattern;

  private Condition(String key, Operator operator, String value) {
    this.key = key;
    this.operator = operator;
    this.value = value;
    this.number = Cells.parseNumber(value.trim());
    Pattern compiled = null;
    if (operator == Operator.MATCHES || operator == Operator.NOT_MATCHES) {
      try {
        compiled = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new ShapeException(
            "--where '"
                + key
                + operator.symbol
                + value
                + "': not a regular expression ("
                + e.getDescription()
                + " near index "
                + e.getIndex()
                + ")");
      }
    } else if (operator.numeric && number == null) {
      throw new ShapeException(
          "--where '"
              + key
              + operator.symbol
              + value
              + "': "
              + operator.symbol
              + " compares numbers; give a number, e.g. "
              + key
              + operator.symbol
              + "4");
    }
    this.pattern = compiled;
  }

  /**
   * Parses one term.
   *
   * @throws ShapeException when it has no key or operator, or its value does not fit the operator
   */
  public static Condition parse(String term) {
    int at = -1;
    for (int i = 0; i < term.length(); i++) {
      char c = term.charAt(i);
      if (c == '=' || c == '!' || c == '~' || c == '<' || c == '>') {
        at = i;
        break;
      }
    }
    if (at <= 0) {
      throw new ShapeException(
          "--where '"
              + term
              + "': expected KEY, an operator (= != ~ !~ < <= > >=) and a value,"
              + " e.g. --where state=running");
    }
    String key = term.substring(0, at).trim();
    String rest = term.substring(at);
    for (Operator operator : Operator.LONGEST_FIRST) {
      if (rest.startsWith(operator.symbol)) {
        return new Condition(key, operator, rest.substring(operator.symbol.length()));
      }
    }
    throw new ShapeException(
        "--where '" + term + "': unknown operator; use one of = != ~ !~ < <= > >=");
  }

  /** The column this term reads. */
  public String key() {
    return key;
  }

  /** Whether {@code row} satisfies this term. */
  public boolean test(Row row) {
    Object cell = row.get(key);
    switch (operator) {
      case EQUALS:
        return equalsCell(cell);
      case NOT_EQUALS:
        return !equalsCell(cell);
      case MATCHES:
        return pattern.matcher(textOf(row)).find();
      case NOT_MATCHES:
        return !pattern.matcher(textOf(row)).find();
      default:
        BigDecimal actual = Cells.number(cell);
        if (actual == null) {
          return false;
        }
        int order = actual.compareTo(number);
        return switch (operator) {
          case LESS -> order < 0;
          case LESS_OR_EQUAL -> order <= 0;
          case GREATER -> order > 0;
          default -> order >= 0;
        };
    }
  }

  private String textOf(Row row) {
    String text = Cells.text(row, key);
    return text == null ? "" : text;
  }

  private boolean equalsCell(Object cell) {
    if (cell == null) {
      return value.isEmpty();
    }
    if (cell instanceof Boolean) {
      return cell.toString().equalsIgnoreCase(value.trim());
    }
    if (number != null) {
      BigDecimal actual = Cells.number(cell);
      if (actual != null) {
        return actual.compareTo(number) == 0;
      }
    }
    if (cell instanceof String text) {
      return text.equals(value);
    }
    // Lists and objects: their compact JSON text.
    return cloud.lightpane.cli.render.JsonText.toJson(cell).equals(value);
  }

  @Override
  public String toString() {
    return key + operator.symbol + value;
  }

  private enum Operator {
    NOT_EQUALS("!=", false),
    NOT_MATCHES("!~", false),
    LESS_OR_EQUAL("<=", true),
    GREATER_OR_EQUAL(">=", true),
    EQUALS("=", false),
    MATCHES("~", false),
    LESS("<", true),
    GREATER(">", true);

    static final Operator[] LONGEST_FIRST = values();

    final String symbol;
    final boolean numeric;

    Operator(String symbol, boolean numeric) {
      this.symbol = symbol;
      this.numeric = numeric;
    }
  }
}
