# The JVM options of one lightpane run, shared by every launcher: the clone's ./lightpane and the
# release archives' bin/lightpane source this file, then call lightpane_jvm_options with the
# command about to run; it sets the array `jvm`.
#
# A one-shot command gets a JVM tuned for a short-lived process: Serial GC, a small bounded heap
# and stack, no perf-data file. An 8 MiB young generation: with the 2-3 MiB that -Xms8m gave it, a
# million rows took 500 young collections (0.5 s of pauses; 165 and 0.13 s now) and a 300-row run
# 2 (now 1).
# Compilers, per command: `discover` and `diff` may stream millions of rows, so they keep both
# tiered compilers, with C2's thresholds raised tenfold: a 300-row run ends before C2 starts work,
# a million rows get C2's code after about a second (1M-row CSV 1.9 s instead of 2.7 s with C1
# only, peak RSS about 71 MiB instead of 56; the figures are in docs/benchmarks.md). Every other
# command prints a screenful at most and runs C1 only, which starts faster.
# `serve` is long-lived and gets the JVM's defaults; `shell` is long-lived too: the optimising
# compiler pays off and large results get the default heap.
# A proxy's Basic challenge to an https tunnel is answered because Main clears
# jdk.http.auth.tunneling.disabledSchemes before any HTTP class reads it: no flag is needed here
# (nor in lightpane.cmd); LauncherIT checks it through ./lightpane.
lightpane_jvm_options() {
  local short=(-XX:+UseSerialGC -Xms16m -Xmn8m -Xmx64m -Xss512k -XX:-UsePerfData)
  case "${1:-}" in
    serve) jvm=() ;;
    shell) jvm=(-XX:+UseSerialGC -XX:-UsePerfData) ;;
    discover | diff)
      # C2's inlining bounded (hot callees up to 150 bytecodes instead of 325, already-compiled
      # ones up to 1000 bytes of code instead of 2500): the row loop's compilation (an OSR of the
      # reader's loop with the parser and the renderer inlined) otherwise mallocs about 30 MiB at
      # once in one run of four or five, and a million-row export peaked at 97-110 MiB instead of
      # 71. Bounded: 63-68 MiB in 40 runs over every format, and no slower (CSV 1.70 s against
      # 1.86 s, JSON Lines 2.00 against 1.96 s; docs/benchmarks.md).
      jvm=("${short[@]}" -XX:CICompilerCount=2 -XX:Tier4InvocationThreshold=50000
           -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000
           -XX:FreqInlineSize=150 -XX:InlineSmallCode=1000)
      # C2's compiler thread mallocs in an arena of its own: with two arenas at most, fewer high
      # runs (MALLOC_ARENA_MAX=1 made no difference). For the java this launcher execs.
      export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" ;;
    *) jvm=("${short[@]}" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1) ;;
  esac
}

# Makes the class-data archive JSA of JAR with JAVA (the clone's ./lightpane after each build, the
# release build once for the archives): training runs record the classes a typical run loads
# (client, catalogue, renderers, the command tree), then a static archive of them is dumped. A
# static archive, unlike one made with -XX:ArchiveClassesAtExit, can hold picocli's classes
# (compiled for Java 5), which are the largest share of start-up. Returns non-zero on failure;
# JSA is then left as it was and the dump's messages are in JSA.log.
lightpane_class_archive() {
  local java="$1" jar="$2" jsa="$3" list="$3.$$.classes" format ok=0
  lightpane_jvm_options discover
  for format in csv table json; do
    "$java" -XX:DumpLoadedClassList="$list.$format" "${jvm[@]}" -jar "$jar" \
      discover s3 ec2 --region eu-west-2 --embedded -o "$format" >/dev/null 2>&1 || true
  done
  # JDK 25 numbers the classes of each list ("name id: N"); merged lists drop the numbers. They
  # drop the @cp lines too (JDK 21+: constants to resolve at dump time): resolving them links the
  # class, and JDK 25 leaves out of the archive any linked class older than Java 6, so picocli's
  # classes and ours that implement its interfaces were loaded from the jar on every run (the
  # release's 300-row discover used 40 ms more CPU; docs/benchmarks.md).
  cat "$list".* 2>/dev/null | sed -E -e '/^@cp /d' -e 's/ id: [0-9]+$//' | awk '!seen[$0]++' >"$list"
  if [[ -s "$list" ]] && "$java" -Xshare:dump -XX:SharedClassListFile="$list" \
      -XX:SharedArchiveFile="$jsa.$$.tmp" -cp "$jar" >"$list.log" 2>&1; then
    mv -f "$jsa.$$.tmp" "$jsa"
  else
    mv -f "$list.log" "$jsa.log"
    ok=1
  fi
  rm -f "$list" "$list".* "$jsa.$$.tmp"
  return "$ok"
}
