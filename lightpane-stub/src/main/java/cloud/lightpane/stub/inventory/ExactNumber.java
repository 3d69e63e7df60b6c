package cloud.lightpane.stub.inventory;

import java.math.BigDecimal;

/**
 * A decimal number kept as the text it was read as ({@code 0.50}, {@code 1e3}), so a replayed
 * snapshot serves the very bytes it recorded: the response writer writes a {@link Number} of a type
 * it does not know by its {@link #toString()}.
 */
final class ExactNumber extends Number {
  private static final long serialVersionUID = 1L;

  private final String text;

  ExactNumber(String text) {
    this.text = text;
  }

  private BigDecimal decimal() {
    return new BigDecimal(text);
  }

  @Override
  public int intValue() {
    return decimal().intValue();
  }

  @Override
  public long longValue() {
    return decimal().longValue();
  }

  @Override
  public float floatValue() {
    return Float.parseFloat(text);
  }

  @Override
  public double doubleValue() {
    return Double.parseDouble(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExactNumber n && n.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
