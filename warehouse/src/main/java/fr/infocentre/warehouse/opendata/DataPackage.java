package fr.infocentre.warehouse.opendata;

import fr.infocentre.warehouse.publication.Checksums;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code datapackage.json} of a release's open data, a Frictionless Data Package
 * (https://specs.frictionlessdata.io/data-package/): name, French title, Licence Ouverte 2.0,
 * the SNE as source, the millésime, the release date when known (never the time it was written:
 * the same publication gives the same bytes), and one resource per file, with its size and
 * SHA-256, the CSV with its {@link TableSchema}.
 */
final class DataPackage {

    static final String FILE = "datapackage.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataPackage() {
    }

    /**
     * @param folder    the open-data folder, holding the CSV and Parquet files of the rapports and nothing else
     * @param created   the release date (ISO 8601), if known
     */
    static void write(Path folder, int millesime, Optional<String> created, List<RapportFile> rapports)
            throws IOException {
        Map<String, Checksums.FileSum> sums = Checksums.of(folder);
        Set<String> expected = new TreeSet<>();
        rapports.forEach(r -> expected.addAll(List.of(r.csv(), r.parquet())));
        if (!sums.keySet().equals(expected)) {
            throw new IllegalStateException(folder + " holds " + sums.keySet() + ", expected " + expected);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("profile", "data-package");
        doc.put("name", "infocentre-demande-logement-social-" + millesime);
        doc.put("title", "Demande de logement social et attributions : statistiques du millésime " + millesime);
        doc.put("description", "Les rapports publics de l'Infocentre pour l'année " + millesime
                + ", pour chaque territoire de chaque niveau (France, régions, départements, EPCI, communes),"
                + " protégés par le secret statistique : une valeur masquée est vide et sa colonne"
                + " <cle>_secret vaut true. Un fichier CSV et un fichier Parquet par rapport.");
        doc.put("millesime", millesime);
        created.ifPresent(c -> doc.put("created", c));
        doc.put("licenses", List.of(ordered("name", "etalab-2.0",
                "path", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
                "title", "Licence Ouverte / Open Licence version 2.0")));
        doc.put("sources", List.of(ordered("title", OpenData.SOURCE)));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (RapportFile r : rapports) {
            String description = r.titre() + ". " + r.description();
            Map<String, Object> csv = resource(r.rapport().toLowerCase(), r.csv(), r.titre(), description,
                    sums.get(r.csv()));
            csv.put("profile", "tabular-data-resource");
            csv.put("format", "csv");
            csv.put("mediatype", "text/csv");
            csv.put("encoding", "utf-8");
            csv.put("schema", TableSchema.of(r.fields()));
            resources.add(csv);
            Map<String, Object> parquet = resource(r.rapport().toLowerCase() + "-parquet", r.parquet(), r.titre(),
                    description + " Les mêmes lignes et colonnes que " + r.csv() + ", typées.", sums.get(r.parquet()));
            parquet.put("format", "parquet");
            parquet.put("mediatype", "application/vnd.apache.parquet");
            resources.add(parquet);
        }
        doc.put("resources", resources);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve(FILE).toFile(), doc);
    }

    private static Map<String, Object> resource(String name, String path, String title, String description,
                                                Checksums.FileSum sum) {
        Map<String, Object> resource = ordered("name", name, "path", path, "title", title,
                "description", description);
        resource.put("bytes", sum.octets());
        resource.put("hash", "sha256:" + sum.sha256());
        return resource;
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
