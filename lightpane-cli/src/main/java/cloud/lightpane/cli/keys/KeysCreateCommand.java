package cloud.lightpane.cli.keys;

import cloud.lightpane.cli.candidates.Candidates;
import cloud.lightpane.cli.kernel.CliContext;
import cloud.lightpane.cli.kernel.CommandFailure;
import cloud.lightpane.cli.kernel.Connection;
import cloud.lightpane.cli.kernel.ExitCodes;
import cloud.lightpane.cli.kernel.GlobalOptions;
import cloud.lightpane.cli.kernel.SettingConverter;
import cloud.lightpane.cli.render.JsonText;
import cloud.lightpane.cli.render.OutputFormat;
import cloud.lightpane.cli.settings.Settings;
import cloud.lightpane.cli.terminal.ScreenText;
import cloud.lightpane.client.keys.AccessKey;
import cloud.lightpane.client.keys.CreateKeyRequest;
import cloud.lightpane.client.keys.CreatedKey;
import cloud.lightpane.client.keys.KeyConstraints;
import cloud.lightpane.client.keys.KeyType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lightpane keys create}. The raw token is the command's data: it alone goes to stdout (so
 * {@code TOKEN=$(lightpane keys create ...)} works), and a note on stderr says it cannot be shown
 * again.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create an access key. The token is printed once, on stdout, and can never be shown again."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  lightpane keys create --type api_key --label ci --services s3,ec2",
      "  lightpane keys create --type embed --label dashboard --allowed-origin https://intranet.example.com",
      "  lightpane keys create --type api_key --label nightly --account aws:123456789012 -o json"
    })
final class KeysCreateCommand implements Callable<Integer> {
  private static final List<String> TYPES = List.of("api_key", "embed", "demo");

  private final CliContext context;
  private final GlobalOptions global;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      completionCandidates = Candidates.KeyTypes.class,
      description = "api_key (scripts, CI), embed (web pages) or demo (public demos).")
  String type;

  @Option(names = "--label", required = true, paramLabel = "TEXT", description = "A name for it.")
  String label;

  @Option(
      names = "--account",
      paramLabel = "PROVIDER:ACCOUNT_ID",
      description = "Bind to this linked account; repeatable (default: all your accounts).")
  List<String> accounts = new ArrayList<>();

  @Option(
      names = "--services",
      paramLabel = "ID",
      split = ",",
      description = "Only these services (default: all).")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--allowed-origin",
      paramLabel = "URL",
      description = "Only from this web origin, e.g. https://app.example.com; repeatable.")
  List<String> origins = new ArrayList<>();

  @Option(
      names = "--allowed-ip",
      paramLabel = "CIDR",
      description = "Only from this address or range; repeatable.")
  List<String> ips = new ArrayList<>();

  @Option(names = "--rate-limit-rpm", paramLabel = "N", description = "Requests per minute.")
  Integer rateLimitRpm;

  @Option(names = "--max-batch-size", paramLabel = "N", description = "Entries per request.")
  Integer maxBatchSize;

  @Option(names = "--require-referer", description = "Refuse requests without a Referer.")
  boolean requireReferer;

  @Option(names = "--expires-in-days", paramLabel = "N", description = "1 to 3650.")
  Integer expiresInDays;

  @Option(names = "--group", paramLabel = "ID", description = "Bind to this account group.")
  String group;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      completionCandidates = Candidates.OutputFormats.class,
      converter = SettingConverter.Output.class,
      description =
          "table (the token alone, the default whatever the profile or LIGHTPANE_OUTPUT says)"
              + " or json (the whole create response).")
  OutputFormat output;

  KeysCreateCommand(CliContext context, GlobalOptions global) {
    this.context = context;
    this.global = global;
  }

  @Override
  public Integer call() throws IOException {
    Settings settings = global.settings(context, true);
    // Only -o on this command line changes the output: TOKEN=$(lightpane keys create ...) must
    // store the token even when a profile or LIGHTPANE_OUTPUT says json.
    OutputFormat format = output == null ? OutputFormat.TABLE : KeyOutput.checked(output);
    CreateKeyRequest request = request();
    try (Connection connection =
        Connection.open(global, settings, context, Connection.Need.SESSION)) {
      CreatedKey created = connection.client().keys().create(request);
      AccessKey key = created.key();
      if (format == OutputFormat.JSON) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("grant", KeyRecords.record(key));
        response.put("token", created.token().reveal());
        JsonText.write(context.out(), response);
      } else {
        context.out().write(created.token().reveal());
      }
      context.out().write('\n');
      context.out().flush();
      context
          .stderr()
          .println(
              "lightpane: created "
                  + ScreenText.escape(key.type().value())
                  + " key '"
                  + ScreenText.escape(key.label())
                  + "' ("
                  + ScreenText.escape(key.grantId())
                  + ", "
                  + (key.expiresAt() == null ? "no expiry" : "expires " + key.expiresAt())
                  + ").");
      context
          .stderr()
          .println(
              "lightpane: store the token now: it is shown only this once and cannot be shown"
                  + " again.");
    }
    return ExitCodes.OK;
  }

  private CreateKeyRequest request() {
    if (!TYPES.contains(type)) {
      throw new CommandFailure(
          ExitCodes.USAGE, "Invalid --type '" + type + "': use api_key, embed or demo");
    }
    CreateKeyRequest.Builder request = CreateKeyRequest.builder(KeyType.of(type), label);
    for (String account : accounts) {
      int colon = account.indexOf(':');
      if (colon <= 0 || colon == account.length() - 1) {
        throw new CommandFailure(
            ExitCodes.USAGE,
            "Invalid --account '" + account + "': use PROVIDER:ACCOUNT_ID, e.g. aws:123456789012");
      }
      request.cloudAccount(account.substring(0, colon), account.substring(colon + 1));
    }
    if (!services.isEmpty()) {
      request.allowedServices(services);
    }
    KeyConstraints.Builder constraints = KeyConstraints.builder();
    boolean constrained = false;
    if (!origins.isEmpty()) {
      constraints.allowedOrigins(origins);
      constrained = true;
    }
    if (!ips.isEmpty()) {
      constraints.allowedIps(ips);
      constrained = true;
    }
    if (rateLimitRpm != null) {
      constraints.rateLimitRpm(rateLimitRpm);
      constrained = true;
    }
    if (maxBatchSize != null) {
      constraints.maxBatchSize(maxBatchSize);
      constrained = true;
    }
    if (requireReferer) {
      constraints.requireReferer(true);
      constrained = true;
    }
    if (constrained) {
      request.constraints(constraints.build());
    }
    if (expiresInDays != null) {
      request.expiresInDays(expiresInDays);
    }
    if (group != null) {
      request.groupId(group);
    }
    try {
      return request.build();
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(ExitCodes.USAGE, e.getMessage(), e);
    }
  }
}
