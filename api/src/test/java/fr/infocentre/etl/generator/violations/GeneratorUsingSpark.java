package fr.infocentre.etl.generator.violations;

import org.apache.spark.sql.SparkSession;

/** Breaks "the generator never uses the ETL's loading stages nor Spark" (test only). */
final class GeneratorUsingSpark {

    SparkSession spark;
}
