package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** After Ctrl-C, nothing a cancelled command still writes reaches the screen. */
class CommandOutputTest {
  @Test
  void cutDropsStderrAndStopsStdout() throws Exception {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    StringWriter errors = new StringWriter();
    CommandOutput output = new CommandOutput(screen, new PrintWriter(errors));
    output.stdout().write("row 1\n".getBytes(StandardCharsets.UTF_8));
    output.stderr().println("lightpane: working");

    output.cut();
    assertThrows(
        InterruptedIOException.class,
        () -> output.stdout().write("row 2\n".getBytes(StandardCharsets.UTF_8)));
    output.stderr().println("lightpane: Interrupted");
    output.stdout().close(); // the shell's own stdout stays usable

    assertEquals("row 1\n", screen.toString(StandardCharsets.UTF_8));
    assertEquals("lightpane: working" + System.lineSeparator(), errors.toString());
  }
}
