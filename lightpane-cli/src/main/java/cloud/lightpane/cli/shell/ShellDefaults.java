package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.kernel.GlobalOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The global options given to {@code lightpane shell}, offered as defaults to every command typed
 * in it: {@code shell --profile prod} then {@code discover s3} runs as {@code discover s3 --profile
 * prod}. A command's own option still wins. {@code -v} is left out: it is asked per command.
 */
final class ShellDefaults implements CommandLine.IDefaultValueProvider {
  private final Map<String, String> values;

  private ShellDefaults(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /**
   * The global options matched on the command line that started the shell, before {@code shell}
   * ({@code lightpane --profile prod shell}) or after it.
   */
  static ShellDefaults of(CommandSpec shell) {
    Map<String, String> values = new HashMap<>();
    List<String> globalNames = globalOptionNames();
    for (ParseResult parsed = shell.root().commandLine().getParseResult();
        parsed != null;
        parsed = parsed.subcommand()) {
      for (OptionSpec option : parsed.matchedOptions()) {
        String name = option.longestName();
        if (!globalNames.contains(name) || name.equals("--verbose")) {
          continue;
        }
        List<String> given = option.originalStringValues();
        if (option.arity().max() == 0) {
          values.put(name, "true");
        } else if (!given.isEmpty()) {
          values.put(name, given.get(given.size() - 1));
        }
      }
    }
    return new ShellDefaults(values);
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (argument instanceof OptionSpec option) {
      return values.get(option.longestName());
    }
    return null;
  }

  /** The value given to the shell for {@code --name}, or null. */
  String get(String name) {
    return values.get(name);
  }

  private static List<String> globalOptionNames() {
    return CommandSpec.forAnnotatedObject(new GlobalOptions()).options().stream()
        .map(OptionSpec::longestName)
        .toList();
  }
}
