package cloud.lightpane.client.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response holds a value (or a row) too large for the client's limit, which exists so that one
 * huge value is refused while it is read instead of exhausting the heap. The message is the user's:
 * {@code a value of 10.0 MB is over the limit of 4 MB}.
 */
public final class ValueTooLargeException extends JsonProcessingException {
  private static final long serialVersionUID = 1L;
  private static final Pattern LENGTHS = Pattern.compile("\\((\\d+)\\D*\\((\\d+)");
  private static final long MB = 1024 * 1024;

  /**
   * @param what {@code value} or {@code row}
   * @param atLeast how many characters were read when the limit was passed
   * @param limit the limit, in characters
   */
  ValueTooLargeException(String what, long atLeast, long limit) {
    super("a " + what + " of " + megabytes(atLeast) + " is over the limit of " + whole(limit));
  }

  /**
   * The same words for Jackson's own refusal of a long string, or null when {@code e} is about
   * something else (a nesting depth, a number's length).
   */
  public static ValueTooLargeException from(StreamConstraintsException e) {
    String message = e.getOriginalMessage();
    if (message == null || !message.startsWith("String value length")) {
      return null;
    }
    Matcher m = LENGTHS.matcher(message);
    return m.find()
        ? new ValueTooLargeException(
            "value", Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
        : null;
  }

  private static String megabytes(long chars) {
    return String.format(Locale.ROOT, "%.1f MB", chars / (double) MB);
  }

  private static String whole(long chars) {
    return chars % MB == 0 ? chars / MB + " MB" : megabytes(chars);
  }
}
