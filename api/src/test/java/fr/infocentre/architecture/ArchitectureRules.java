package fr.infocentre.architecture;

import com.tngtech.archunit.lang.ArchRule;
import fr.infocentre.warehouse.GuichetActivity;
import fr.infocentre.warehouse.RequeteResult;
import fr.infocentre.warehouse.Requetes;
import fr.infocentre.warehouse.RestrictedWarehouse;

import java.util.List;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules, one constant each, so that each can be shown to fail on a class that breaks it. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Data flows one way: the warehouse never reaches down to the api, nor back up to Spark or the ETL. */
    static final ArchRule WAREHOUSE_KNOWS_NEITHER_API_NOR_SPARK = noClasses()
            .that().resideInAPackage("fr.infocentre.warehouse..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.infocentre.api..", "org.apache.spark..",
                    "fr.infocentre.etl..", "io.javalin..")
            .as("warehouse never imports api, Javalin, the ETL or Spark");

    /** The ETL writes the warehouse format and knows nothing else of the warehouse (nor of the api). */
    static final ArchRule ETL_USES_ONLY_THE_WAREHOUSE_FORMAT = noClasses()
            .that().resideInAPackage("fr.infocentre.etl..")
            .should().dependOnClassesThat(resideInAnyPackage("fr.infocentre.warehouse..", "fr.infocentre.api..")
                    .and(not(resideInAPackage("fr.infocentre.warehouse.format.."))))
            .as("etl uses the warehouse's format contract and nothing else of it");

    /** The generator stands for the SNE: it writes extracts and shares only the reference data and format with the loader. */
    static final ArchRule GENERATOR_DOES_NOT_USE_THE_LOADER = noClasses()
            .that().resideInAPackage("fr.infocentre.etl.generator..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.infocentre.etl.extract..",
                    "fr.infocentre.etl.validation..", "fr.infocentre.etl.transform..", "fr.infocentre.etl.warehouse..",
                    "org.apache.spark..")
            .as("the generator never uses the ETL's loading stages nor Spark");

    /** The api asks the warehouse's public interface; it never queries DuckDB nor reaches the engine's insides. */
    static final ArchRule API_BUILDS_NO_SQL = noClasses()
            .that().resideInAPackage("fr.infocentre.api..")
            .should().dependOnClassesThat().resideInAnyPackage("org.duckdb..",
                    "fr.infocentre.warehouse.catalogue..", "fr.infocentre.warehouse.engine..",
                    "fr.infocentre.warehouse.secret..", "fr.infocentre.warehouse.storage..",
                    "fr.infocentre.warehouse.audit..", "org.apache.spark..", "fr.infocentre.etl..")
            .as("api never builds SQL over the warehouse and uses only the warehouse's public interface");

    /** In the api, SQL is the account store's alone: its own SQLite file (accounts, sessions, audit log). */
    static final ArchRule ONLY_THE_ACCOUNT_STORE_USES_SQL = noClasses()
            .that().resideInAPackage("fr.infocentre.api..")
            .and().resideOutsideOfPackage("fr.infocentre.api.accounts..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..")
            .as("in the api, only the account store (api.accounts) uses SQL");

    /** The public site knows nothing of accounts, sessions and restricted routes; the application wires both. */
    static final ArchRule PUBLIC_SITE_KNOWS_NO_ACCOUNT = noClasses()
            .that().resideInAPackage("fr.infocentre.api..")
            .and().resideOutsideOfPackages("fr.infocentre.api", "fr.infocentre.api.accounts..",
                    "fr.infocentre.api.security..", "fr.infocentre.api.gestion..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.infocentre.api.accounts..",
                    "fr.infocentre.api.security..", "fr.infocentre.api.gestion..")
            .as("the public site (routes, pages, render, request) never uses the account store, the security layer"
                    + " nor the gestion routes");

    /** The account store is plain Java over its file: the command line and the server share it. */
    static final ArchRule ACCOUNT_STORE_KNOWS_NO_WEB = noClasses()
            .that().resideInAPackage("fr.infocentre.api.accounts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "jakarta.servlet..", "org.eclipse.jetty..",
                    "fr.infocentre.api.security..", "fr.infocentre.api.gestion..", "fr.infocentre.api.routes..",
                    "fr.infocentre.api.pages..", "fr.infocentre.api.render..", "fr.infocentre.api.request..")
            .as("the account store (api.accounts) knows nothing of the web: no Javalin, no route, no page");

    /** The public site reads releases only: it never computes from the warehouse. */
    static final ArchRule API_READS_RELEASES_ONLY = noClasses()
            .that().resideInAPackage("fr.infocentre.api..")
            .should().dependOnClassesThat(resideInAPackage("fr.infocentre.warehouse.serving..")
                    .or(resideInAPackage("fr.infocentre.warehouse.publication..")))
            .orShould().dependOnClassesThat().haveFullyQualifiedName("fr.infocentre.warehouse.Warehouse")
            .as("api reads releases only, never the warehouse");

    /** Unmasked counts stay where they are computed and protected. */
    /** The weekly warehouse's exact figures are for the espace gestionnaire only. */
    static final ArchRule ONLY_THE_GESTION_SPACE_READS_THE_WEEKLY_WAREHOUSE = noClasses()
            .that().resideInAPackage("fr.infocentre.api..")
            .and().resideOutsideOfPackage("fr.infocentre.api.gestion..")
            .and().doNotHaveFullyQualifiedName("fr.infocentre.api.ServeCommand")
            .should().dependOnClassesThat(resideInAPackage("fr.infocentre.warehouse.restricted..")
                    .or(type(RestrictedWarehouse.class)).or(type(GuichetActivity.class))
                    .or(type(Requetes.class)).or(type(RequeteResult.class)))
            .as("only the espace gestionnaire reads the weekly warehouse (series 06, requêtes: exact figures)");

    static final ArchRule COMPUTED_TABLES_STAY_INSIDE = noClasses()
            .that().resideOutsideOfPackages("fr.infocentre.warehouse.engine..", "fr.infocentre.warehouse.secret..",
                    "fr.infocentre.warehouse.serving..", "fr.infocentre.warehouse.audit..")
            .should().dependOnClassesThat().haveFullyQualifiedName("fr.infocentre.warehouse.engine.ComputedTable")
            .as("only the engine, the protection step, serving and the audit see computed (unmasked) tables");

    /** Only the protection step turns a computed table into a published one. */
    static final ArchRule ONLY_THE_SECRET_STATISTIQUE_PUBLISHES = constructors()
            .that().areDeclaredIn("fr.infocentre.warehouse.RapportTable")
            .should().onlyBeCalled().byClassesThat().resideInAnyPackage("fr.infocentre.warehouse.secret..",
                    "fr.infocentre.warehouse.release..")
            .as("a RapportTable (published, masked) is built by the secret statistique step only, or read back from a"
                    + " release (which holds nothing else)");

    /** The stages of each module depend on each other without a cycle. */
    static final ArchRule NO_CYCLE_BETWEEN_PACKAGES = slices()
            .matching("fr.infocentre.(**)")
            .should().beFreeOfCycles()
            .as("no cycle between the project's packages");

    static final List<ArchRule> ALL = List.of(WAREHOUSE_KNOWS_NEITHER_API_NOR_SPARK,
            ETL_USES_ONLY_THE_WAREHOUSE_FORMAT, GENERATOR_DOES_NOT_USE_THE_LOADER, API_BUILDS_NO_SQL, API_READS_RELEASES_ONLY,
            ONLY_THE_ACCOUNT_STORE_USES_SQL, PUBLIC_SITE_KNOWS_NO_ACCOUNT, ACCOUNT_STORE_KNOWS_NO_WEB,
            ONLY_THE_GESTION_SPACE_READS_THE_WEEKLY_WAREHOUSE, COMPUTED_TABLES_STAY_INSIDE,
            ONLY_THE_SECRET_STATISTIQUE_PUBLISHES, NO_CYCLE_BETWEEN_PACKAGES);
}
