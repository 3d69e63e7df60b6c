package cloud.lightpane.cli.render;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a CSV run, fixed by the request alone so that a script reading the file never
 * meets a different shape because of the data.
 *
 * <ul>
 *   <li>A run over one (service, provider, region) has exactly that service's columns: the
 *       requested {@code --attributes}, or else the columns the server announces for it.
 *   <li>A run over several services or regions starts every row with {@link #SOURCE_COLUMNS}
 *       ({@code _service,_provider,_region}; underscored because services such as {@code s3} have a
 *       {@code region} column of their own), followed by the union of the services' columns in
 *       request order. A cell is empty when its row's service has no such column.
 * </ul>
 *
 * @param withSource whether rows start with the source columns
 * @param columns the data columns, or null to take them from the first result (one service only)
 */
public record CsvLayout(boolean withSource, List<String> columns) {

  /** The leading columns of a run that spans several services or regions. */
  public static final List<String> SOURCE_COLUMNS = List.of("_service", "_provider", "_region");

  public CsvLayout {
    columns = columns == null ? null : List.copyOf(columns);
  }

  /** The header this layout writes, given the fields of the first result. */
  List<String> header(List<String> data) {
    List<String> header = new ArrayList<>();
    if (withSource) {
      header.addAll(SOURCE_COLUMNS);
    }
    header.addAll(data);
    return header;
  }
}
