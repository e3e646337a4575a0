package fr.infocentre.api.violations;

import org.duckdb.DuckDBConnection;

import java.sql.SQLException;

/** Breaks "api never builds SQL over the warehouse" and "only the account store uses SQL" (test only). */
final class ApiBuildingSql {

    void count(DuckDBConnection connection) throws SQLException {
        connection.createStatement().executeQuery("SELECT count(*) FROM demandes");
    }
}
