package fr.infocentre.etl.reference;

import fr.infocentre.warehouse.format.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The geography tables of the warehouse (communes, epci, departements, regions), from the reference copy. */
public final class Geography {

    private static final int ROWS_PER_TASK = 10_000;
    private static final Map<Table, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put(Table.COMMUNES, List.of("code_commune", "nom", "type", "commune_parent", "code_departement",
                "code_region", "siren_epci", "population"));
        COLUMNS.put(Table.EPCI, List.of("siren_epci", "nom", "type"));
        COLUMNS.put(Table.DEPARTEMENTS, List.of("code_departement", "nom", "code_region"));
        COLUMNS.put(Table.REGIONS, List.of("code_region", "nom"));
    }

    private Geography() {
    }

    /** Table → its rows, in the order of the warehouse contract. */
    public static Map<Table, ReferenceTable> tables(SparkSession spark) {
        Map<Table, ReferenceTable> tables = new LinkedHashMap<>();
        COLUMNS.forEach((table, columns) -> tables.put(table, table(spark, table, columns)));
        return tables;
    }

    private static ReferenceTable table(SparkSession spark, Table table, List<String> columns) {
        List<StructField> fields = new ArrayList<>();
        for (String c : columns) {
            fields.add(DataTypes.createStructField(c, typeOf(c), true));
        }
        List<Row> rows = new ArrayList<>();
        for (Map<String, String> record : ReferenceCsv.read(table.tableName() + ".csv")) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                String v = record.get(columns.get(i));
                values[i] = v == null || typeOf(columns.get(i)) == DataTypes.StringType ? v : Integer.valueOf(v);
            }
            rows.add(RowFactory.create(values));
        }
        // Spread the rows over a few tasks: one task carrying all 35,000 communes would be a 5 MB task.
        int slices = Math.max(1, rows.size() / ROWS_PER_TASK + 1);
        JavaRDD<Row> rdd = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices);
        return new ReferenceTable(spark.createDataFrame(rdd, new StructType(fields.toArray(StructField[]::new))), rows.size());
    }

    private static DataType typeOf(String column) {
        return column.equals("population") ? DataTypes.IntegerType : DataTypes.StringType;
    }
}
