package cloud.lightpane.stub.inventory;

import cloud.lightpane.stub.accounts.DemoUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The cloud estate of "Kestrel Labs", a small fictional company: production and staging AWS
 * accounts in London ({@code eu-west-2}), North Virginia ({@code us-east-1}) and Ireland ({@code
 * eu-west-1}, disaster recovery); a GCP analytics project in {@code europe-west2} and {@code
 * us-central1}; an Azure subscription in {@code uksouth} and {@code westeurope}.
 *
 * <p>Ids are derived from a fixed seed per service, account and region, so every run yields the
 * same rows; resources that refer to each other (volumes to instances, subnets to VPCs) agree.
 */
final class DemoEstate {

  private static final Instant EPOCH = Instant.parse("2024-01-08T09:00:00Z");
  private static final String PROD = DemoUser.AWS_PROD.accountId();
  private static final String STAGING = DemoUser.AWS_STAGING.accountId();
  private static final String GCP = DemoUser.GCP_PROD.accountId();
  private static final String AZURE = DemoUser.AZURE_PROD.accountId();

  private final Map<String, List<StoredRow>> rows = new HashMap<>();

  private DemoEstate() {}

  static Map<String, List<StoredRow>> build() {
    DemoEstate estate = new DemoEstate();
    estate.aws();
    estate.gcp();
    estate.azure();
    return estate.rows;
  }

  // ---- AWS -------------------------------------------------------------------------------

  private void aws() {
    site(PROD, "eu-west-2", 1, "web", 3, "api", 2, "worker", 2, "bastion", 1);
    site(STAGING, "eu-west-2", 2, "web", 1, "api", 1, "worker", 1, "bastion", 1);
    site(PROD, "us-east-1", 3, "web", 2, "api", 1);
    site(STAGING, "us-east-1", 4, "web", 1);
    site(PROD, "eu-west-1", 5, "dr-web", 1, "dr-db-backup", 1);
    awsGlobal(PROD, "prod");
    awsGlobal(STAGING, "staging");
  }

