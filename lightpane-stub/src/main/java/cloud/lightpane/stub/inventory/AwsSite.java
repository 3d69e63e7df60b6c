package cloud.lightpane.stub.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One AWS account in one region of the demo estate: its network, instances and the services around
 * them. The sections run in a fixed order on one random sequence, so every run yields the same ids.
 */
final class AwsSite extends EstatePart {
  private static final String[] ZONES = {"a", "b", "c"};

  private final String account;
  private final String region;
  private final int octet;
  private final Object[] roles;
  private final String env;
  private final SplittableRandom r;
  private final String vpcId;
  private final String suffix;
  private final List<String> instanceIds = new ArrayList<>();

  private AwsSite(EstateRows rows, String account, String region, int octet, Object... roles) {
    super(rows);
    this.account = account;
    this.region = region;
    this.octet = octet;
    this.roles = roles;
    this.env = account.equals(PROD) ? "prod" : "staging";
    this.r = random("site", account, region);
    this.vpcId = "vpc-" + hex(r, 17);
    this.suffix = env + "-" + region;
  }

  /** Adds the site: roles are pairs of an instance role and how many instances have it. */
  static void add(EstateRows rows, String account, String region, int octet, Object... roles) {
    AwsSite site = new AwsSite(rows, account, region, octet, roles);
    site.network();
    site.instances();
    site.buckets();
    site.functions();
    site.keys();
    if (region.equals("eu-west-2")) {
      site.trailsDatabasesAndQueues();
      site.containersAndSecrets();
    }
    site.alarms();
  }

  /** The VPCs, subnets and security groups. */
  private void network() {
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
    for (int z = 0; z < ZONES.length; z++) {
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
                env + "-" + tier + "-" + ZONES[z],
                "vpc_id",
                vpcId,
                "cidr_block",
                "10." + octet + "." + third + ".0/24",
                "availability_zone",
                region + ZONES[z],
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
  }

  /** The EC2 instances, their volumes and one unattached volume. */
  private void instances() {
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
                region + ZONES[z],
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
                region + ZONES[z],
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
  }

  /** The S3 buckets. */
  private void buckets() {
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
  }

  /** The Lambda functions. */
  private void functions() {
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
  }

  /** The KMS keys. */
  private void keys() {
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
  }

  /** The main region: trail, databases, load balancers, queues and topics. */
  private void trailsDatabasesAndQueues() {
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
  }

  /** The main region: ECS, EKS, Redis, ECR and secrets. */
  private void containersAndSecrets() {
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

  /** One CloudWatch alarm for each of the first three instances. */
  private void alarms() {
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
}
