package cloud.lightpane.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Lets global options stand before the command name too ({@code lightpane --embedded discover s3}),
 * as people type them with git, kubectl or the AWS CLI. Only the subcommand's tree is built for a
 * run (see {@link LightpaneCommand}), and the options belong to each subcommand's mixin; so the
 * leading ones are moved behind the command name, where picocli parses them as usual. The option
 * names come from {@link GlobalOptions} itself, so the two cannot drift apart.
 */
final class LeadingGlobalOptions {
  private LeadingGlobalOptions() {}

  /**
   * {@code args} with the global options that come before the first command name moved right after
   * it; {@code args} itself when nothing leads, or when something other than a global option does
   * (picocli then reports it as it would).
   */
  static String[] moveBehindCommand(String[] args) {
    if (args.length < 2 || !args[0].startsWith("-")) {
      return args;
    }
    Map<String, Boolean> takesValue = globalOptions();
    List<String> leading = new ArrayList<>();
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      Boolean value = takesValue.get(name);
      if (value == null && name.matches("-v+")) {
        value = false; // -vv, -vvv: the repeatable verbose flag
      }
      if (value == null) {
        return args; // not ours to move: --help, --version, or a typo picocli explains
      }
      leading.add(arg);
      i++;
      if (value && eq < 0) {
        if (i == args.length) {
          return args; // the value is missing: let picocli say so
        }
        leading.add(args[i++]);
      }
    }
    if (leading.isEmpty() || i == args.length) {
      return args;
    }
    List<String> moved = new ArrayList<>(args.length);
    moved.add(args[i]);
    moved.addAll(leading);
    moved.addAll(Arrays.asList(args).subList(i + 1, args.length));
    return moved.toArray(new String[0]);
  }

  /** Each name of each global option, and whether it takes a value. */
  private static Map<String, Boolean> globalOptions() {
    Map<String, Boolean> names = new HashMap<>();
    for (Field field : GlobalOptions.class.getDeclaredFields()) {
      Option option = field.getAnnotation(Option.class);
      if (option == null) {
        continue;
      }
      Class<?> type = field.getType();
      boolean flag = type == boolean.class || type == Boolean.class || type == boolean[].class;
      for (String name : option.names()) {
        names.put(name, !flag);
      }
    }
    return names;
  }
}
