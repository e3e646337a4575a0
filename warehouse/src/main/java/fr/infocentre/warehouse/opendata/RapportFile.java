package fr.infocentre.warehouse.opendata;

import java.util.List;

/**
 * A rapport's open-data CSV as written: what its resources in datapackage.json describe.
 *
 * @param rapport     the rapport's id (the files are {@code <rapport>.csv} and {@code <rapport>.parquet})
 * @param titre       its French title
 * @param description its French description
 * @param fields      its columns
 * @param rows        its records (header excluded)
 */
record RapportFile(String rapport, String titre, String description, List<Field> fields, long rows) {

    RapportFile {
        fields = List.copyOf(fields);
    }

    String csv() {
        return rapport + ".csv";
    }

    String parquet() {
        return rapport + ".parquet";
    }
}
