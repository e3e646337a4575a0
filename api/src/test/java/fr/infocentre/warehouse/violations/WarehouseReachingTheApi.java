package fr.infocentre.warehouse.violations;

import fr.infocentre.api.InfocentreApp;

import org.apache.spark.sql.SparkSession;

/** Breaks "warehouse never imports api or Spark" (test only: shows the rule can fail). */
final class WarehouseReachingTheApi {

    InfocentreApp app;
    SparkSession spark;
}
