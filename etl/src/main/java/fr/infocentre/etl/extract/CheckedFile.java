package fr.infocentre.etl.extract;

import fr.infocentre.etl.contract.ExtractFile;
import java.nio.file.Path;
import java.util.List;

/**
 * An extract file that passed the manifest check, ready for Spark.
 *
 * @param file        which file of the contract
 * @param path        where it is
 * @param header      its header's column names, in the file's order
 * @param rows        its data-row count (checked against the manifest)
 * @param multiLine   whether a quoted field holds a line break (Spark must then read it whole)
 * @param invalidUtf8 its data records holding bytes that are not UTF-8 (to be quarantined)
 * @param oversized   its data records too long for Spark's CSV reader (to be quarantined, never read by Spark)
 */
public record CheckedFile(ExtractFile file, Path path, List<String> header, long rows, boolean multiLine,
                          List<FileScan.InvalidUtf8> invalidUtf8, List<FileScan.OversizedRecord> oversized) {

    /** The same file's records, read from another path (a copy of it). */
    CheckedFile at(Path copy) {
        return new CheckedFile(file, copy, header, rows, multiLine, invalidUtf8, oversized);
    }
}
