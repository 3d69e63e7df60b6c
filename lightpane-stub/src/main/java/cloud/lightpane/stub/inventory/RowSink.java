package cloud.lightpane.stub.inventory;

import java.io.IOException;

/**
 * Where {@link RowSet#writeTo} puts rows: one {@link #startRow()}, then one value per column in the
 * order asked, then {@link #endRow()}. The value methods beyond {@link #value(Object)} let a row
 * set that makes its values (the synthetic inventory) hand them over without building a String or a
 * boxed number for each: what they write is what {@code value} would write for the same value.
 */
public interface RowSink {

  /**
   * Starts the next row.
   *
   * @throws IOException when the output fails
   */
  void startRow() throws IOException;

  /**
   * A value as {@link InventoryRow#value} returns it: String, Number, Boolean or null.
   *
   * @param value the value
   * @throws IOException when the output fails
   */
  void value(Object value) throws IOException;

  /**
   * The same as {@code value(Long.valueOf(value))}.
   *
   * @param value the value
   * @throws IOException when the output fails
   */
  void number(long value) throws IOException;

  /**
   * The same as {@code value(Boolean.valueOf(value))}.
   *
   * @param value the value
   * @throws IOException when the output fails
   */
  void bool(boolean value) throws IOException;

  /**
   * The same as {@code value(prefix + number)}, for a number of 0 or more.
   *
   * @param prefix the text before the number
   * @param number the number, 0 or more
   * @throws IOException when the output fails
   */
  void string(String prefix, long number) throws IOException;

  /**
   * The same as {@code value(prefix + hex)}, where {@code hex} is the lowest {@code digits * 4}
   * bits of {@code bits} as {@code digits} lower-case hexadecimal digits, leading zeros kept.
   *
   * @param prefix the text before the hexadecimal digits
   * @param bits the bits to write
   * @param digits how many hexadecimal digits (1 to 16)
   * @throws IOException when the output fails
   */
  void hexString(String prefix, long bits, int digits) throws IOException;

  /**
   * Ends the row.
   *
   * @throws IOException when the output fails
   */
  void endRow() throws IOException;
}
