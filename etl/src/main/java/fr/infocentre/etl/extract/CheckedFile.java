package fr.infocentre.etl.extract;

import fr.infocentre.etl.contract.ExtractFile;
import java.nio.file.Path;
import java.util.List;

/**
 * An extract file that passed the manifest check, ready for Spark.
 *
 * @param file      which file of the contract
 * @param path      where it is
 * @param header    its header's column names, in the file's order
 * @param rows      its data-row count (checked against the manifest)
 * @param multiLine whether a quoted field holds a line break (Spark must then read it whole)
 */
public record CheckedFile(ExtractFile file, Path path, List<String> header, long rows, boolean multiLine) {
}
