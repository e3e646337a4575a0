package fr.infocentre.etl.validation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/** Strict parsing of extract values as Spark columns: null when absent or malformed, never an error. */
public final class Columns {

    private static final String DATE_SHAPE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
    private static final String INT_SHAPE = "^-?[0-9]{1,10}$";

    private Columns() {
    }

    /** The field as a date when it is a real {@code yyyy-MM-dd} date, else null. */
    public static Column date(String field) {
        Column c = col(field);
        return when(c.rlike(DATE_SHAPE), try_to_date(c, "yyyy-MM-dd"));
    }

    /** The field as an int when it is a 32-bit integer, else null. */
    public static Column integer(String field) {
        Column c = col(field);
        return when(c.rlike(INT_SHAPE), c.try_cast(DataTypes.IntegerType));
    }

    /** The field as a boolean when it is 0 or 1, else null. */
    public static Column bool(String field) {
        Column c = col(field);
        return when(c.equalTo(lit("1")), lit(true)).when(c.equalTo(lit("0")), lit(false));
    }

    /** True when the field holds a value that the parsed column could not read. */
    static Column malformed(String field, Column parsed) {
        return col(field).isNotNull().and(parsed.isNull());
    }

    /** True when the field is present and not in the list. */
    static Column notIn(String field, java.util.List<String> codes) {
        return col(field).isNotNull().and(not(col(field).isin(codes.toArray())));
    }
}
