package cloud.lightpane.cli.render;

/** One column of a result: the key in each row and the label a person reads. */
public record Field(String key, String label) {}
