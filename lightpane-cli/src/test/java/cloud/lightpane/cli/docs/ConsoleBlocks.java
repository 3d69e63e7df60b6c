package cloud.lightpane.cli.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ```console} blocks of a Markdown file, as docs/CONTRIBUTING-docs.md describes them: a
 * line starting {@code $ } is a command (a line ending in a backslash goes on on the next line),
 * the lines up to the next command are the output it shows. An info string {@code console no-run}
 * marks a block that is not run; what follows {@code no-run} is the reason.
 */
final class ConsoleBlocks {
  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*(.*)$");

  private ConsoleBlocks() {}

  /** One command with the output lines the doc shows after it (empty: output not shown). */
  record Command(int line, String text, List<String> expected) {}

  /** A block: where it starts (1-based line of the fence), its info string and its commands. */
  record Block(String file, int line, String info, List<Command> commands) {
    boolean runs() {
      return !noRunReason().isPresent();
    }

    Optional<String> noRunReason() {
      String[] words = info.trim().split("\\s+", 2);
      if (words.length > 1 && words[1].startsWith("no-run")) {
        return Optional.of(words[1].substring("no-run".length()).replaceFirst("^[:\\s]+", ""));
      }
      return Optional.empty();
    }

    String where() {
      return file + ":" + line;
    }
  }

  static List<Block> read(Path file, String name) throws IOException {
    return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  /**
   * The console blocks of {@code lines}; fences of other languages (and their insides) are skipped.
   */
  static List<Block> parse(String name, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        i++;
        continue;
      }
      String fence = open.group(1);
      String info = open.group(2);
      int start = i;
      List<String> body = new ArrayList<>();
      i++;
      while (i < lines.size() && !closes(lines.get(i), fence)) {
        body.add(lines.get(i));
        i++;
      }
      i++;
      if (info.equals("console") || info.startsWith("console ")) {
        blocks.add(new Block(name, start + 1, info, commands(body, start + 2)));
      }
    }
    return blocks;
  }

  private static boolean closes(String line, String fence) {
    String trimmed = line.strip();
    return trimmed.length() >= fence.length()
        && trimmed.chars().allMatch(c -> c == fence.charAt(0));
  }

  private static List<Command> commands(List<String> body, int firstLine) {
    List<Command> commands = new ArrayList<>();
    int i = 0;
    while (i < body.size()) {
      String line = body.get(i);
      if (!line.startsWith("$ ")) {
        throw new IllegalArgumentException(
            "line " + (firstLine + i) + ": output before any command: " + line);
      }
      int at = firstLine + i;
      StringBuilder text = new StringBuilder(line.substring(2));
      while (text.toString().endsWith("\\") && i + 1 < body.size()) {
        i++;
        text.append('\n').append(body.get(i));
      }
      i++;
      List<String> expected = new ArrayList<>();
      while (i < body.size() && !body.get(i).startsWith("$ ")) {
        expected.add(body.get(i));
        i++;
      }
      commands.add(new Command(at, text.toString(), List.copyOf(expected)));
    }
    return commands;
  }
}
