package cloud.lightpane.cli.shell;

import cloud.lightpane.cli.candidates.CatalogueValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab in the shell: command and option names from the picocli tree, and values from the built-in
 * catalogue, read from what is already on the line. Service ids are narrowed by {@code
 * -p/--provider}; regions after {@code -r} are those of the provider, or of the services typed;
 * attribute keys after {@code -a} are those of the services typed, also after a comma. Offline:
 * nothing here asks the server.
 */
final class CommandCompleter implements Completer {
  /** Words the shell itself understands. */
  static final List<String> SHELL_WORDS = List.of("help", "exit", "quit");

  private final CommandSpec root;
  private final CatalogueValues catalogue;
  private final Supplier<List<String>> profiles;

  CommandCompleter(CommandSpec root, CatalogueValues catalogue, Supplier<List<String>> profiles) {
    this.root = root;
    this.catalogue = catalogue;
    this.profiles = profiles;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String partial = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    candidates.addAll(complete(line.words().subList(0, line.wordIndex()), partial));
  }

  /** The candidates for the word {@code partial}, typed after the complete words {@code before}. */
  List<Candidate> complete(List<String> before, String partial) {
    List<Candidate> result = new ArrayList<>();
    if (before.isEmpty()) {
      for (Map.Entry<String, CommandLine> command : root.subcommands().entrySet()) {
        if (!command.getKey().equals("shell") && !command.getKey().equals("help")) {
          result.add(word(command.getKey(), "commands", summary(command.getValue())));
        }
      }
      SHELL_WORDS.forEach(name -> result.add(word(name, "shell", null)));
      return matching(result, partial);
    }
    CommandSpec spec = root;
    int index = 0;
    if (before.get(0).equals("help")) {
      index = 1; // help COMMAND: complete the command as if typed alone
    }
    while (index < before.size() && spec.subcommands().containsKey(before.get(index))) {
      spec = spec.subcommands().get(before.get(index)).getCommandSpec();
      index++;
    }
    Line typed = Line.read(spec, before.subList(index, before.size()));
    if (typed.pending != null) {
      return values(typed.pending, partial, "", typed);
    }
    if (partial.startsWith("-")) {
      int equals = partial.indexOf('=');
      if (equals > 0) {
        OptionSpec option = spec.findOption(partial.substring(0, equals));
        return option == null
            ? List.of()
            : values(
                option, partial.substring(equals + 1), partial.substring(0, equals + 1), typed);
      }
      for (OptionSpec option : spec.options()) {
        if (!option.hidden()) {
          for (String name : option.names()) {
            result.add(word(name, "options", first(option.description())));
          }
        }
      }
      return matching(result, partial);
    }
    if (!spec.subcommands().isEmpty()) {
      for (Map.Entry<String, CommandLine> command : spec.subcommands().entrySet()) {
        result.add(word(command.getKey(), "commands", summary(command.getValue())));
      }
      return matching(result, partial);
    }
    if (spec.name().equals("discover")) {
      for (String id : catalogue.serviceIds(typed.last("--provider"))) {
        if (!typed.positionals.contains(id)) {
          result.add(word(id, "services", null));
        }
      }
      return matching(result, partial);
    }
    for (PositionalParamSpec positional : spec.positionalParameters()) {
      if (positional.completionCandidates() != null) {
        positional.completionCandidates().forEach(value -> result.add(word(value, null, null)));
      }
    }
    return matching(result, partial);
  }

  /** The values of {@code option}; for a comma-separated list, the next item after the commas. */
  private List<Candidate> values(OptionSpec option, String partial, String prefix, Line typed) {
    List<String> values = new ArrayList<>();
    switch (option.longestName()) {
      case "--region":
        values.addAll(catalogue.regions(typed.last("--provider"), typed.positionals));
        break;
      case "--attributes":
        values.addAll(catalogue.attributeKeys(typed.positionals));
        break;
      case "--profile":
        values.addAll(profiles.get());
        break;
      default:
        if (option.completionCandidates() != null) {
          option.completionCandidates().forEach(values::add);
        }
    }
    boolean list = !option.splitRegex().isEmpty();
    String done = "";
    Set<String> chosen = new HashSet<>();
    if (list && partial.lastIndexOf(',') >= 0) {
      done = partial.substring(0, partial.lastIndexOf(',') + 1);
      chosen.addAll(Arrays.asList(done.split(",")));
    }
    List<Candidate> result = new ArrayList<>();
    for (String value : values) {
      if (!chosen.contains(value)) {
        // A list item leaves the cursor on the word, so that a comma and one more item can follow.
        result.add(new Candidate(prefix + done + value, value, null, null, null, null, !list));
      }
    }
    return matching(result, prefix + partial);
  }

  private static List<Candidate> matching(List<Candidate> candidates, String partial) {
    List<Candidate> result = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.value().startsWith(partial)) {
        result.add(candidate);
      }
    }
    return result;
  }

  private static Candidate word(String value, String group, String description) {
    return new Candidate(value, value, group, description, null, null, true);
  }

  private static String summary(CommandLine command) {
    return first(command.getCommandSpec().usageMessage().description());
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? null : lines[0];
  }

  /** What a command line holds so far: its positionals, option values and a pending option. */
  private static final class Line {
    final List<String> positionals = new ArrayList<>();
    final Map<String, List<String>> options = new HashMap<>();
    OptionSpec pending;

    static Line read(CommandSpec spec, List<String> words) {
      Line line = new Line();
      for (int i = 0; i < words.size(); i++) {
        String word = words.get(i);
        int equals = word.indexOf('=');
        OptionSpec option =
            word.startsWith("-")
                ? spec.findOption(equals > 0 ? word.substring(0, equals) : word)
                : null;
        if (option == null) {
          if (!word.startsWith("-")) {
            line.positionals.add(word);
          }
        } else if (option.arity().max() > 0 && equals > 0) {
          line.add(option, word.substring(equals + 1));
        } else if (option.arity().max() > 0 && i + 1 < words.size()) {
          line.add(option, words.get(++i));
        } else if (option.arity().max() > 0) {
          line.pending = option;
        }
      }
      return line;
    }

    private void add(OptionSpec option, String value) {
      List<String> values =
          options.computeIfAbsent(option.longestName(), name -> new ArrayList<>());
      values.addAll(
          option.splitRegex().isEmpty() ? List.of(value) : Arrays.asList(value.split(",")));
    }

    /** The last value given to the option, or null. */
    String last(String name) {
      List<String> values = options.get(name);
      return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
  }
}
