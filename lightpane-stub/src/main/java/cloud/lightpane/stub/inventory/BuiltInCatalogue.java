package cloud.lightpane.stub.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in catalogue, written out in code so that loading it is a few hundred allocations. Each
 * column is given as {@code "key:Label"}.
 */
final class BuiltInCatalogue {

  static final Catalogue INSTANCE = build();

  private BuiltInCatalogue() {}

  private static Catalogue build() {
    List<ServiceDefinition> s = new ArrayList<>();
    // AWS
    s.add(
        regional(
            "ec2",
            "aws",
            "EC2 Instances",
            "name:Name",
            "instance_id:Instance ID",
            "instance_type:Instance Type",
            "state:State",
            "private_ip:Private IP",
            "public_ip:Public IP",
            "availability_zone:Availability Zone",
            "vpc_id:VPC ID",
            "platform:Platform",
            "launch_time:Launch Time"));
    s.add(
        regional(
            "s3",
            "aws",
            "S3 Buckets",
            "bucket_name:Bucket Name",
            "creation_date:Creation Date",
            "region:Region",
            "versioning_status:Versioning",
            "encryption:Encryption",
            "public_access_blocked:Public Access Blocked",
            "object_count:Objects",
            "size_bytes:Size (bytes)"));
    s.add(
        regional(
            "lambda_functions",
            "aws",
            "Lambda Functions",
            "function_name:Function Name",
            "runtime:Runtime",
            "memory_size:Memory (MB)",
            "timeout:Timeout (s)",
            "handler:Handler",
            "architecture:Architecture",
            "code_size:Code Size (bytes)",
            "last_modified:Last Modified"));
    s.add(
        regional(
            "kms_keys",
            "aws",
            "KMS Keys",
            "key_id:Key ID",
            "alias:Alias",
            "description:Description",
            "key_state:Key State",
            "key_manager:Key Manager",
            "key_spec:Key Spec",
            "rotation_enabled:Rotation Enabled",
            "creation_date:Creation Date"));
    s.add(
        regional(
            "cloudtrail_trails",
            "aws",
            "CloudTrail Trails",
            "name:Name",
            "home_region:Home Region",
            "s3_bucket_name:S3 Bucket",
            "is_multi_region_trail:Multi-Region",
            "is_logging:Logging",
            "log_file_validation_enabled:Log File Validation",
            "kms_key_id:KMS Key ID"));
    s.add(
        regional(
            "rds_instances",
            "aws",
            "RDS DB Instances",
            "db_instance_identifier:DB Identifier",
            "engine:Engine",
            "engine_version:Engine Version",
            "db_instance_class:Instance Class",
            "status:Status",
            "allocated_storage:Storage (GiB)",
            "multi_az:Multi-AZ",
            "endpoint:Endpoint"));
    s.add(
        regional(
            "dynamodb_tables",
            "aws",
            "DynamoDB Tables",
            "table_name:Table Name",
            "table_status:Status",
            "item_count:Items",
            "table_size_bytes:Size (bytes)",
            "billing_mode:Billing Mode",
            "creation_date:Creation Date"));
    s.add(
        regional(
            "ebs_volumes",
            "aws",
            "EBS Volumes",
            "volume_id:Volume ID",
            "size_gib:Size (GiB)",
            "volume_type:Volume Type",
            "state:State",
            "attached_instance_id:Attached Instance",
            "encrypted:Encrypted",
            "availability_zone:Availability Zone",
            "create_time:Created"));
    s.add(
        regional(
            "vpcs",
            "aws",
            "VPCs",
            "vpc_id:VPC ID",
            "name:Name",
            "cidr_block:CIDR Block",
            "state:State",
            "is_default:Default"));
    s.add(
        regional(
            "subnets",
            "aws",
            "Subnets",
            "subnet_id:Subnet ID",
            "name:Name",
            "vpc_id:VPC ID",
            "cidr_block:CIDR Block",
            "availability_zone:Availability Zone",
            "available_ip_count:Available IPs",
            "map_public_ip_on_launch:Public IP on Launch"));
    s.add(
        regional(
            "security_groups",
            "aws",
            "Security Groups",
            "group_id:Group ID",
            "group_name:Group Name",
            "vpc_id:VPC ID",
            "description:Description",
            "inbound_rules:Inbound Rules",
            "outbound_rules:Outbound Rules"));
    s.add(
        regional(
            "load_balancers",
            "aws",
            "Elastic Load Balancers",
            "name:Name",
            "type:Type",
            "scheme:Scheme",
            "state:State",
            "dns_name:DNS Name",
            "vpc_id:VPC ID",
            "created_time:Created"));
    s.add(
        regional(
            "sqs_queues",
            "aws",
            "SQS Queues",
            "queue_name:Queue Name",
            "queue_url:Queue URL",
            "fifo:FIFO",
            "messages_available:Messages Available",
            "visibility_timeout:Visibility Timeout (s)",
            "created_timestamp:Created"));
    s.add(
        regional(
            "sns_topics",
            "aws",
            "SNS Topics",
            "topic_name:Topic Name",
            "topic_arn:Topic ARN",
            "subscriptions_confirmed:Confirmed Subscriptions",
            "fifo:FIFO"));
    s.add(
        regional(
            "ecs_clusters",
            "aws",
            "ECS Clusters",
            "cluster_name:Cluster Name",
            "status:Status",
            "running_tasks:Running Tasks",
            "active_services:Active Services",
            "container_instances:Container Instances"));
    s.add(
        regional(
            "eks_clusters",
            "aws",
            "EKS Clusters",
            "name:Name",
            "kubernetes_version:Kubernetes Version",
            "status:Status",
            "platform_version:Platform Version",
            "endpoint:Endpoint",
            "created_at:Created"));
    s.add(
        regional(
            "elasticache_clusters",
            "aws",
            "ElastiCache Clusters",
            "cache_cluster_id:Cluster ID",
            "engine:Engine",
            "engine_version:Engine Version",
            "cache_node_type:Node Type",
            "num_cache_nodes:Nodes",
            "status:Status"));
    s.add(
        regional(
            "ecr_repositories",
            "aws",
            "ECR Repositories",
            "repository_name:Repository Name",
            "repository_uri:Repository URI",
            "image_count:Images",
            "image_tag_mutability:Tag Mutability",
            "scan_on_push:Scan on Push",
            "created_at:Created"));
    s.add(
        regional(
            "secrets_manager_secrets",
            "aws",
            "Secrets Manager Secrets",
            "name:Name",
            "arn:ARN",
            "description:Description",
            "rotation_enabled:Rotation Enabled",
            "last_changed_date:Last Changed",
            "last_accessed_date:Last Accessed"));
    s.add(
        regional(
            "cloudwatch_alarms",
            "aws",
            "CloudWatch Alarms",
            "alarm_name:Alarm Name",
            "namespace:Namespace",
            "metric_name:Metric",
            "state_value:State",
            "comparison_operator:Comparison",
            "threshold:Threshold"));
    s.add(
        global(
            "iam_users",
            "aws",
            "IAM Users",
            "user_name:User Name",
            "user_id:User ID",
            "arn:ARN",
            "create_date:Created",
            "password_last_used:Password Last Used",
            "mfa_enabled:MFA Enabled"));
    s.add(
        global(
            "iam_roles",
            "aws",
            "IAM Roles",
            "role_name:Role Name",
            "role_id:Role ID",
            "arn:ARN",
            "description:Description",
            "max_session_duration:Max Session (s)",
            "create_date:Created"));
    s.add(
        global(
            "cloudfront_distributions",
            "aws",
            "CloudFront Distributions",
            "distribution_id:Distribution ID",
            "domain_name:Domain Name",
            "alias:Alias",
            "status:Status",
            "price_class:Price Class",
            "enabled:Enabled"));
    s.add(
        global(
            "route53_hosted_zones",
            "aws",
            "Route 53 Hosted Zones",
            "zone_id:Zone ID",
            "name:Name",
            "private_zone:Private",
            "record_count:Records",
            "comment:Comment"));
    // GCP
    s.add(
        regional(
            "gcp_compute_instances",
            "gcp",
            "Compute Engine Instances",
            "name:Name",
            "machine_type:Machine Type",
            "status:Status",
            "zone:Zone",
            "internal_ip:Internal IP",
            "external_ip:External IP",
            "instance_id:Instance ID",
            "creation_timestamp:Created"));
    s.add(
        regional(
            "gcp_storage_buckets",
            "gcp",
            "Cloud Storage Buckets",
            "name:Name",
            "location:Location",
            "storage_class:Storage Class",
            "versioning_enabled:Versioning",
            "public_access_prevention:Public Access Prevention",
            "created:Created"));
    s.add(
        regional(
            "gcp_cloudsql_instances",
            "gcp",
            "Cloud SQL Instances",
            "name:Name",
            "database_version:Database Version",
            "tier:Tier",
            "state:State",
            "ip_address:IP Address",
            "disk_size_gb:Disk (GB)"));
    s.add(
        regional(
            "gcp_gke_clusters",
            "gcp",
            "GKE Clusters",
            "name:Name",
            "location:Location",
            "status:Status",
            "current_master_version:Master Version",
            "node_count:Nodes",
            "endpoint:Endpoint"));
    s.add(
        regional(
            "gcp_cloud_functions",
            "gcp",
            "Cloud Functions",
            "name:Name",
            "runtime:Runtime",
            "state:State",
            "entry_point:Entry Point",
            "available_memory:Memory",
            "update_time:Updated"));
    s.add(
        regional(
            "gcp_cloud_run_services",
            "gcp",
            "Cloud Run Services",
            "name:Name",
            "url:URL",
            "latest_ready_revision:Latest Ready Revision",
            "ingress:Ingress",
            "update_time:Updated"));
    s.add(
        global(
            "gcp_vpc_networks",
            "gcp",
            "VPC Networks",
            "name:Name",
            "auto_create_subnetworks:Auto Subnets",
            "routing_mode:Routing Mode",
            "mtu:MTU",
            "subnetwork_count:Subnetworks"));
    s.add(
        global(
            "gcp_pubsub_topics",
            "gcp",
            "Pub/Sub Topics",
            "name:Name",
            "message_retention_duration:Retention",
            "subscription_count:Subscriptions",
            "kms_key_name:KMS Key"));
    s.add(
        global(
            "gcp_service_accounts",
            "gcp",
            "IAM Service Accounts",
            "email:Email",
            "display_name:Display Name",
            "unique_id:Unique ID",
            "disabled:Disabled"));
    // Azure
    s.add(
        regional(
            "azure_virtual_machines",
            "azure",
            "Virtual Machines",
            "name:Name",
            "resource_group:Resource Group",
            "vm_size:Size",
            "power_state:Power State",
            "os_type:OS",
            "private_ip:Private IP",
            "location:Location",
            "vm_id:VM ID"));
    s.add(
        regional(
            "azure_storage_accounts",
            "azure",
            "Storage Accounts",
            "name:Name",
            "resource_group:Resource Group",
            "kind:Kind",
            "sku:SKU",
            "access_tier:Access Tier",
            "https_only:HTTPS Only",
            "location:Location",
            "creation_time:Created"));
    s.add(
        regional(
            "azure_sql_databases",
            "azure",
            "SQL Databases",
            "name:Name",
            "server_name:Server",
            "resource_group:Resource Group",
            "sku:SKU",
            "status:Status",
            "max_size_bytes:Max Size (bytes)",
            "location:Location"));
    s.add(
        regional(
            "azure_aks_clusters",
            "azure",
            "AKS Clusters",
            "name:Name",
            "resource_group:Resource Group",
            "kubernetes_version:Kubernetes Version",
            "node_count:Nodes",
            "provisioning_state:Provisioning State",
            "fqdn:FQDN",
            "location:Location"));
    s.add(
        regional(
            "azure_function_apps",
            "azure",
            "Function Apps",
            "name:Name",
            "resource_group:Resource Group",
            "state:State",
            "runtime:Runtime",
            "default_host_name:Default Host Name",
            "location:Location"));
    s.add(
        regional(
            "azure_key_vaults",
            "azure",
            "Key Vaults",
            "name:Name",
            "resource_group:Resource Group",
            "sku:SKU",
            "vault_uri:Vault URI",
            "soft_delete_enabled:Soft Delete",
            "location:Location"));
    s.add(
        regional(
            "azure_virtual_networks",
            "azure",
            "Virtual Networks",
            "name:Name",
            "resource_group:Resource Group",
            "address_space:Address Space",
            "subnet_count:Subnets",
            "location:Location"));
    s.add(
        regional(
            "azure_resource_groups",
            "azure",
            "Resource Groups",
            "name:Name",
            "location:Location",
            "provisioning_state:Provisioning State",
            "environment:Environment Tag"));
    s.add(
        global(
            "azure_entra_users",
            "azure",
            "Entra ID Users",
            "display_name:Display Name",
            "user_principal_name:User Principal Name",
            "id:Object ID",
            "account_enabled:Enabled",
            "created_date_time:Created"));

    Map<String, List<String>> regions = new LinkedHashMap<>();
    regions.put(
        "aws",
        List.of(
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
            "af-south-1",
            "ap-east-1",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "eu-south-1",
            "eu-south-2",
            "eu-north-1",
            "il-central-1",
            "me-south-1",
            "me-central-1",
            "sa-east-1"));
    regions.put(
        "gcp",
        List.of(
            "us-central1",
            "us-east1",
            "us-east4",
            "us-east5",
            "us-south1",
            "us-west1",
            "us-west2",
            "us-west3",
            "us-west4",
            "northamerica-northeast1",
            "northamerica-northeast2",
            "southamerica-east1",
            "southamerica-west1",
            "europe-west1",
            "europe-west2",
            "europe-west3",
            "europe-west4",
            "europe-west6",
            "europe-west8",
            "europe-west9",
            "europe-west10",
            "europe-west12",
            "europe-north1",
            "europe-central2",
            "europe-southwest1",
            "asia-east1",
            "asia-east2",
            "asia-northeast1",
            "asia-northeast2",
            "asia-northeast3",
            "asia-south1",
            "asia-south2",
            "asia-southeast1",
            "asia-southeast2",
            "australia-southeast1",
            "australia-southeast2",
            "me-west1",
            "me-central1",
            "africa-south1"));
    regions.put(
        "azure",
        List.of(
            "eastus",
            "eastus2",
            "westus",
            "westus2",
            "westus3",
            "centralus",
            "northcentralus",
            "southcentralus",
            "westcentralus",
            "canadacentral",
            "canadaeast",
            "brazilsouth",
            "northeurope",
            "westeurope",
            "uksouth",
            "ukwest",
            "francecentral",
            "germanywestcentral",
            "norwayeast",
            "swedencentral",
            "switzerlandnorth",
            "italynorth",
            "polandcentral",
            "eastasia",
            "southeastasia",
            "japaneast",
            "japanwest",
            "koreacentral",
            "australiaeast",
            "australiasoutheast",
            "centralindia",
            "southindia",
            "uaenorth",
            "southafricanorth",
            "qatarcentral"));
    return new Catalogue(s, regions);
  }

  private static ServiceDefinition regional(
      String id, String provider, String label, String... columns) {
    return new ServiceDefinition(id, provider, label, columns(columns), false);
  }

  private static ServiceDefinition global(
      String id, String provider, String label, String... columns) {
    return new ServiceDefinition(id, provider, label, columns(columns), true);
  }

  private static List<ColumnDefinition> columns(String... specs) {
    List<ColumnDefinition> columns = new ArrayList<>(specs.length);
    for (String spec : specs) {
      int colon = spec.indexOf(':');
      columns.add(new ColumnDefinition(spec.substring(0, colon), spec.substring(colon + 1)));
    }
    return columns;
  }
}
