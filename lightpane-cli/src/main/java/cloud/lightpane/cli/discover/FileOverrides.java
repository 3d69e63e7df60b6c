package cloud.lightpane.cli.discover;

import cloud.lightpane.client.discovery.ServiceQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code -f FILE} with {@code --region}, {@code --attributes} or {@code --account}: the command
 * line beats the file (the AWS CLI's rule), in every entry. With regions, each entry of the file is
 * asked in each given region (a global service stays {@code global}; {@code all} is every region of
 * the entry's provider), repeats dropped.
 */
final class FileOverrides {
  private FileOverrides() {}

  static List<ServiceQuery> apply(
      List<ServiceQuery> entries,
      QueryPlanner planner,
      List<String> regions,
      List<String> attributes,
      String account) {
    if (regions.isEmpty() && attributes.isEmpty() && account == null) {
      return entries;
    }
    Set<ServiceQuery> out = new LinkedHashSet<>();
    for (ServiceQuery entry : entries) {
      List<String> entryRegions =
          regions.isEmpty() || "global".equals(entry.region())
              ? List.of(entry.region())
              : planner.regionsFor(entry.provider().value(), regions);
      for (String region : entryRegions) {
        ServiceQuery.Builder copy =
            ServiceQuery.builder(entry.service())
                .provider(entry.provider())
                .region(region)
                .attributes(attributes.isEmpty() ? entry.attributes() : attributes)
                .source(entry.source());
        String wanted = account != null ? account : entry.account().orElse(null);
        if (wanted != null) {
          copy.account(wanted);
        }
        out.add(copy.build());
      }
    }
    return new ArrayList<>(out);
  }
}
