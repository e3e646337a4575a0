package fr.infocentre.etl;

import static org.apache.spark.sql.functions.col;

import fr.infocentre.warehouse.format.Table;
import fr.infocentre.warehouse.format.WarehouseFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Command line: {@code --extract DIR --warehouse DIR [--master local[*]|spark://host:7077]}.
 * Loads the extract, prints progress and a summary to stderr. Exit status: 0 loaded,
 * 1 extract refused or load failed, 2 usage error.
 */
public final class EtlCommand {

    private static final String USAGE =
            "usage: EtlCommand --extract DIR --warehouse DIR [--master local[*]|spark://host:7077]";
    private static final int REASONS_SHOWN = 5;

    private EtlCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String extract = null;
        String warehouse = null;
        String master = "local[*]";
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length || !List.of("--extract", "--warehouse", "--master").contains(option)) {
                System.err.println(USAGE);
                return 2;
            }
            String value = args[++i];
            switch (option) {
                case "--extract" -> extract = value;
                case "--warehouse" -> warehouse = value;
                default -> master = value;
            }
        }
        if (extract == null || warehouse == null) {
            System.err.println(USAGE);
            return 2;
        }
        SparkSession spark = EtlSpark.builder("infocentre-etl", master, 8).getOrCreate();
        try {
            System.err.println("loading " + extract + " into " + warehouse + " (master " + master + ")");
            long start = System.nanoTime();
            LoadReport report = EtlJob.run(spark, Path.of(extract), Path.of(warehouse), step -> System.err.println(
                    String.format(Locale.ROOT, "[%6.1f s] %s", (System.nanoTime() - start) / 1e9, step)));
            printSummary(spark, Path.of(warehouse), report);
            return 0;
        } catch (ExtractRefused e) {
            System.err.println("REFUSED: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("FAILED: " + e);
            e.printStackTrace(System.err);
            return 1;
        } finally {
            spark.stop();
        }
    }

    private static void printSummary(SparkSession spark, Path warehouse, LoadReport report) {
        System.err.println();
        System.err.println("version " + report.version() + " (extract of " + report.dateExtraction() + ")");
        report.rowsWritten().forEach((table, rows) -> System.err.printf("  %-14s %,12d rows%n", table, rows));
        Path quarantaine = Table.QUARANTAINE.in(WarehouseFormat.versionDir(warehouse, report.version()));
        for (Map.Entry<String, Long> file : report.rowsQuarantined().entrySet()) {
            System.err.printf("  quarantined %-16s %,10d%n", file.getKey(), file.getValue());
            if (file.getValue() > 0) {
                List<Row> first = spark.read().parquet(quarantaine.toString())
                        .filter(col("fichier").equalTo(file.getKey())).orderBy("ligne")
                        .limit(REASONS_SHOWN).collectAsList();
                for (Row r : first) {
                    System.err.println("      ligne " + r.getAs("ligne") + ", " + r.getAs("champ") + ": "
                            + r.getAs("motif"));
                }
            }
        }
        System.err.println(String.format(Locale.ROOT, "loaded in %.1f s", report.seconds()));
    }
}
