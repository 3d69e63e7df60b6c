package cloud.lightpane.cli.dist;

import static cloud.lightpane.cli.dist.Release.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The zip for any Java 17+, unzipped and run with the machine's own Java through a symlink. */
@DisabledOnOs(OS.WINDOWS)
class PortableZipIT {
  @TempDir Path machine;

  @Test
  void runsWithTheSystemsJavaThroughASymlink() throws Exception {
    Command.ok(machine, "unzip", "-q", Release.ZIP.toString());
    Path install = machine.resolve("lightpane-" + VERSION);
    for (String file :
        List.of(
            "bin/lightpane.cmd",
            "lib/lightpane.jar",
            "share/man/man1/lightpane.1",
            "share/bash-completion/completions/lightpane",
            "share/zsh/site-functions/_lightpane",
            "LICENSE",
            "NOTICE")) {
      assertTrue(Files.isRegularFile(install.resolve(file)), file);
    }
    Path bin = Files.createDirectories(machine.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("lightpane"), install.resolve("bin/lightpane"));
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    Map<String, String> env =
        Map.of(
            "PATH", bin + ":" + javaBin + ":/usr/bin:/bin",
            "HOME", machine.toString(),
            "LIGHTPANE_CONFIG_DIR", machine.resolve("config").toString());

    assertEquals(
        new Command(0, "lightpane " + VERSION + "\n", ""),
        Command.run(machine, env, bin.resolve("lightpane").toString(), "--version"));
    Command csv = Release.s3Csv(machine, env, bin.resolve("lightpane").toString());
    Release.assertDemoCsv(csv);

    // A machine without Java: only the tools the launcher itself uses are on the PATH.
    Path tools = Files.createDirectories(machine.resolve("tools"));
    for (String tool : List.of("bash", "env", "readlink", "dirname")) {
      Files.createSymbolicLink(tools.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
    }
    Command noJava =
        Command.run(
            machine,
            Map.of("PATH", bin + ":" + tools),
            bin.resolve("lightpane").toString(),
            "--version");
    assertEquals(1, noJava.exit(), noJava.toString());
    assertEquals(
        "lightpane: no Java found: install Java 17 or newer, or set JAVA_HOME (or use the"
            + " self-contained lightpane-*-linux-x64.tar.gz)\n",
        noJava.err());
  }
}
