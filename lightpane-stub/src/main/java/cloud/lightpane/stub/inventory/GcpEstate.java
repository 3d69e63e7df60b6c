package cloud.lightpane.stub.inventory;

import java.util.SplittableRandom;

/** The GCP analytics project of the demo estate, in europe-west2, us-central1 and global. */
final class GcpEstate extends EstatePart {

  private GcpEstate(EstateRows rows) {
    super(rows);
  }

  /** Adds the project's resources. */
  static void add(EstateRows rows) {
    new GcpEstate(rows).gcp();
  }

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
}
