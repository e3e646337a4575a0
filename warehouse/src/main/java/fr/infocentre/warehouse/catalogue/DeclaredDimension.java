package fr.infocentre.warehouse.catalogue;

import fr.infocentre.warehouse.catalogue.Declarations.CategoryDeclaration;
import fr.infocentre.warehouse.catalogue.Declarations.DimensionDeclaration;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Category;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Dimension;
import fr.infocentre.warehouse.catalogue.RapportDefinition.Identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code dimensions/<name>.yaml}, checked: the categories the engine lays out and, when the
 * dimension declares its {@code input}, the SQL macro {@code categorie_<name>(<input>…)} generated
 * from it, which maps the extract's values to the category keys (docs/catalogue.md):
 * <pre>
 * CASE
 *     WHEN &lt;an input&gt; IS NULL THEN '&lt;empty&gt;'        -- when empty is declared
 *     WHEN &lt;input&gt; IN (&lt;codes&gt;) THEN '&lt;key&gt;'         -- a category with codes
 *     WHEN (&lt;when&gt;) THEN '&lt;key&gt;'                     -- a category with a condition
 *     …                                              -- in the order of the categories
 *     ELSE '&lt;the otherwise category&gt;'               -- or the value itself (one input), or NULL
 * END
 * </pre>
 * or, for a dimension that declares its {@code sql} expression, that expression.
 */
final class DeclaredDimension {

    /** The generated macros' names: categorie_ then the dimension's name, '-' as '_'. */
    static final String MACRO_PREFIX = "categorie_";

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** The SQL words a condition may hold besides its inputs and function calls. */
    private static final Set<String> SQL_WORDS = Set.of("and", "or", "not", "is", "null", "in", "between", "like",
            "ilike", "similar", "to", "escape", "case", "when", "then", "else", "end", "true", "false", "distinct",
            "from", "interval", "year", "years", "month", "months", "day", "days", "week", "weeks", "as",
            "integer", "bigint", "smallint", "varchar", "text", "double", "decimal", "boolean", "date", "timestamp",
            "any", "all", "some");

    final String name;
    /** The file, as messages name it ("rapports/dimensions/motif.yaml"). */
    final String where;
    final Dimension dimension;
    /** The CREATE MACRO statement, null for a dimension whose keys the rapports' SQL writes itself. */
    final String macro;
    /** A call of the macro on empty inputs, which makes DuckDB bind it entirely; null without macro. */
    final String probe;
    /** The macro's parameters (the input columns), empty without macro. */
    final List<String> inputs;

    private DeclaredDimension(String name, String where, Dimension dimension, String macro, List<String> input) {
        this.name = name;
        this.where = where;
        this.dimension = dimension;
        this.macro = macro;
        this.inputs = input == null ? List.of() : List.copyOf(input);
        this.probe = macro == null ? null : "SELECT " + macroName(name) + "("
                + input.stream().map(in -> "NULL").collect(Collectors.joining(", ")) + ")";
    }

    static String macroName(String dimension) {
        return MACRO_PREFIX + dimension.replace('-', '_');
    }

