package cloud.lightpane.stub.inventory;

import java.util.SplittableRandom;

/** The global AWS resources of each account of the demo estate: IAM, CloudFront, Route 53. */
final class AwsGlobal extends EstatePart {

  private AwsGlobal(EstateRows rows) {
    super(rows);
  }

  /** Adds the global resources of the production and staging accounts. */
  static void add(EstateRows rows) {
    new AwsGlobal(rows).all();
  }

  private void all() {
    account(PROD, "prod");
    account(STAGING, "staging");
  }

  private void account(String account, String env) {
    SplittableRandom r = random("global", account, "global");
    String[] people =
        env.equals("prod")
            ? new String[] {"alice.nguyen", "ben.carter", "chioma.obi", "ci-deployer"}
            : new String[] {"alice.nguyen", "ci-deployer"};
    for (String user : people) {
      add(
          "iam_users",
          account,
          "global",
          row(
              "user_name",
              user,
              "user_id",
              "AIDA" + upper(r, 17),
              "arn",
              "arn:aws:iam::" + account + ":user/" + user,
              "create_date",
              date(r, 0, 200),
              "password_last_used",
              user.startsWith("ci-") ? null : date(r, 760, 800),
              "mfa_enabled",
              !user.startsWith("ci-")));
    }
    String[][] roles = {
      {"OrganizationAccountAccessRole", "Cross-account access from the management account"},
      {"github-actions-deploy", "Assumed by GitHub Actions to deploy " + env},
      {"lambda-execution", "Execution role for Lambda functions"},
      {"eks-node-group", "Worker nodes of " + env + "-eks-1"},
    };
    for (String[] role : roles) {
      add(
          "iam_roles",
          account,
          "global",
          row(
              "role_name",
              role[0],
              "role_id",
              "AROA" + upper(r, 17),
              "arn",
              "arn:aws:iam::" + account + ":role/" + role[0],
              "description",
              role[1],
              "max_session_duration",
              3600,
              "create_date",
              date(r, 0, 200)));
    }
    String host = env.equals("prod") ? "www.kestrel-labs.example" : "staging.kestrel-labs.example";
    add(
        "cloudfront_distributions",
        account,
        "global",
        row(
            "distribution_id",
            "E" + upper(r, 13),
            "domain_name",
            "d" + hex(r, 13) + ".cloudfront.net",
            "alias",
            host,
            "status",
            "Deployed",
            "price_class",
            "PriceClass_100",
            "enabled",
            true));
    if (env.equals("prod")) {
      add(
          "route53_hosted_zones",
          account,
          "global",
          row(
              "zone_id",
              "Z" + upper(r, 20),
              "name",
              "kestrel-labs.example.",
              "private_zone",
              false,
              "record_count",
              42,
              "comment",
              "Public zone"));
      add(
          "route53_hosted_zones",
          account,
          "global",
          row(
              "zone_id",
              "Z" + upper(r, 20),
              "name",
              "internal.kestrel-labs.example.",
              "private_zone",
              true,
              "record_count",
              17,
              "comment",
              "Service discovery"));
    } else {
      add(
          "route53_hosted_zones",
          account,
          "global",
          row(
              "zone_id",
              "Z" + upper(r, 20),
              "name",
              "staging.kestrel-labs.example.",
              "private_zone",
              false,
              "record_count",
              9,
              "comment",
              null));
    }
  }
}
