package cloud.lightpane.cli.diff;

import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.LocalCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightpane redact SNAPSHOT --columns a,b}: the snapshot with those columns' values replaced
 * by stable pseudonyms, so that a recorded estate can be committed or shared.
 */
@Command(
    name = "redact",
    mixinStandardHelpOptions = true,
    description = {
      "Print SNAPSHOT (discover -o jsonl or -o json; '-' reads stdin) with the values of the"
          + " --columns replaced by pseudonyms (anon_ and 16 hex digits of an HMAC-SHA-256 keyed"
          + " with the salt), every other byte unchanged.",
      "The same value and salt give the same pseudonym, so redacted snapshots still diff and"
          + " join. Keep the salt secret: with it, a guessed value can be checked."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane redact estate.jsonl --columns instance_id,private_ip,public_ip > public.jsonl",
      "  LIGHTPANE_REDACT_SALT=... lightpane redact - --columns bucket_name < s3.json",
      "",
      "See docs/cli.md."
    })
public final class RedactCommand implements Callable<Integer>, LocalCommand {
  static final String SALT_VARIABLE = "LIGHTPANE_REDACT_SALT";

  private final CliContext context;
  private final GlobalOptions global;

  @Parameters(paramLabel = "SNAPSHOT", description = "The snapshot to redact, or '-' for stdin.")
  String snapshot;

  @Option(
      names = "--columns",
      paramLabel = "COL",
      split = ",",
      required = true,
      description = "The columns whose values to replace (comma-separated or repeated).")
  List<String> columns = new ArrayList<>();

  @Option(
      names = "--salt",
      paramLabel = "TEXT",
      description =
          "The key of the pseudonyms (env " + SALT_VARIABLE + ", which keeps it out of ps).")
  String salt;

  public RedactCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Set<String> wanted = new LinkedHashSet<>();
    for (String column : columns) {
      if (!column.isBlank()) {
        wanted.add(column.trim());
      }
    }
    if (wanted.isEmpty()) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Name the columns to redact, e.g. --columns instance_id,private_ip");
    }
    String key = salt != null ? salt : context.env(SALT_VARIABLE);
    if (key == null) {
      context
          .stderr()
          .println(
              "lightpane: warning: no salt: anyone can check a guessed value against its"
                  + " pseudonym; give --salt or "
                  + SALT_VARIABLE
                  + " (and keep it secret) for a snapshot you share");
    }
    SnapshotRedactor redactor =
        new SnapshotRedactor(snapshot, wanted, new Pseudonyms(key == null ? "" : key));
    context.flush();
    try (SnapshotInput input = SnapshotInput.open(snapshot, context)) {
      try {
        redactor.redact(input, context.stdout());
      } catch (SnapshotException e) {
        throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
      } catch (SnapshotInput.Unreadable e) {
        throw input.failure(e);
      }
    }
    for (String column : wanted) {
      if (!redactor.seen().contains(column)) {
        context
            .stderr()
            .println(
                "lightpane: warning: no row has a column '"
                    + cloud.lightpane.cli.render.TextTable.visible(column)
                    + "', so nothing of it was redacted (check the name)");
      }
    }
    return ExitCodes.OK;
  }
}
