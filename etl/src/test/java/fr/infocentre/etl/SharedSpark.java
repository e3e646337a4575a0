package fr.infocentre.etl;

import org.apache.spark.sql.SparkSession;

/**
 * The one Spark session of a test JVM: local[2], no UI, 4 shuffle partitions, UTC. Created on
 * first use and reused by every test (starting Spark costs seconds); other modules use it
 * through the etl test-jar.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession session() {
        if (session == null) {
            session = EtlSpark.builder("infocentre-tests", "local[2]", 4).getOrCreate();
        }
        return session;
    }
}
