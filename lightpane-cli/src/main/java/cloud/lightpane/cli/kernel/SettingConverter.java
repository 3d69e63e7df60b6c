package cloud.lightpane.cli.kernel;

import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.SettingKey;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Typed values of the flags that set a setting ({@code --timeout}, {@code --retries}, {@code -o}):
 * parsed while picocli reads the command line, so a bad one is a usage error (exit 2) before
 * anything runs, and checked by the very rule that checks the same setting from the environment or
 * a profile ({@link SettingKey#problem}), with the same words.
 */
public abstract class SettingConverter<T> implements ITypeConverter<T> {
  private final SettingKey key;
  private final String flag;

  SettingConverter(SettingKey key, String flag) {
    this.key = key;
    this.flag = flag;
  }

  @Override
  public final T convert(String text) {
    String problem = key.problem(text);
    if (problem != null) {
      throw new Invalid(problem + " (from " + flag + ")");
    }
    return parse(text.trim());
  }

  /** The value of a text {@link SettingKey#problem} found nothing wrong with. */
  abstract T parse(String text);

  /**
   * A flag's value that breaks its setting's rule; the message is complete (it names the flag), so
   * {@link ErrorReporter} prints it as it is.
   */
  public static final class Invalid extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** {@code --timeout 30s}. */
  public static final class Timeout extends SettingConverter<Duration> {
    /** For picocli. */
    public Timeout() {
      super(SettingKey.TIMEOUT, "--timeout");
    }

    @Override
    Duration parse(String text) {
      return SettingKey.duration(text);
    }

    /** The duration as the setting writes it, in the largest unit that keeps it exact. */
    static String text(Duration duration) {
      long millis = duration.toMillis();
      if (millis % 3_600_000 == 0) {
        return millis / 3_600_000 + "h";
      } else if (millis % 60_000 == 0) {
        return millis / 60_000 + "m";
      } else if (millis % 1000 == 0) {
        return millis / 1000 + "s";
      }
      return millis + "ms";
    }
  }

  /** {@code --max-time 5m}. */
  public static final class MaxTime extends SettingConverter<Duration> {
    /** For picocli. */
    public MaxTime() {
      super(SettingKey.MAX_TIME, "--max-time");
    }

    @Override
    Duration parse(String text) {
      return SettingKey.duration(text);
    }
  }

  /** A setting that is a whole number; its range is the setting's to check. */
  abstract static class Count extends SettingConverter<Integer> {
    Count(SettingKey key, String option) {
      super(key, option);
    }

    @Override
    Integer parse(String text) {
      return Integer.valueOf(text);
    }
  }

  /** {@code --retries 3}. */
  public static final class Retries extends Count {
    /** For picocli. */
    public Retries() {
      super(SettingKey.RETRIES, "--retries");
    }
  }

  /** {@code --batches-in-flight 8}. */
  public static final class BatchesInFlight extends Count {
    /** For picocli. */
    public BatchesInFlight() {
      super(SettingKey.BATCHES_IN_FLIGHT, "--batches-in-flight");
    }
  }

  /** {@code -o csv}: every command's output format, parsed here only. */
  public static final class Output extends SettingConverter<OutputFormat> {
    /** For picocli. */
    public Output() {
      super(SettingKey.OUTPUT, "--output");
    }

    @Override
    OutputFormat parse(String text) {
      return OutputFormat.parse(text);
    }
  }
}
