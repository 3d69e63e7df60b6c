package cloud.lightpane.cli.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cloud.lightpane.cli.Main;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandTree;
import cloud.lightpane.cli.terminal.TerminalFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The shell's background warm-up: its own server, quiet, out of the user's way, and finite. */
class WarmUpTest {
  @TempDir Path config;

  private static final TerminalFacts FACTS = new TerminalFacts(true, 120, false);

  /** A tree that answers each command line with {@code answer} and records what it was given. */
  private static final class Recording implements CommandTree {
    final List<List<String>> lines = Collections.synchronizedList(new ArrayList<>());
    final List<String> logSettings = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
    private final Answer answer;

    Recording(Answer answer) {
      this.answer = answer;
    }

    @Override
    public CommandLine build(CliContext context) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int run(String[] args, CliContext context, CommandLine.IDefaultValueProvider defaults) {
      lines.add(List.of(args));
      logSettings.add(context.env("LIGHTPANE_LOG"));
      int code = answer.run(args, context, lines.size());
      codes.add(code);
      return code;
    }
  }

  private interface Answer {
    int run(String[] args, CliContext context, int count);
  }

  @Test
  void everyLineRunsWithItsOwnEmbeddedServerWithoutTheTraceAndStopsAfterItsRuns() throws Exception {
    // The real commands: a line the demo inventory cannot answer (a wrong column in --where)
    // would fail, and the warm-up would stop after it instead of running all eight.
    Recording tree = new Recording((args, context, count) -> Main.run(args, context));
    Map<String, String> env =
        Map.of("LIGHTPANE_CONFIG_DIR", config.toString(), "LIGHTPANE_LOG", "debug");
    WarmUp warmUp = new WarmUp(tree, env, () -> FACTS, 8);
    warmUp.start();
    assertTrue(warmUp.awaitEnd(120_000), "the warm-up did not end");
    assertEquals(8, warmUp.done());
    assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), tree.codes);
    for (List<String> line : tree.lines) {
      assertTrue(line.contains("--embedded"), "not against its own server: " + line);
    }
    assertEquals(WarmUp.LINES, tree.lines.subList(0, 4));
    assertEquals(WarmUp.LINES, tree.lines.subList(4, 8));
    for (String log : tree.logSettings) {
      assertNull(log, "LIGHTPANE_LOG would aim the shared trace at the warm-up");
    }
  }

  @Test
  void aFailingCommandEndsTheWarmUp() throws Exception {
    Recording tree = new Recording((args, context, count) -> 2);
    WarmUp warmUp = new WarmUp(tree, Map.of(), () -> FACTS, 50);
    warmUp.start();
    assertTrue(warmUp.awaitEnd(30_000));
    assertEquals(1, warmUp.done());
  }

  @Test
  void aUsersCommandInterruptsTheRunAndHoldsTheNextUntilItEnds() throws Exception {
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch firstEnded = new CountDownLatch(1);
    Recording tree =
        new Recording(
            (args, context, count) -> {
              if (count > 1) {
                return 0;
              }
              firstStarted.countDown();
              try {
                Thread.sleep(60_000);
                return 0;
              } catch (InterruptedException e) {
                return 130; // as a command cancelled by Ctrl-C
              } finally {
                firstEnded.countDown();
              }
            });
    WarmUp warmUp = new WarmUp(tree, Map.of(), () -> FACTS, 3);
    warmUp.start();
    assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
    warmUp.commandStarting();
    assertTrue(firstEnded.await(30, TimeUnit.SECONDS), "the run was not interrupted");
    // While the user's command runs, nothing else starts.
    assertTrue(!warmUp.awaitEnd(500));
    assertEquals(1, tree.lines.size());
    warmUp.commandEnded();
    // The interrupted run did not end the warm-up: the other two run, then it stops.
    assertTrue(warmUp.awaitEnd(30_000));
    assertEquals(3, tree.lines.size());
    assertEquals(List.of(130, 0, 0), tree.codes);
  }

  @Test
  void closingEndsItBeforeItsRuns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Recording tree =
        new Recording(
            (args, context, count) -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return 0;
            });
    WarmUp warmUp = new WarmUp(tree, Map.of(), () -> FACTS, 100);
    warmUp.start();
    warmUp.close();
    release.countDown();
    assertTrue(warmUp.awaitEnd(30_000));
    assertTrue(warmUp.done() <= 1, "ran on after close: " + warmUp.done());
  }

  @Test
  void closingWhileTheUsersCommandRunsEndsItWithoutAnotherRun() throws Exception {
    Recording tree = new Recording((args, context, count) -> 0);
    WarmUp warmUp = new WarmUp(tree, Map.of(), () -> FACTS, 100);
    warmUp.commandStarting(); // the shell's exit can come while a command is on its way out
    warmUp.start();
    // Close only once the warm-up waits for the command to end: the close must wake it.
    Thread waiting = warmUpThread();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (waiting.getState() != Thread.State.WAITING && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    assertEquals(Thread.State.WAITING, waiting.getState());
    warmUp.close();
    assertTrue(warmUp.awaitEnd(30_000), "the warm-up waited on after close");
    assertEquals(0, tree.lines.size());
  }

  private static Thread warmUpThread() throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      for (Thread thread : Thread.getAllStackTraces().keySet()) {
        if (thread.getName().equals("lightpane-shell-warm-up") && thread.isAlive()) {
          return thread;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no warm-up thread");
  }
}
