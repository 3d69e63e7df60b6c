package cloud.lightpane.cli.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.terminal.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bash script made at build time, sourced by a real bash and asked what Tab would offer, as
 * bash's programmable completion asks it.
 */
class CompletionScriptTest {
  private static final Path SCRIPT = Path.of("target", "completion", "lightpane.bash");

  /** COMPREPLY for {@code line} with the cursor at its end. */
  private static List<String> complete(String line) throws Exception {
    RequiredTool.find("bash", "bash");
    assertTrue(Files.isRegularFile(SCRIPT), "the build writes " + SCRIPT);
    String program =
        "source \"$1\"\n"
            + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
            + "read -ra COMP_WORDS <<< \"$2\"\n"
            + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=('')\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "COMPREPLY=()\n"
            + "_complete_lightpane 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash =
        new ProcessBuilder("/bin/bash", "-c", program, "bash", SCRIPT.toString(), line)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    bash.getOutputStream().close();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash finished");
    return out.lines().filter(word -> !word.isEmpty()).sorted().toList();
  }

  @Test
  void commandsAndServiceIds() throws Exception {
    assertEquals(List.of("discover"), complete("lightpane disc"));
    assertEquals(
        List.of("ec2", "ecr_repositories", "ecs_clusters"), complete("lightpane discover ec"));
    assertEquals(List.of("gcp_compute_instances"), complete("lightpane discover s3 gcp_comp"));
    assertEquals(List.of("serve", "services"), complete("lightpane serv"));
    assertEquals(
        List.of("ec2", "ecr_repositories", "ecs_clusters"),
        complete("lightpane services describe ec"));
    assertEquals(List.of("--where"), complete("lightpane discover s3 --whe"));
    assertEquals(List.of("all"), complete("lightpane discover s3 -r al"));
  }

  @Test
  void regionsFormatsAndAttributeKeys() throws Exception {
    List<String> euWest = List.of("eu-west-1", "eu-west-2", "eu-west-3");
    assertEquals(euWest, complete("lightpane discover s3 --region eu-west-"));
    assertEquals(euWest, complete("lightpane discover s3 -r eu-west-"));
    assertEquals(List.of("europe-west2"), complete("lightpane discover s3 -r europe-west2"));
    assertEquals(
        List.of("csv", "json", "jsonl", "markdown", "table", "tsv"),
        complete("lightpane discover s3 -o "));
    assertEquals(List.of("bucket_name"), complete("lightpane discover s3 -a bucket_n"));
    assertEquals(List.of("bash", "zsh"), complete("lightpane completion "));
  }
}
