package cloud.lightpane.cli.render;

/**
 * Where a block of rows came from, as the renderers see it (no HTTP, no client types).
 *
 * @param service catalogue id, e.g. {@code ec2}
 * @param label human name, e.g. {@code EC2 Instances}; may be null
 * @param provider {@code aws}, {@code gcp}, {@code azure} or any other the server sends
 * @param region region of the result
 * @param count the number of rows the server announced
 * @param timestamp when the server produced the data (ISO-8601), or null
 */
public record ResultInfo(
    String service, String label, String provider, String region, long count, String timestamp) {}
