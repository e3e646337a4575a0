package fr.infocentre.warehouse.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Table Schema (https://specs.frictionlessdata.io/table-schema/) of a rapport's CSV: a field
 * per column with its French title and description, its type and constraints, empty cells as
 * missing values, and one record per territory and category as primary key.
 */
final class TableSchema {

    private TableSchema() {
    }

    static Map<String, Object> of(List<Field> fields) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fields", fields.stream().map(TableSchema::field).toList());
        schema.put("missingValues", List.of(""));
        schema.put("primaryKey", RapportColumns.PRIMARY_KEY);
        return schema;
    }

    private static Map<String, Object> field(Field f) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("name", f.name());
        field.put("title", f.title());
        field.put("description", f.description());
        field.put("type", f.type().tableSchema());
        if (f.type() == FieldType.BOOLEAN) {
            field.put("trueValues", List.of("true"));
            field.put("falseValues", List.of("false"));
        }
        Map<String, Object> constraints = new LinkedHashMap<>();
        if (f.required()) {
            constraints.put("required", true);
        }
        if (!f.values().isEmpty()) {
            constraints.put("enum", f.values());
        }
        if (f.minimum() != null) {
            constraints.put("minimum", f.minimum());
        }
        if (!constraints.isEmpty()) {
            field.put("constraints", constraints);
        }
        return field;
    }
}
