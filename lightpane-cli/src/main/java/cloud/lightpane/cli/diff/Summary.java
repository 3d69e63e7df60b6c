package cloud.lightpane.cli.diff;

/** How many resources were added, removed and changed. */
final class Summary {
  private long added;
  private long removed;
  private long changed;

  void count(Difference.Change change) {
    switch (change) {
      case ADDED -> added++;
      case REMOVED -> removed++;
      case CHANGED -> changed++;
    }
  }

  long added() {
    return added;
  }

  long removed() {
    return removed;
  }

  long changed() {
    return changed;
  }

  long total() {
    return added + removed + changed;
  }

  /**
   * {@code 3 differences: 1 added, 1 removed, 1 changed}, or {@code No differences.}, for people.
   */
  String sentence() {
    long total = total();
    if (total == 0) {
      return "No differences.";
    }
    return total
        + (total == 1 ? " difference: " : " differences: ")
        + added
        + " added, "
        + removed
        + " removed, "
        + changed
        + " changed";
  }
}
