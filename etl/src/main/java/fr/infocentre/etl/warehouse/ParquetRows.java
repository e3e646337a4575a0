package fr.infocentre.etl.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** The rows of a table just written, read from its Parquet files' footers (no Spark job, no data read). */
public final class ParquetRows {

    private static final Configuration HADOOP = new Configuration();

    private ParquetRows() {
    }

    /** The rows of every {@code *.parquet} file of a table's folder. */
    public static long count(Path table) {
        try (Stream<Path> files = Files.walk(table)) {
            long rows = 0;
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
                        new org.apache.hadoop.fs.Path(f.toUri()), HADOOP))) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footers of " + table, e);
        }
    }
}