  /** One account in one region: network, instances and the services around them. */
  private void site(String account, String region, int octet, Object... roles) {
    String env = account.equals(PROD) ? "prod" : "staging";
    SplittableRandom r = random("site", account, region);
    String vpcId = "vpc-" + hex(r, 17);
    add(
        "vpcs",
        account,
        region,
        row(
            "vpc_id",
            vpcId,
            "name",
            env + "-" + region,
            "cidr_block",
            "10." + octet + ".0.0/16",
            "state",
            "available",
            "is_default",
            false));
    add(
        "vpcs",
        account,
        region,
        row(
            "vpc_id",
            "vpc-" + hex(r, 17),
            "name",
            null,
            "cidr_block",
            "172.31.0.0/16",
            "state",
            "available",
            "is_default",
            true));
    String[] zones = {"a", "b", "c"};
    for (int z = 0; z < zones.length; z++) {
      for (String tier : new String[] {"private", "public"}) {
        int third = tier.equals("private") ? z + 1 : z + 101;
        add(
            "subnets",
            account,
            region,
            row(
                "subnet_id",
                "subnet-" + hex(r, 17),
                "name",
                env + "-" + tier + "-" + zones[z],
                "vpc_id",
                vpcId,
                "cidr_block",
                "10." + octet + "." + third + ".0/24",
                "availability_zone",
                region + zones[z],
                "available_ip_count",
                240 - r.nextInt(40),
                "map_public_ip_on_launch",
                tier.equals("public")));
      }
    }
    for (String group : new String[] {"web", "api", "db", "bastion", "default"}) {
      add(
          "security_groups",
          account,
          region,
          row(
              "group_id",
              "sg-" + hex(r, 17),
              "group_name",
              group.equals("default") ? "default" : env + "-" + group + "-sg",
              "vpc_id",
              vpcId,
              "description",
              group.equals("default")
                  ? "default VPC security group"
                  : "Allows " + group + " traffic",
              "inbound_rules",
              group.equals("web") ? 2 : 1,
              "outbound_rules",
              1));
    }
    List<String> instanceIds = new ArrayList<>();
    for (int i = 0; i < roles.length; i += 2) {
      String role = (String) roles[i];
      int count = (Integer) roles[i + 1];
      for (int n = 1; n <= count; n++) {
        String id = "i-" + hex(r, 17);
        instanceIds.add(id);
        int z = (n - 1) % 3;
        boolean running =
            !(role.equals("bastion") && env.equals("staging"))
                && !(role.equals("worker") && n == 2);
        boolean publicFacing = role.equals("bastion") || role.contains("web");
        add(
            "ec2",
            account,
            region,
            row(
                "name",
                env + "-" + role + "-" + n,
                "instance_id",
                id,
                "instance_type",
                instanceType(role, env),
                "state",
                running ? "running" : "stopped",
                "private_ip",
                "10." + octet + "." + (z + 1) + "." + (10 + instanceIds.size()),
                "public_ip",
                publicFacing && running ? publicIp(r) : null,
                "availability_zone",
                region + zones[z],
                "vpc_id",
                vpcId,
                "platform",
                "Linux/UNIX",
                "launch_time",
                date(r, 30, 700)));
        add(
            "ebs_volumes",
            account,
            region,
            row(
                "volume_id",
                "vol-" + hex(r, 17),
                "size_gib",
                role.contains("db") ? 500 : 30,
                "volume_type",
                "gp3",
                "state",
                "in-use",
                "attached_instance_id",
                id,
                "encrypted",
                true,
                "availability_zone",
                region + zones[z],
                "create_time",
                date(r, 30, 700)));
      }
    }
    add(
        "ebs_volumes",
        account,
        region,
        row(
            "volume_id",
            "vol-" + hex(r, 17),
            "size_gib",
            100,
            "volume_type",
            "gp2",
            "state",
            "available",
            "attached_instance_id",
            null,
            "encrypted",
            false,
            "availability_zone",
            region + "a",
            "create_time",
            date(r, 30, 200)));

    String suffix = env + "-" + region;
    for (String purpose :
        account.equals(PROD)
            ? new String[] {"assets", "logs", "backups"}
            : new String[] {"assets", "logs"}) {
      add(
          "s3",
          account,
          region,
          row(
              "bucket_name",
              "kestrel-" + purpose + "-" + suffix,
              "creation_date",
              date(r, 0, 400),
              "region",
              region,
              "versioning_status",
              purpose.equals("logs") ? "Suspended" : "Enabled",
              "encryption",
              purpose.equals("backups") ? "aws:kms" : "AES256",
              "public_access_blocked",
              true,
              "object_count",
              1_000L + r.nextInt(900_000),
              "size_bytes",
              1_000_000L * (10 + r.nextInt(90_000))));
    }
    String[][] functions = {
      {"image-resizer", "python3.12", "1024", "app.handler"},
      {"invoice-generator", "java21", "2048", "com.kestrel.invoice.Handler::handleRequest"},
      {"slack-notifier", "nodejs20.x", "128", "index.handler"},
      {"nightly-report", "python3.12", "512", "report.main"},
    };
    int functionCount = account.equals(PROD) && region.equals("eu-west-2") ? 4 : 2;
    for (int f = 0; f < functionCount; f++) {
      String[] fn = functions[f];
      add(
          "lambda_functions",
          account,
          region,
          row(
              "function_name",
              env + "-" + fn[0],
              "runtime",
              fn[1],
              "memory_size",
              Integer.parseInt(fn[2]),
              "timeout",
              fn[1].equals("java21") ? 60 : 15,
              "handler",
              fn[3],
              "architecture",
              f % 2 == 0 ? "arm64" : "x86_64",
              "code_size",
              50_000 + r.nextInt(20_000_000),
              "last_modified",
              date(r, 300, 800)));
    }
    add(
        "kms_keys",
        account,
        region,
        row(
            "key_id",
            uuid(r),
            "alias",
            "alias/" + env + "-data",
            "description",
            "Encrypts " + env + " databases and backups",
            "key_state",
            "Enabled",
            "key_manager",
            "CUSTOMER",
            "key_spec",
            "SYMMETRIC_DEFAULT",
            "rotation_enabled",
            true,
            "creation_date",
            date(r, 0, 100)));
    add(
        "kms_keys",
        account,
        region,
        row(
            "key_id",
            uuid(r),
            "alias",
            "alias/aws/ebs",
            "description",
            "Default key that protects my EBS volumes when no other key is defined",
            "key_state",
            "Enabled",
            "key_manager",
            "AWS",
            "key_spec",
            "SYMMETRIC_DEFAULT",
            "rotation_enabled",
            true,
            "creation_date",
            date(r, 0, 100)));
    if (region.equals("eu-west-2")) {
      add(
          "cloudtrail_trails",
          account,
          region,
          row(
              "name",
              env + "-organisation-trail",
              "home_region",
              region,
              "s3_bucket_name",
              "kestrel-logs-" + suffix,
              "is_multi_region_trail",
              true,
              "is_logging",
              true,
              "log_file_validation_enabled",
              true,
              "kms_key_id",
              "arn:aws:kms:" + region + ":" + account + ":alias/" + env + "-data"));
      add(
          "rds_instances",
          account,
          region,
          row(
              "db_instance_identifier",
              env + "-postgres-main",
              "engine",
              "postgres",
              "engine_version",
              "16.3",
              "db_instance_class",
              env.equals("prod") ? "db.r6g.large" : "db.t4g.medium",
              "status",
              "available",
              "allocated_storage",
              env.equals("prod") ? 500 : 100,
              "multi_az",
              env.equals("prod"),
              "endpoint",
              env + "-postgres-main." + hex(r, 12) + "." + region + ".rds.amazonaws.com"));
      for (String table : new String[] {"sessions", "feature-flags", "audit-events"}) {
        add(
            "dynamodb_tables",
            account,
            region,
            row(
                "table_name",
                env + "-" + table,
                "table_status",
                "ACTIVE",
                "item_count",
                (long) r.nextInt(2_000_000),
                "table_size_bytes",
                (long) r.nextInt(900_000_000),
                "billing_mode",
                table.equals("sessions") ? "PROVISIONED" : "PAY_PER_REQUEST",
                "creation_date",
                date(r, 0, 300)));
      }
      add(
          "load_balancers",
          account,
          region,
          row(
              "name",
              env + "-web-alb",
              "type",
              "application",
              "scheme",
              "internet-facing",
              "state",
              "active",
              "dns_name",
              env
                  + "-web-alb-"
                  + (100_000_000 + r.nextInt(800_000_000))
                  + "."
                  + region
                  + ".elb.amazonaws.com",
              "vpc_id",
              vpcId,
              "created_time",
              date(r, 0, 200)));
      add(
          "load_balancers",
          account,
          region,
          row(
              "name",
              env + "-api-nlb",
              "type",
              "network",
              "scheme",
              "internal",
              "state",
              "active",
              "dns_name",
              env + "-api-nlb-" + hex(r, 16) + ".elb." + region + ".amazonaws.com",
              "vpc_id",
              vpcId,
              "created_time",
              date(r, 0, 200)));
      for (String queue : new String[] {"orders", "orders-dlq", "email-outbound.fifo"}) {
        add(
            "sqs_queues",
            account,
            region,
            row(
                "queue_name",
                env + "-" + queue,
                "queue_url",
                "https://sqs." + region + ".amazonaws.com/" + account + "/" + env + "-" + queue,
                "fifo",
                queue.endsWith(".fifo"),
                "messages_available",
                queue.endsWith("dlq") ? 3 : r.nextInt(50),
                "visibility_timeout",
                30,
                "created_timestamp",
                date(r, 0, 300)));
      }
      for (String topic : new String[] {"alerts", "deploy-events"}) {
        add(
            "sns_topics",
            account,
            region,
            row(
                "topic_name",
                env + "-" + topic,
                "topic_arn",
                "arn:aws:sns:" + region + ":" + account + ":" + env + "-" + topic,
                "subscriptions_confirmed",
                1 + r.nextInt(4),
                "fifo",
                false));
      }
      add(
          "ecs_clusters",
          account,
          region,
          row(
              "cluster_name",
              env + "-services",
              "status",
              "ACTIVE",
              "running_tasks",
              env.equals("prod") ? 14 : 4,
              "active_services",
              env.equals("prod") ? 6 : 3,
              "container_instances",
              0));
      add(
          "eks_clusters",
          account,
          region,
          row(
              "name",
              env + "-eks-1",
              "kubernetes_version",
              "1.30",
              "status",
              "ACTIVE",
              "platform_version",
              "eks.12",
              "endpoint",
              "https://" + hex(r, 32).toUpperCase() + ".gr7." + region + ".eks.amazonaws.com",
              "created_at",
              date(r, 100, 400)));
      add(
          "elasticache_clusters",
          account,
          region,
          row(
              "cache_cluster_id",
              env + "-redis-001",
              "engine",
              "redis",
              "engine_version",
              "7.1",
              "cache_node_type",
              env.equals("prod") ? "cache.r7g.large" : "cache.t4g.small",
              "num_cache_nodes",
              1,
              "status",
              "available"));
      for (String repo : new String[] {"web", "api", "worker"}) {
        add(
            "ecr_repositories",
            account,
            region,
            row(
                "repository_name",
                "kestrel/" + repo,
                "repository_uri",
                account + ".dkr.ecr." + region + ".amazonaws.com/kestrel/" + repo,
                "image_count",
                20 + r.nextInt(300),
                "image_tag_mutability",
                "IMMUTABLE",
                "scan_on_push",
                true,
                "created_at",
                date(r, 0, 100)));
      }
      for (String secret : new String[] {"db/master-password", "stripe/api-key", "slack/webhook"}) {
        add(
            "secrets_manager_secrets",
            account,
            region,
            row(
                "name",
                env + "/" + secret,
                "arn",
                "arn:aws:secretsmanager:"
                    + region
                    + ":"
                    + account
                    + ":secret:"
                    + env
                    + "/"
                    + secret
                    + "-"
                    + hex(r, 6),
                "description",
                null,
                "rotation_enabled",
                secret.startsWith("db"),
                "last_changed_date",
                date(r, 500, 790),
                "last_accessed_date",
                date(r, 780, 800)));
      }
    }
    int alarm = 0;
    for (Map<String, Object> instance : rowsOf("ec2", account, region)) {
      if (alarm++ == 3) {
        break;
      }
      add(
          "cloudwatch_alarms",
          account,
          region,
          row(
              "alarm_name",
              "high-cpu-" + instance.get("name"),
              "namespace",
              "AWS/EC2",
              "metric_name",
              "CPUUtilization",
              "state_value",
              alarm == 2 ? "ALARM" : "OK",
              "comparison_operator",
              "GreaterThanThreshold",
              "threshold",
              80.0));
    }
  }

