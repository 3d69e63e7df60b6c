package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.LightpaneCommand;
import cloud.lightpane.cli.candidates.CatalogueValues;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/** What Tab offers in the shell for a partly typed line, through JLine's own parser. */
class CommandCompleterTest {
  private static final CliContext CONTEXT =
      new CliContext(
          new ByteArrayOutputStream(),
          new PrintWriter(new StringWriter()),
          InputStream.nullInputStream(),
          Map.of(),
          TerminalFacts::piped,
          null);

  private final CommandCompleter completer =
      new CommandCompleter(
          LightpaneCommand.commandLine(CONTEXT).getCommandSpec(),
          CatalogueValues.builtIn(),
          () -> List.of("default", "prod", "staging"));

  /** The values Tab offers with the cursor at the end of {@code line}. */
  private List<String> tab(String line) {
    ParsedLine parsed = new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parsed, candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test
  void commandNamesAndShellWords() {
    assertEquals(List.of("discover"), tab("disc"));
    List<String> all = tab("");
    assertTrue(
        all.containsAll(List.of("discover", "keys", "config", "exit", "quit", "help")), "" + all);
    assertFalse(all.contains("shell"), "no shell inside the shell: " + all);
    assertEquals(List.of("create", "list", "revoke"), tab("keys ").stream().sorted().toList());
    assertEquals(List.of("discover"), tab("help dis"));
  }

  @Test
  void serviceIdsFromThePartialWordAndNarrowedByProvider() {
    assertEquals(
        List.of("ec2", "ecr_repositories", "ecs_clusters"),
        tab("discover ec").stream().sorted().toList());
    List<String> gcp = tab("discover -p gcp ");
    assertTrue(gcp.contains("gcp_compute_instances"), "" + gcp);
    assertTrue(gcp.stream().allMatch(id -> id.startsWith("gcp_")), "only gcp services: " + gcp);
    assertEquals(List.of("gcp_compute_instances"), tab("discover --provider gcp gcp_comp"));
    assertFalse(tab("discover s3 ").contains("s3"), "a service already typed is not offered again");
  }

  @Test
  void regionsOfTheProviderOrOfTheServicesTyped() {
    assertEquals(List.of("eu-west-1", "eu-west-2", "eu-west-3"), tab("discover s3 -r eu-west-"));
    List<String> gcp = tab("discover gcp_compute_instances --region ");
    assertTrue(gcp.contains("europe-west2"), "" + gcp);
    assertFalse(gcp.contains("eu-west-2"), "no AWS region for a GCP service: " + gcp);
    List<String> azure = tab("discover -p azure -r ");
    assertTrue(azure.contains("uksouth"), "" + azure);
    assertEquals(List.of("--region=eu-west-2"), tab("discover s3 --region=eu-west-2"));
    assertEquals(List.of("eu-west-2,eu-west-1"), tab("discover s3 -r eu-west-2,eu-west-1"));
  }

  @Test
  void attributeKeysOfTheServicesTypedAlsoAfterAComma() {
    assertEquals(List.of("instance_id", "instance_type"), tab("discover ec2 -a inst"));
    List<String> next = tab("discover ec2 -r eu-west-2 -a instance_id,");
    assertTrue(next.contains("instance_id,state"), "" + next);
    assertFalse(next.contains("instance_id,instance_id"), "a chosen key is not offered again");
    assertTrue(tab("discover s3 -a ").contains("bucket_name"));
    assertFalse(tab("discover s3 -a ").contains("instance_id"), "only the keys of s3");
  }

  @Test
  void optionsFormatsProfilesAndFixedValues() {
    assertEquals(
        List.of("table", "csv", "tsv", "json", "jsonl", "markdown"), tab("discover s3 -o "));
    assertEquals(List.of("jsonl"), tab("keys list --output jsonl"));
    assertEquals(List.of("--profile"), tab("discover s3 --prof"));
    assertEquals(List.of("prod"), tab("discover s3 --profile pr"));
    assertEquals(List.of("--region"), tab("discover s3 --reg"));
    assertEquals(List.of("demo"), tab("keys create --type de"));
    assertEquals(List.of("bash"), tab("completion b"));
  }
}
