package cloud.lightpane.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What docs/cli.md promises of {@code NO_COLOR}, {@code CLICOLOR_FORCE} and {@code COLUMNS}, with
 * the real {@code ./lightpane} on a real pseudo-terminal ({@code script -qec} from util-linux) or a
 * pipe. The command is {@code lightpane services -p azure}: offline, and its table is the one the
 * doc shows. Every expected byte is written out here; the terminal turns {@code \n} into {@code
 * \r\n}, which {@link #onTerminal} turns back. Runs after {@code package} (failsafe). Skipped where
 * {@code script} is missing, failed then under CI.
 */
@DisabledOnOs(OS.WINDOWS)
class TerminalWidthIT {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final String COMMAND = "./lightpane services -p azure";

  /** The doc's table, piped: complete, no escape code, whatever {@code COLUMNS} says. */
  private static final String PLAIN_ROWS =
      """
      azure_virtual_machines  azure     Virtual Machines  regional  8
      azure_storage_accounts  azure     Storage Accounts  regional  8
      azure_sql_databases     azure     SQL Databases     regional  7
      azure_aks_clusters      azure     AKS Clusters      regional  7
      azure_function_apps     azure     Function Apps     regional  6
      azure_key_vaults        azure     Key Vaults        regional  6
      azure_virtual_networks  azure     Virtual Networks  regional  5
      azure_resource_groups   azure     Resource Groups   regional  4
      azure_entra_users       azure     Entra ID Users    global    5
      """;

  private static final String PLAIN =
      "ID                      Provider  Label             Scope     Columns\n" + PLAIN_ROWS;

  /** The same, labels bold: ESC[1m before each label, ESC[0m after it, padding outside. */
  private static final String BOLD =
      "\u001b[1mID\u001b[0m                      \u001b[1mProvider\u001b[0m  \u001b[1mLabel\u001b[0m"
          + "             \u001b[1mScope\u001b[0m     \u001b[1mColumns\u001b[0m\n"
          + PLAIN_ROWS;

  /**
   * At 40 columns: 4 gaps of 2 leave 32 for 5 columns, so every column is cut to 6 (5 characters
   * and …) except Provider ("azure" fits); the last column keeps what is left of the line, 8, so
   * "Columns" shows whole.
   */
  private static final String CUT_ROWS =
      """
      azure…  azure   Virtu…  regio…  8
      azure…  azure   Stora…  regio…  8
      azure…  azure   SQL D…  regio…  7
      azure…  azure   AKS C…  regio…  7
      azure…  azure   Funct…  regio…  6
      azure…  azure   Key V…  regio…  6
      azure…  azure   Virtu…  regio…  5
      azure…  azure   Resou…  regio…  4
      azure…  azure   Entra…  global  5
      """;

  private static final String CUT_BOLD =
      "\u001b[1mID\u001b[0m      \u001b[1mProvi…\u001b[0m  \u001b[1mLabel\u001b[0m   "
          + "\u001b[1mScope\u001b[0m   \u001b[1mColumns\u001b[0m\n"
          + CUT_ROWS;

  private static final String CUT_PLAIN = "ID      Provi…  Label   Scope   Columns\n" + CUT_ROWS;

  @Test
  void columnsCutsTheCellsWithAnEllipsisAtThatWidthAndLabelsAreBold() throws Exception {
    assertEquals(CUT_BOLD, onTerminal(Map.of("COLUMNS", "40"), COMMAND));
  }

  @Test
  void withoutColumnsTheTerminalsOwnWidthIsUsed() throws Exception {
    // 50 columns: 42 for the cells, the cap is 9 (9+8+9+8+7 = 41); the last column gets 8.
    String expected =
        "\u001b[1mID\u001b[0m         \u001b[1mProvider\u001b[0m  \u001b[1mLabel\u001b[0m"
            + "      \u001b[1mScope\u001b[0m     \u001b[1mColumns\u001b[0m\n"
            + "azure_vi…  azure     Virtual …  regional  8\n"
            + "azure_st…  azure     Storage …  regional  8\n"
            + "azure_sq…  azure     SQL Data…  regional  7\n"
            + "azure_ak…  azure     AKS Clus…  regional  7\n"
            + "azure_fu…  azure     Function…  regional  6\n"
            + "azure_ke…  azure     Key Vaul…  regional  6\n"
            + "azure_vi…  azure     Virtual …  regional  5\n"
            + "azure_re…  azure     Resource…  regional  4\n"
            + "azure_en…  azure     Entra ID…  global    5\n";
    assertEquals(expected, onTerminal(Map.of(), "stty cols 50 && " + COMMAND));
  }

  @Test
  void noColorWithAnyValueTurnsTheBoldOffButStillFitsTheWidth() throws Exception {
    assertEquals(CUT_PLAIN, onTerminal(Map.of("COLUMNS", "40", "NO_COLOR", "1"), COMMAND));
    // no-color.org: any value, "0" and "false" included...
    assertEquals(CUT_PLAIN, onTerminal(Map.of("COLUMNS", "40", "NO_COLOR", "0"), COMMAND));
    assertEquals(CUT_PLAIN, onTerminal(Map.of("COLUMNS", "40", "NO_COLOR", "false"), COMMAND));
    // ...but an empty NO_COLOR is as if unset.
    assertEquals(CUT_BOLD, onTerminal(Map.of("COLUMNS", "40", "NO_COLOR", ""), COMMAND));
  }

  @Test
  void noColorOptionTurnsTheBoldOffOnATerminal() throws Exception {
    assertEquals(
        CUT_PLAIN, onTerminal(Map.of("COLUMNS", "40"), "./lightpane --no-color services -p azure"));
  }

  @Test
  void aPipedTableIsCompleteWithoutAnyEscapeWhateverColumnsSays() throws Exception {
    String out = piped(Map.of("COLUMNS", "40"), "services", "-p", "azure");
    assertEquals(PLAIN, out);
    assertTrue(out.indexOf('\u001b') < 0, "no escape at all");
  }

  @Test
  void clicolorForceMakesThePipedTableBoldButNeverCutsIt() throws Exception {
    assertEquals(
        BOLD, piped(Map.of("CLICOLOR_FORCE", "1", "COLUMNS", "40"), "services", "-p", "azure"));
    assertEquals(BOLD, piped(Map.of("CLICOLOR_FORCE", "yes"), "services", "-p", "azure"));
    assertEquals(PLAIN, piped(Map.of("CLICOLOR_FORCE", "0"), "services", "-p", "azure"));
    assertEquals(PLAIN, piped(Map.of("CLICOLOR_FORCE", ""), "services", "-p", "azure"));
  }

  @Test
  void clicolorForceGivesNoColourToTheOtherFormats() throws Exception {
    String csv =
        "id,provider,label,scope,columns\r\n"
            + "azure_virtual_machines,azure,Virtual Machines,regional,8\r\n"
            + "azure_storage_accounts,azure,Storage Accounts,regional,8\r\n"
            + "azure_sql_databases,azure,SQL Databases,regional,7\r\n"
            + "azure_aks_clusters,azure,AKS Clusters,regional,7\r\n"
            + "azure_function_apps,azure,Function Apps,regional,6\r\n"
            + "azure_key_vaults,azure,Key Vaults,regional,6\r\n"
            + "azure_virtual_networks,azure,Virtual Networks,regional,5\r\n"
            + "azure_resource_groups,azure,Resource Groups,regional,4\r\n"
            + "azure_entra_users,azure,Entra ID Users,global,5\r\n";
    assertEquals(csv, piped(Map.of("CLICOLOR_FORCE", "1"), "services", "-p", "azure", "-o", "csv"));
  }

  @Test
  void noColorWinsOverClicolorForceAndSoDoesTheOption() throws Exception {
    assertEquals(
        PLAIN, piped(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), "services", "-p", "azure"));
    assertEquals(
        PLAIN, piped(Map.of("CLICOLOR_FORCE", "1"), "--no-color", "services", "-p", "azure"));
    assertEquals(
        CUT_PLAIN,
        onTerminal(Map.of("COLUMNS", "40", "CLICOLOR_FORCE", "1", "NO_COLOR", "1"), COMMAND));
  }

  /**
   * Runs {@code command} (by sh) on a pseudo-terminal; returns what it showed, {@code \r\n} as
   * {@code \n}.
   */
  private static String onTerminal(Map<String, String> env, String command) throws Exception {
    Path script = RequiredTool.find("script (util-linux)", "script");
    String out = run(env, List.of(script.toString(), "-qec", command, "/dev/null"));
    return out.replace("\r\n", "\n");
  }

  /** Runs {@code ./lightpane args...} with stdout a pipe. */
  private static String piped(Map<String, String> env, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("./lightpane"));
    command.addAll(List.of(args));
    return run(env, command);
  }

  private static String run(Map<String, String> env, List<String> command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(ROOT.toFile())
            .redirectInput(new File("/dev/null"))
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            name ->
                name.startsWith("LIGHTPANE_")
                    || name.equals("COLUMNS")
                    || name.equals("LINES")
                    || name.equals("NO_COLOR")
                    || name.equals("CLICOLOR_FORCE"));
    environment.put("TERM", "xterm-256color");
    environment.put("SHELL", "/bin/sh");
    environment.putAll(env);
    Process process = builder.start();
    byte[] bytes = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ended: " + command);
    assertEquals(0, process.exitValue(), "exit status of " + command);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
