package fr.infocentre.warehouse.opendata;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Derives a rapport's Parquet file from its CSV with DuckDB (in memory), every column read with
 * its explicit type (no type guessing: a value that does not cast fails the copy), so the two
 * files cannot disagree. One thread: the rows and row groups must not depend on scheduling, so
 * that the same CSV always gives the same bytes.
 */
final class ParquetCopy {

    private ParquetCopy() {
    }

    static void write(Path csv, Path parquet, List<Field> fields) throws SQLException {
        String columns = fields.stream().map(f -> literal(f.name()) + ": " + literal(f.type().duckDb()))
                .collect(Collectors.joining(", ", "{", "}"));
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = connection.createStatement()) {
            sql.execute("SET threads = 1");
            sql.execute("COPY (SELECT * FROM read_csv(" + literal(csv.toString()) + ", header = true,"
                    + " delim = ',', quote = '\"', escape = '\"', auto_detect = false, columns = " + columns + "))"
                    + " TO " + literal(parquet.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
        }
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
