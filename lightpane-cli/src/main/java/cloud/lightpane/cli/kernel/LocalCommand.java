package cloud.lightpane.cli.kernel;

/**
 * A command that connects to no LightPane server ({@code serve}, {@code completion}): of the global
 * options it takes only {@code -v} and {@code --no-color}, so its help and completion offer nothing
 * it would ignore, and {@code --base-url} and the like before its name are a usage error rather
 * than silently dropped (see {@link GlobalOptions#fitTo} and {@link GlobalOptions#check}).
 */
public interface LocalCommand {}
