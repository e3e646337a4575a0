package fr.infocentre.etl;

import org.apache.spark.sql.SparkSession;

/** The Spark settings the ETL runs with: no UI, UTC, few shuffle partitions (the data is small). */
public final class EtlSpark {

    private EtlSpark() {
    }

    /** A session builder for the given master and number of shuffle partitions. */
    public static SparkSession.Builder builder(String appName, String master, int shufflePartitions) {
        return SparkSession.builder()
                .appName(appName)
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false");
    }
}
