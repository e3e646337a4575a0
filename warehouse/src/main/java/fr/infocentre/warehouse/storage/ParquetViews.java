package fr.infocentre.warehouse.storage;

import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.format.Table;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The served version's tables as DuckDB views over their Parquet files (docs/warehouse-format.md). */
public final class ParquetViews {

    private ParquetViews() {
    }

    /** One view per table the rapports read, named as the table; the quarantine is not read. */
    public static void create(Connection connection, ServedVersion version) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (Table table : Table.values()) {
                if (table == Table.QUARANTAINE) {
                    continue;
                }
                String files = version.table(table).resolve("**").resolve("*.parquet").toString();
                st.execute("CREATE VIEW " + table.tableName() + " AS SELECT * FROM read_parquet('"
                        + files.replace("'", "''") + "')");
            }
        }
    }
}