    /** Reads and checks {@code dimensions/<name>.yaml}. */
    static DeclaredDimension read(CatalogueFiles files, String name) {
        String file = "dimensions/" + name + ".yaml";
        if (!NAME.matcher(name).matches()) {
            throw files.error(file, null, "a dimension's name is lower case words joined by '-'");
        }
        DimensionDeclaration d = files.yaml(file, DimensionDeclaration.class);
        Checker check = new Checker(files, file);
        check.required(d.header(), "header");
        check.required(d.label(), "label");
        check.nonEmpty(d.categories(), "categories");
        List<Category> categories = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.categories().size(); i++) {
            CategoryDeclaration c = d.categories().get(i);
            String at = "categories[" + i + "]";
            if (c == null) {
                throw check.error(at, "empty category");
            }
            check.required(c.key(), at + ".key");
            check.required(c.label(), at + ".label");
            if (!keys.add(c.key())) {
                throw check.error(at + ".key", "category " + c.key() + " declared twice");
            }
            categories.add(new Category(c.key(), c.label(), c.offset()));
        }
        if (d.identity() != null) {
            checkIdentity(check, d.identity().left(), "identity.left", keys);
            checkIdentity(check, d.identity().right(), "identity.right", keys);
        }
        String macro = macro(check, name, d, keys);
        return new DeclaredDimension(name, files.where(file), new Dimension(d.header(), d.label(), List.copyOf(categories),
                d.identity()), macro, d.input());
    }

    private static void checkIdentity(Checker check, List<String> side, String field, Set<String> keys) {
        check.nonEmpty(side, field);
        for (String k : side) {
            if (!keys.contains(k)) {
                throw check.error(field, "unknown category " + k);
            }
        }
    }

    private static String macro(Checker check, String name, DimensionDeclaration d, Set<String> keys) {
        List<CategoryDeclaration> categories = d.categories();
        if (d.input() == null) {
            if (d.empty() != null || d.sql() != null) {
                throw check.error(d.empty() != null ? "empty" : "sql",
                        "needs input (the columns the dimension maps to its categories)");
            }
            for (int i = 0; i < categories.size(); i++) {
                if (categories.get(i).covers()) {
                    throw check.error("categories[" + i + "]", "codes, when or otherwise need the dimension's input"
                            + " (without input, the rapports' SQL writes the keys itself)");
                }
            }
            return null;
        }
        check.nonEmpty(d.input(), "input");
        Set<String> inputs = new HashSet<>();
        for (String in : d.input()) {
            if (in == null || !IDENTIFIER.matcher(in).matches() || !inputs.add(in)) {
                throw check.error("input", "input columns are distinct SQL names in lower case, not " + in);
            }
        }
        String head = "-- " + check.file + "\nCREATE MACRO " + macroName(name) + "(" + String.join(", ", d.input())
                + ") AS\n";
        if (d.sql() != null) {
            return head + sqlExpression(check, d, keys);
        }
        if (d.empty() != null && !keys.contains(d.empty())) {
            throw check.error("empty", "unknown category " + d.empty());
        }
        StringBuilder sql = new StringBuilder(head).append("    CASE\n");
        if (d.empty() != null) {
            sql.append("        WHEN ").append(d.input().stream().map(in -> in + " IS NULL")
                    .collect(Collectors.joining(" OR "))).append(" THEN ").append(literal(d.empty())).append('\n');
        }
        String otherwise = null;
        Map<Object, String> covered = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryDeclaration c = categories.get(i);
            String at = "categories[" + i + "]";
            int ways = (c.codes() != null ? 1 : 0) + (c.when() != null ? 1 : 0) + (c.otherwise() ? 1 : 0);
            if (ways == 0 && !c.key().equals(d.empty())) {
                throw check.error(at, "category " + c.key() + " has neither codes nor when (nor otherwise):"
                        + " say which values it covers");
            }
            if (ways > 1) {
                throw check.error(at, "category " + c.key() + " declares more than one of codes, when, otherwise");
            }
            if (c.otherwise()) {
                if (otherwise != null) {
                    throw check.error(at + ".otherwise", "categories " + otherwise + " and " + c.key()
                            + " are both otherwise");
                }
                otherwise = c.key();
            } else if (c.codes() != null) {
                if (d.input().size() != 1) {
                    throw check.error(at + ".codes", "codes need a dimension of one input column (input has "
                            + d.input().size() + "): use when");
                }
                check.nonEmpty(c.codes(), at + ".codes");
                List<String> literals = new ArrayList<>();
                for (Object code : c.codes()) {
                    if (code == null) {
                        throw check.error(at + ".codes", "empty code (the empty value is declared by the"
                                + " dimension's empty)");
                    }
                    String before = covered.put(code, c.key());
                    if (before != null) {
                        throw check.error(at + ".codes", "code " + code + " is covered by " + before + " and "
                                + c.key());
                    }
                    literals.add(literal(code));
                }
                String in = d.input().get(0);
                sql.append("        WHEN ").append(in).append(literals.size() == 1 ? " = " + literals.get(0)
                        : " IN (" + String.join(", ", literals) + ")");
                sql.append(" THEN ").append(literal(c.key())).append('\n');
            } else if (c.when() != null) {
                String condition = c.when().strip();
                if (condition.isEmpty() || condition.contains(";")) {
                    throw check.error(at + ".when", "a SQL condition over the input columns, without ';'");
                }
                checkColumns(check, at + ".when", condition, d.input());
                sql.append("        WHEN (").append(condition).append(") THEN ").append(literal(c.key())).append('\n');
            }
        }
        sql.append("        ELSE ").append(otherwise != null ? literal(otherwise)
                : d.input().size() == 1 ? "CAST(" + d.input().get(0) + " AS VARCHAR)" : "NULL").append('\n');
        return sql.append("    END;").toString();
    }

    /** A dimension that declares its SQL expression: the categories only list the keys it gives. */
    private static String sqlExpression(Checker check, DimensionDeclaration d, Set<String> keys) {
        if (d.empty() != null) {
            throw check.error("empty", "a dimension with sql gives the empty category in its expression");
        }
        for (int i = 0; i < d.categories().size(); i++) {
            if (d.categories().get(i).covers()) {
                throw check.error("categories[" + i + "]", "a dimension with sql declares no codes, when or"
                        + " otherwise: its expression gives the keys");
            }
        }
        String expression = d.sql().strip();
        if (expression.endsWith(";")) {
            expression = expression.substring(0, expression.length() - 1).strip();
        }
        if (expression.isEmpty() || expression.contains(";")) {
            throw check.error("sql", "a single SQL expression over the input columns, without ';'");
        }
        checkColumns(check, "sql", expression, d.input());
        for (String k : keys) {
            if (!expression.contains(literal(k))) {
                throw check.error("sql", "the expression never gives category " + k);
            }
        }
        return "    (" + expression.replace("\n", "\n    ") + ");";
    }

    /**
     * Fails when the SQL text names a column that is not an input: every name outside quotes that
     * is neither a SQL word nor a function (or macro) call must be one of the inputs.
     */
    private static void checkColumns(Checker check, String field, String sql, List<String> inputs) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1) + 1;
                if (i == 0) {
                    throw check.error(field, "unclosed quote");
                }
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                String name = sql.substring(i, j);
                int k = j;
                while (k < sql.length() && Character.isWhitespace(sql.charAt(k))) {
                    k++;
                }
                boolean call = k < sql.length() && sql.charAt(k) == '(';
                if (!call && !SQL_WORDS.contains(name.toLowerCase()) && !inputs.contains(name)) {
                    throw check.error(field, "refers to " + name + ", which is not an input column (input: "
                            + String.join(", ", inputs) + ")");
                }
                i = j;
            } else if (Character.isDigit(c)) {
                while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
            } else {
                i++;
            }
        }
    }

    /** A code or key as a SQL literal: numbers and booleans as they are, text quoted. */
    static String literal(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    /** Checks of the fields of one file, failing with an {@link InvalidCatalogue} that names it. */
    static final class Checker {

        private final CatalogueFiles files;
        final String file;

        Checker(CatalogueFiles files, String file) {
            this.files = files;
            this.file = file;
        }

        InvalidCatalogue error(String field, String problem) {
            return files.error(file, field, problem);
        }

        void required(String value, String field) {
            if (value == null || value.isBlank()) {
                throw error(field, "missing (required)");
            }
        }

        void nonEmpty(List<?> value, String field) {
            if (value == null || value.isEmpty()) {
                throw error(field, "missing (required, at least one)");
            }
        }
    }
}
