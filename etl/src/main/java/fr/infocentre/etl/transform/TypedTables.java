package fr.infocentre.etl.transform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.try_element_at;

import fr.infocentre.etl.contract.ExtractFile;
import fr.infocentre.etl.contract.Field;
import fr.infocentre.etl.extract.CsvSource;
import fr.infocentre.etl.reference.Communes;
import fr.infocentre.etl.validation.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The warehouse tables fed by the extract files: valid records typed as the warehouse contract
 * says (dates, booleans, ints; empty = null), plus each table's derived columns.
 */
public final class TypedTables {

    private TypedTables() {
    }

    /** The typed table of one validated file. */
    public static Dataset<Row> of(ExtractFile file, Dataset<Row> valid, LocalDate dateExtraction) {
        List<Column> columns = new ArrayList<>();
        for (Field f : file.fields()) {
            columns.add(typed(f).as(f.name()));
        }
        switch (file) {
            case DEMANDES -> {
                Column firstChoice = try_element_at(split(col("communes_souhaitees"), "\\|", -1), lit(1));
                columns.add(Communes.cog(firstChoice).as("commune_premier_choix"));
                columns.add(lit(dateExtraction).as("date_extraction"));
            }
            case EVENEMENTS -> columns.add(col(CsvSource.LIGNE).cast("long").as("ligne"));
            case ATTRIBUTIONS -> columns.add(Communes.cog(col("commune_logement")).as("commune_logement_cog"));
            case GUICHETS -> { }
        }
        return valid.select(columns.toArray(Column[]::new));
    }

    private static Column typed(Field f) {
        return switch (f.kind()) {
            case TEXT, CODE -> col(f.name());
            case DATE -> Columns.date(f.name());
            case BOOLEAN -> Columns.bool(f.name());
            case INTEGER -> Columns.integer(f.name());
        };
    }
}
