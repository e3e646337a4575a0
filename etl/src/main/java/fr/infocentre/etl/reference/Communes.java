package fr.infocentre.etl.reference;

import static org.apache.spark.sql.functions.udf;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The current communes (COG) of the reference copy, as Spark column functions: is a code known,
 * which is the first unknown code of a pipe-separated list, and the commune of an arrondissement.
 * The set is loaded once per JVM from the classpath (executors load their own copy).
 */
public final class Communes {

    /** Most wished communes a demande may list. */
    public static final int MAX_SOUHAITEES = 8;

    private static final UserDefinedFunction FIRST_UNKNOWN =
            udf((UDF1<String, String>) Communes::firstUnknown, DataTypes.StringType)
                    .withName("premiere_commune_inconnue");
    private static final UserDefinedFunction KNOWN =
            udf((UDF1<String, Boolean>) Communes::known, DataTypes.BooleanType).withName("commune_connue");
    private static final UserDefinedFunction COG =
            udf((UDF1<String, String>) Communes::cog, DataTypes.StringType).withName("commune_cog");

    private Communes() {
    }

    /** Code → parent commune for arrondissements, code → null for communes. */
    private static final class Holder {
        static final Map<String, String> PARENT = load();

        private static Map<String, String> load() {
            Map<String, String> parent = new HashMap<>();
            for (Map<String, String> row : ReferenceCsv.read("communes.csv")) {
                parent.put(row.get("code_commune"), row.get("commune_parent"));
            }
            return parent;
        }
    }

    /** Whether a code is a current commune or arrondissement. */
    public static boolean known(String code) {
        return code != null && Holder.PARENT.containsKey(code);
    }

    /** The commune of a code: an arrondissement's parent, else the code itself (null for null). */
    public static String cog(String code) {
        if (code == null) {
            return null;
        }
        String parent = Holder.PARENT.get(code);
        return parent == null ? code : parent;
    }

    /** The first code of a pipe-separated list that is not a known commune (possibly ""), or null if all are known. */
    public static String firstUnknown(String pipeList) {
        if (pipeList == null) {
            return null;
        }
        for (String code : pipeList.split("\\|", -1)) {
            if (!known(code)) {
                return code;
            }
        }
        return null;
    }

    /** Column: first unknown commune of a pipe-separated list, null when all are known. */
    public static Column firstUnknown(Column pipeList) {
        return FIRST_UNKNOWN.apply(pipeList);
    }

    /** Column: whether a code is a known commune or arrondissement (false for null). */
    public static Column known(Column code) {
        return KNOWN.apply(code);
    }

    /** Column: the commune of a code, arrondissements rolled up. */
    public static Column cog(Column code) {
        return COG.apply(code);
    }
}