  private void awsGlobal(String account, String env) {
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

  private static String instanceType(String role, String env) {
    if (env.equals("staging")) {
      return "t3.small";
    }
    if (role.contains("web")) {
      return "t3.medium";
    }
    if (role.equals("api")) {
      return "m6i.large";
    }
    if (role.equals("worker") || role.contains("db")) {
      return "c6i.xlarge";
    }
    return "t3.micro";
  }

  // ---- GCP -------------------------------------------------------------------------------

  private void gcp() {
    gcpRegion("europe-west2", new String[] {"analytics-vm-1", "analytics-vm-2", "etl-runner"});
    gcpRegion("us-central1", new String[] {"ml-training-1"});
    SplittableRandom r = random("gcp", GCP, "global");
    add(
        "gcp_vpc_networks",
        GCP,
        "global",
        row(
            "name",
            "default",
            "auto_create_subnetworks",
            true,
            "routing_mode",
            "REGIONAL",
            "mtu",
            1460,
            "subnetwork_count",
            42));
    add(
        "gcp_vpc_networks",
        GCP,
        "global",
        row(
            "name",
            "analytics-vpc",
            "auto_create_subnetworks",
            false,
            "routing_mode",
            "GLOBAL",
            "mtu",
            1460,
            "subnetwork_count",
            2));
    for (String topic : new String[] {"raw-events", "etl-complete", "alerts"}) {
      add(
          "gcp_pubsub_topics",
          GCP,
          "global",
          row(
              "name",
              "projects/" + GCP + "/topics/" + topic,
              "message_retention_duration",
              topic.equals("raw-events") ? "604800s" : null,
              "subscription_count",
              1 + r.nextInt(3),
              "kms_key_name",
              null));
    }
    for (String sa : new String[] {"etl-runner", "looker-reader", "github-deployer"}) {
      add(
          "gcp_service_accounts",
          GCP,
          "global",
          row(
              "email",
              sa + "@" + GCP + ".iam.gserviceaccount.com",
              "display_name",
              sa.replace('-', ' '),
              "unique_id",
              "1" + digits(r, 20),
              "disabled",
              false));
    }
  }

  private void gcpRegion(String region, String[] vms) {
    SplittableRandom r = random("gcp", GCP, region);
    int n = 0;
    for (String vm : vms) {
      n++;
      add(
          "gcp_compute_instances",
          GCP,
          region,
          row(
              "name",
              vm,
              "machine_type",
              vm.startsWith("ml") ? "a2-highgpu-1g" : "e2-standard-4",
              "status",
              vm.equals("analytics-vm-2") ? "TERMINATED" : "RUNNING",
              "zone",
              region + "-" + (char) ('a' + (n - 1) % 3),
              "internal_ip",
              "10.154.0." + (n + 1),
              "external_ip",
              vm.equals("etl-runner") ? publicIp(r) : null,
              "instance_id",
              digits(r, 19),
              "creation_timestamp",
              date(r, 100, 700)));
    }
    add(
        "gcp_storage_buckets",
        GCP,
        region,
        row(
            "name",
            "kestrel-datalake-" + region,
            "location",
            region.toUpperCase(),
            "storage_class",
            "STANDARD",
            "versioning_enabled",
            true,
            "public_access_prevention",
            "enforced",
            "created",
            date(r, 0, 300)));
    add(
        "gcp_storage_buckets",
        GCP,
        region,
        row(
            "name",
            "kestrel-exports-" + region,
            "location",
            region.toUpperCase(),
            "storage_class",
            "NEARLINE",
            "versioning_enabled",
            false,
            "public_access_prevention",
            "inherited",
            "created",
            date(r, 0, 300)));
    add(
        "gcp_cloudsql_instances",
        GCP,
        region,
        row(
            "name",
            "warehouse-" + region,
            "database_version",
            "POSTGRES_15",
            "tier",
            "db-custom-2-7680",
            "state",
            "RUNNABLE",
            "ip_address",
            "10.20.0." + (3 + n),
            "disk_size_gb",
            250));
    if (region.equals("europe-west2")) {
      add(
          "gcp_gke_clusters",
          GCP,
          region,
          row(
              "name",
              "analytics-gke",
              "location",
              region,
              "status",
              "RUNNING",
              "current_master_version",
              "1.30.5-gke.1014001",
              "node_count",
              3,
              "endpoint",
              "34.89." + r.nextInt(256) + "." + r.nextInt(256)));
      add(
          "gcp_cloud_functions",
          GCP,
          region,
          row(
              "name",
              "ingest-webhook",
              "runtime",
              "python312",
              "state",
              "ACTIVE",
              "entry_point",
              "handle",
              "available_memory",
              "256M",
              "update_time",
              date(r, 600, 800)));
      add(
          "gcp_cloud_run_services",
          GCP,
          region,
          row(
              "name",
              "dashboard-api",
              "url",
              "https://dashboard-api-" + hex(r, 10) + "-nw.a.run.app",
              "latest_ready_revision",
              "dashboard-api-00042-" + hex(r, 3),
              "ingress",
              "all",
              "update_time",
              date(r, 700, 800)));
    }
  }

  // ---- Azure -----------------------------------------------------------------------------

  private void azure() {
    azureRegion(
        "uksouth", "rg-kestrel-prod-uks", new String[] {"vm-ad-01", "vm-app-01", "vm-app-02"});
    azureRegion("westeurope", "rg-kestrel-dr-weu", new String[] {"vm-app-dr-01"});
    SplittableRandom r = random("azure", AZURE, "global");
    for (String person : new String[] {"Alice Nguyen", "Ben Carter", "Chioma Obi", "Dev Patel"}) {
      String upn = person.toLowerCase().replace(' ', '.') + "@kestrellabs.onmicrosoft.com";
      add(
          "azure_entra_users",
          AZURE,
          "global",
          row(
              "display_name",
              person,
              "user_principal_name",
              upn,
              "id",
              uuid(r),
              "account_enabled",
              !person.startsWith("Dev"),
              "created_date_time",
              date(r, 0, 500)));
    }
  }

  private void azureRegion(String region, String group, String[] vms) {
    SplittableRandom r = random("azure", AZURE, region);
    add(
        "azure_resource_groups",
        AZURE,
        region,
        row(
            "name",
            group,
            "location",
            region,
            "provisioning_state",
            "Succeeded",
            "environment",
            group.contains("dr") ? "dr" : "production"));
    int n = 0;
    for (String vm : vms) {
      n++;
      boolean windows = vm.contains("-ad-");
      add(
          "azure_virtual_machines",
          AZURE,
          region,
          row(
              "name",
              vm,
              "resource_group",
              group,
              "vm_size",
              windows ? "Standard_D2s_v5" : "Standard_B2ms",
              "power_state",
              vm.endsWith("02") ? "VM deallocated" : "VM running",
              "os_type",
              windows ? "Windows" : "Linux",
              "private_ip",
              "10.1." + (region.equals("uksouth") ? 0 : 8) + "." + (3 + n),
              "location",
              region,
              "vm_id",
              uuid(r)));
    }
    String compact = region.equals("uksouth") ? "uks" : "weu";
    add(
        "azure_storage_accounts",
        AZURE,
        region,
        row(
            "name",
            "stkestrel" + compact + hex(r, 4),
            "resource_group",
            group,
            "kind",
            "StorageV2",
            "sku",
            "Standard_GRS",
            "access_tier",
            "Hot",
            "https_only",
            true,
            "location",
            region,
            "creation_time",
            date(r, 0, 300)));
    add(
        "azure_sql_databases",
        AZURE,
        region,
        row(
            "name",
            "sqldb-billing",
            "server_name",
            "sql-kestrel-" + compact,
            "resource_group",
            group,
            "sku",
            "GP_S_Gen5_2",
            "status",
            "Online",
            "max_size_bytes",
            34_359_738_368L,
            "location",
            region));
    add(
        "azure_key_vaults",
        AZURE,
        region,
        row(
            "name",
            "kv-kestrel-" + compact,
            "resource_group",
            group,
            "sku",
            "standard",
            "vault_uri",
            "https://kv-kestrel-" + compact + ".vault.azure.net/",
            "soft_delete_enabled",
            true,
            "location",
            region));
    add(
        "azure_virtual_networks",
        AZURE,
        region,
        row(
            "name",
            "vnet-kestrel-" + compact,
            "resource_group",
            group,
            "address_space",
            region.equals("uksouth") ? "10.1.0.0/16" : "10.2.0.0/16",
            "subnet_count",
            3,
            "location",
            region));
    if (region.equals("uksouth")) {
      add(
          "azure_aks_clusters",
          AZURE,
          region,
          row(
              "name",
              "aks-kestrel-prod",
              "resource_group",
              group,
              "kubernetes_version",
              "1.30.4",
              "node_count",
              3,
              "provisioning_state",
              "Succeeded",
              "fqdn",
              "aks-kestrel-prod-" + hex(r, 8) + ".hcp.uksouth.azmk8s.io",
              "location",
              region));
      add(
          "azure_function_apps",
          AZURE,
          region,
          row(
              "name",
              "func-kestrel-invoices",
              "resource_group",
              group,
              "state",
              "Running",
              "runtime",
              "dotnet-isolated|8.0",
              "default_host_name",
              "func-kestrel-invoices.azurewebsites.net",
              "location",
              region));
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private void add(String service, String account, String region, Map<String, Object> values) {
    rows.computeIfAbsent(StoredInventory.key(service, region), k -> new ArrayList<>())
        .add(new StoredRow(account, values));
  }

  private List<Map<String, Object>> rowsOf(String service, String account, String region) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (StoredRow row : rows.getOrDefault(StoredInventory.key(service, region), List.of())) {
      if (row.accountId().equals(account)) {
        result.add(row.values());
      }
    }
    return result;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return values;
  }

  /** The same sequence for the same service, account and region on every run and JVM. */
  private static SplittableRandom random(String what, String account, String region) {
    return new SplittableRandom(
        (what + "/" + account + "/" + region).hashCode() * 0x9E3779B97F4A7C15L);
  }

  private static String hex(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(Character.forDigit(r.nextInt(16), 16));
    }
    return sb.toString();
  }

  private static String upper(SplittableRandom r, int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String digits(SplittableRandom r, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  private static String uuid(SplittableRandom r) {
    String h = hex(r, 32);
    return h.substring(0, 8)
        + "-"
        + h.substring(8, 12)
        + "-4"
        + h.substring(13, 16)
        + "-a"
        + h.substring(17, 20)
        + "-"
        + h.substring(20);
  }

  private static String publicIp(SplittableRandom r) {
    return (r.nextBoolean() ? "18.130." : "35.176.") + r.nextInt(256) + "." + (1 + r.nextInt(254));
  }

  /** A timestamp between {@code fromDay} and {@code toDay} days after early January 2024. */
  private static String date(SplittableRandom r, int fromDay, int toDay) {
    long seconds = (long) (fromDay + r.nextInt(toDay - fromDay)) * 86_400 + r.nextInt(86_400);
    return EPOCH.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
