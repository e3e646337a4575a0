package fr.infocentre.warehouse.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the CSV resources of a datapackage.json against their Table Schema
 * (https://specs.frictionlessdata.io/table-schema/), reading nothing but the descriptor and the
 * files: the header names the fields in order, every cell casts to its field's type (integer,
 * number, boolean, string; missingValues are null), meets its constraints (required, enum,
 * minimum) and the primary key is unique. No Frictionless library for Java is on Maven Central
 * (datapackage-java and tableschema-java are released on JitPack only), hence this checker, a
 * route independent of the writer's code.
 */
final class TableSchemaCheck {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final List<String> TRUE = List.of("true", "True", "TRUE", "1");
    private static final List<String> FALSE = List.of("false", "False", "FALSE", "0");

    private TableSchemaCheck() {
    }

    /** Every error found in the CSV resources of the package in {@code folder}, empty when they validate. */
    static List<String> errors(JsonNode dataPackage, Path folder) throws IOException {
        List<String> errors = new ArrayList<>();
        for (JsonNode resource : dataPackage.get("resources")) {
            if (resource.has("schema")) {
                check(folder.resolve(resource.get("path").asText()), resource.get("schema"), errors);
            }
        }
        return errors;
    }

    private static void check(Path file, JsonNode schema, List<String> errors) throws IOException {
        JsonNode fields = schema.get("fields");
        List<String> missing = values(schema, "missingValues", List.of(""));
        List<Integer> key = new ArrayList<>();
        schema.get("primaryKey").forEach(k -> key.add(index(fields, k.asText())));
        Set<List<String>> keys = new HashSet<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
            boolean header = true;
            for (CSVRecord record : csv) {
                String where = file.getFileName() + " line " + record.getRecordNumber();
                if (header) {
                    List<String> names = new ArrayList<>();
                    fields.forEach(f -> names.add(f.get("name").asText()));
                    if (!record.toList().equals(names)) {
                        errors.add(where + ": header " + record.toList() + " is not the fields " + names);
                    }
                    header = false;
                    continue;
                }
                if (record.size() != fields.size()) {
                    errors.add(where + ": " + record.size() + " cells for " + fields.size() + " fields");
                    continue;
                }
                for (int i = 0; i < fields.size(); i++) {
                    String value = record.get(i);
                    cell(fields.get(i), missing.contains(value) ? null : value, where, errors);
                }
                List<String> k = key.stream().map(record::get).toList();
                if (!keys.add(k)) {
                    errors.add(where + ": primary key " + k + " already seen");
                }
            }
        }
    }

    private static void cell(JsonNode field, String value, String where, List<String> errors) {
        String name = field.get("name").asText();
        JsonNode constraints = field.path("constraints");
        if (value == null) {
            if (constraints.path("required").asBoolean(false)) {
                errors.add(where + ": " + name + " is required");
            }
            return;
        }
        String type = field.get("type").asText();
        BigDecimal number = null;
        switch (type) {
            case "string" -> { }
            case "integer" -> number = cast(INTEGER, value, name, where, errors);
            case "number" -> number = cast(NUMBER, value, name, where, errors);
            case "boolean" -> {
                if (!values(field, "trueValues", TRUE).contains(value) && !values(field, "falseValues", FALSE).contains(value)) {
                    errors.add(where + ": " + name + " = '" + value + "' is not a boolean");
                }
            }
            default -> errors.add(where + ": " + name + " has a type this check does not know: " + type);
        }
        if (constraints.has("enum") && !values(constraints, "enum", List.of()).contains(value)) {
            errors.add(where + ": " + name + " = '" + value + "' is not one of " + constraints.get("enum"));
        }
        if (constraints.has("minimum") && number != null
                && number.compareTo(constraints.get("minimum").decimalValue()) < 0) {
            errors.add(where + ": " + name + " = " + value + " is below " + constraints.get("minimum"));
        }
    }

    private static BigDecimal cast(Pattern lexical, String value, String name, String where, List<String> errors) {
        if (!lexical.matcher(value).matches()) {
            errors.add(where + ": " + name + " = '" + value + "' does not cast to " + lexical);
            return null;
        }
        return new BigDecimal(value);
    }

    private static List<String> values(JsonNode node, String property, List<String> otherwise) {
        if (!node.has(property)) {
            return otherwise;
        }
        List<String> values = new ArrayList<>();
        node.get(property).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static int index(JsonNode fields, String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("primaryKey names no field: " + name);
    }
}
