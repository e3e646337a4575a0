package fr.infocentre.api.violations;

import java.sql.Connection;
import java.sql.SQLException;

/** Breaks "api never builds SQL" (test only). */
final class ApiBuildingSql {

    void count(Connection connection) throws SQLException {
        connection.createStatement().executeQuery("SELECT count(*) FROM demandes");
    }
}
