package fr.infocentre.etl.reference;

import fr.infocentre.warehouse.format.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The income ceilings of the warehouse (tables {@code plafonds} and {@code zones_plafonds},
 * docs/warehouse-format.md), from the reference copy {@code plafonds-ressources.csv} and
 * {@code paris-limitrophes.csv}.
 *
 * <p>{@code plafonds} is complete for every year {@link #FIRST_YEAR}–{@link #LAST_YEAR} ×
 * financement × zone × category 1–6; the amount per extra person beyond 6 is the column
 * {@code supp_par_personne}. A figure the reference file lacks (PLAFONDS.md, "PLAI gaps still
 * open") is filled by the rule of {@link #fill}, named in the row's {@code regle} /
 * {@code regle_supp}; never by a silent default. The rule is documented in ref/README.md.
 *
 * <p>The synthetic generator reads the same complete table through {@link #lookup()}.
 */
public final class Plafonds {

    public static final int FIRST_YEAR = 2015;
    public static final int LAST_YEAR = 2026;
    public static final List<String> FINANCEMENTS = List.of("PLAI", "PLUS", "PLS");
    public static final List<String> ZONES = Arrays.stream(Zone.values()).map(Zone::name).toList();
    /** Categories 1–6, then SUPP (the amount per person beyond category 6). */
    public static final List<String> CATEGORIES = List.of("1", "2", "3", "4", "5", "6", "SUPP");
    /** {@code regle} of a figure taken as published. */
    public static final String ARRETE = "arrêté";

    private static final String PARIS = "75056";
    private static final String ILE_DE_FRANCE = "11";

    private Plafonds() {
    }

    /** The plafond zones of the arrêté (column {@code zone} of {@code plafonds} and {@code zones_plafonds}). */
    public enum Zone { PARIS_LIMITROPHES, IDF_HORS_PARIS, AUTRES_REGIONS }

    /** One figure: a ceiling (category 1–6) or the amount per extra person (SUPP). */
    private record Amount(int euros, String regle, String source) {
    }

    /** One row of the table {@code plafonds}. */
    public record Plafond(int annee, String financement, String zone, int categorie, int plafondEuros,
                          String regle, int suppParPersonne, String regleSupp, String source) {
    }

    /** Key of a figure of the reference file. */
    private record Key(int annee, String financement, String zone, String categorie) {
    }

    /** Table → its rows, in the order of the warehouse contract. */
    public static Map<Table, ReferenceTable> tables(SparkSession spark) {
        Map<Table, ReferenceTable> tables = new LinkedHashMap<>();
        tables.put(Table.PLAFONDS, plafondsTable(spark));
        tables.put(Table.ZONES_PLAFONDS, zonesTable(spark));
        return tables;
    }

    /** Every row of {@code plafonds}, gaps filled, ordered by year, financement, zone, category. */
    public static List<Plafond> complets() {
        Map<Key, Amount> published = published();
        List<Plafond> rows = new ArrayList<>();
        for (int annee = FIRST_YEAR; annee <= LAST_YEAR; annee++) {
            for (String financement : FINANCEMENTS) {
                for (String zone : ZONES) {
                    Amount supplement = amount(published, annee, financement, zone, "SUPP");
                    for (int categorie = 1; categorie <= 6; categorie++) {
                        Amount m = amount(published, annee, financement, zone, String.valueOf(categorie));
                        rows.add(new Plafond(annee, financement, zone, categorie, m.euros(), m.regle(),
                                supplement.euros(), supplement.regle(), m.source()));
                    }
                }
            }
        }
        return rows;
    }

    /**
     * One figure: as published, or filled by the rule: the nearest year published for the same
     * financement, zone and category (the earlier one when two are as near), revalued by the
     * ratio of the PLUS figures of the two years for that zone and category, rounded half-up to
     * the euro.
     */
    private static Amount amount(Map<Key, Amount> published, int annee, String financement, String zone,
                                  String categorie) {
        Amount found = published.get(new Key(annee, financement, zone, categorie));
        return found != null ? found : fill(published, annee, financement, zone, categorie);
    }

    private static Amount fill(Map<Key, Amount> published, int annee, String financement, String zone,
                                   String categorie) {
        for (int gap = 1; gap <= LAST_YEAR - FIRST_YEAR; gap++) {
            for (int source : new int[] {annee - gap, annee + gap}) {
                Amount base = published.get(new Key(source, financement, zone, categorie));
                if (base == null) {
                    continue;
                }
                Amount plusTarget = published.get(new Key(annee, "PLUS", zone, categorie));
                Amount plusSource = published.get(new Key(source, "PLUS", zone, categorie));
                if (plusTarget == null || plusSource == null) {
                    throw new IllegalStateException("plafonds-ressources.csv: cannot fill " + financement + " "
                            + annee + " " + zone + " " + categorie + ": no PLUS figure for " + annee + " or " + source);
                }
                int euros = BigDecimal.valueOf(base.euros()).multiply(BigDecimal.valueOf(plusTarget.euros()))
                        .divide(BigDecimal.valueOf(plusSource.euros()), 0, RoundingMode.HALF_UP).intValueExact();
                String regle = "comblé : " + financement + " " + source + " × PLUS " + annee + " / PLUS " + source;
                return new Amount(euros, regle, null);
            }
        }
        throw new IllegalStateException("plafonds-ressources.csv: no " + financement + " " + zone + " "
                + categorie + " figure in any year");
    }

    /** The figures of plafonds-ressources.csv, as published. */
    private static Map<Key, Amount> published() {
        Map<Key, Amount> published = new HashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("plafonds-ressources.csv")) {
            Key key = new Key(Integer.parseInt(r.get("annee")), r.get("financement"), r.get("zone"), r.get("categorie"));
            if (!FINANCEMENTS.contains(key.financement()) || !ZONES.contains(key.zone())
                    || !CATEGORIES.contains(key.categorie())) {
                throw new IllegalStateException("plafonds-ressources.csv: unexpected row " + r);
            }
            Amount m = new Amount(Integer.parseInt(r.get("plafond_euros")), ARRETE, r.get("source"));
            if (published.put(key, m) != null) {
                throw new IllegalStateException("plafonds-ressources.csv: duplicate row " + key);
            }
        }
        return published;
    }

    /** The complete table ({@link #complets()}) as a look-up. */
    public static Lookup lookup() {
        return new Lookup(complets());
    }

    /** The plafonds of {@link #complets()} by year, financement, zone and household size. */
    public static final class Lookup {

        /** [financement][zone][annee − FIRST_YEAR][categorie 1–6 at 0–5, supp_par_personne at 6] */
        private final int[][][][] euros =
                new int[FINANCEMENTS.size()][ZONES.size()][LAST_YEAR - FIRST_YEAR + 1][7];

        private Lookup(List<Plafond> plafonds) {
            for (Plafond p : plafonds) {
                int[] cells = euros[FINANCEMENTS.indexOf(p.financement())][ZONES.indexOf(p.zone())][p.annee() - FIRST_YEAR];
                cells[p.categorie() - 1] = p.plafondEuros();
                cells[6] = p.suppParPersonne();
            }
        }

        /**
         * The plafond in force in {@code annee} for a household of {@code personnes} persons counted for
         * the plafonds (docs/warehouse-format.md): {@code plafond_euros(categorie = min(p, 6)) +
         * max(p − 6, 0) × supp_par_personne}.
         *
         * @throws IllegalArgumentException for a year outside {@link #FIRST_YEAR}–{@link #LAST_YEAR},
         *                                  a financement not in {@link #FINANCEMENTS} or fewer than 1 person
         */
        public int plafond(int annee, String financement, Zone zone, int personnes) {
            int f = FINANCEMENTS.indexOf(financement);
            if (f < 0 || annee < FIRST_YEAR || annee > LAST_YEAR || personnes < 1) {
                throw new IllegalArgumentException("no plafond for " + financement + " " + annee + " " + zone + ", "
                        + personnes + " persons: the table covers " + FINANCEMENTS + ", " + FIRST_YEAR + "–"
                        + LAST_YEAR + ", 1 person or more");
            }
            int[] cells = euros[f][zone.ordinal()][annee - FIRST_YEAR];
            return cells[Math.min(personnes, 6) - 1] + Math.max(personnes - 6, 0) * cells[6];
        }
    }

    /** Zone of every commune and arrondissement of the reference copy (code → zone). */
    public static Map<String, String> zones() {
        Set<String> limitrophes = new HashSet<>();
        for (Map<String, String> r : ReferenceCsv.read("paris-limitrophes.csv")) {
            limitrophes.add(r.get("code_commune"));
        }
        Map<String, String> zones = new LinkedHashMap<>();
        for (Map<String, String> r : ReferenceCsv.read("communes.csv")) {
            String code = r.get("code_commune");
            String zone;
            if (PARIS.equals(code) || PARIS.equals(r.get("commune_parent")) || limitrophes.contains(code)) {
                zone = "PARIS_LIMITROPHES";
            } else if (ILE_DE_FRANCE.equals(r.get("code_region"))) {
                zone = "IDF_HORS_PARIS";
            } else {
                zone = "AUTRES_REGIONS";
            }
            zones.put(code, zone);
        }
        return zones;
    }

    private static ReferenceTable plafondsTable(SparkSession spark) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("annee", DataTypes.IntegerType, false),
            DataTypes.createStructField("financement", DataTypes.StringType, false),
            DataTypes.createStructField("zone", DataTypes.StringType, false),
            DataTypes.createStructField("categorie", DataTypes.IntegerType, false),
            DataTypes.createStructField("plafond_euros", DataTypes.IntegerType, false),
            DataTypes.createStructField("regle", DataTypes.StringType, false),
            DataTypes.createStructField("supp_par_personne", DataTypes.IntegerType, false),
            DataTypes.createStructField("regle_supp", DataTypes.StringType, false),
            DataTypes.createStructField("source", DataTypes.StringType, true),
        });
        List<Row> rows = new ArrayList<>();
        for (Plafond p : complets()) {
            rows.add(RowFactory.create(p.annee(), p.financement(), p.zone(), p.categorie(), p.plafondEuros(),
                    p.regle(), p.suppParPersonne(), p.regleSupp(), p.source()));
        }
        return table(spark, rows, schema, 1);
    }

    private static ReferenceTable zonesTable(SparkSession spark) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("code_commune", DataTypes.StringType, false),
            DataTypes.createStructField("zone", DataTypes.StringType, false),
        });
        List<Row> rows = new ArrayList<>();
        zones().forEach((code, zone) -> rows.add(RowFactory.create(code, zone)));
        return table(spark, rows, schema, 2);
    }

    private static ReferenceTable table(SparkSession spark, List<Row> rows, StructType schema, int slices) {
        return new ReferenceTable(spark.createDataFrame(
                JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices), schema), rows.size());
    }
}
