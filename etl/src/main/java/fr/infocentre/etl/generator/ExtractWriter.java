package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the four CSV files of an extract (extract-format.md), row by row as demandes are
 * simulated, each demande as the extract's day shows it ({@link Life.Snapshot}), then hands
 * their row counts and checksums to the manifest.
 */
final class ExtractWriter implements AutoCloseable {

    static final String GUICHETS = "guichets.csv";
    static final String DEMANDES = "demandes.csv";
    static final String EVENEMENTS = "evenements.csv";
    static final String ATTRIBUTIONS = "attributions.csv";

    private final CsvSink guichets;
    private final CsvSink demandes;
    private final CsvSink evenements;
    private final CsvSink attributions;

    ExtractWriter(Path dir) throws IOException {
        guichets = new CsvSink(dir.resolve(GUICHETS), "code_guichet", "libelle", "type_guichet", "code_commune",
                "date_ouverture", "date_fermeture");
        demandes = new CsvSink(dir.resolve(DEMANDES), DemandeRows.DEMANDES);
        evenements = new CsvSink(dir.resolve(EVENEMENTS), DemandeRows.EVENEMENTS);
        attributions = new CsvSink(dir.resolve(ATTRIBUTIONS), DemandeRows.ATTRIBUTIONS);
    }

    /** Writes the guichets opened by {@code day}; a closing date after it is not known yet, so not written. */
    void guichets(List<Guichet> all, int day) throws IOException {
        CsvRow row = new CsvRow();
        for (Guichet g : all) {
            if (g.ouverture() <= day) {
                guichets.row(row.field(g.code()).field(g.libelle()).field(g.type()).field(g.codeCommune())
                        .date(g.ouverture()).date(g.fermeture() <= day ? g.fermeture() : -1).end());
            }
        }
    }

    /** Writes the demande's row, events and attribution as {@code shown} shows them. */
    void demande(DemandeRows rows, Life.Snapshot shown) throws IOException {
        demandes.row(rows.demande(shown));
        for (int i = 0; i < shown.evenements().size(); i++) {
            evenements.row(rows.event(i));
        }
        if (shown.attribution() != null) {
            attributions.row(rows.attribution());
        }
    }

    @Override
    public void close() throws IOException {
        guichets.close();
        demandes.close();
        evenements.close();
        attributions.close();
    }

    /** Row count and checksum of each file, in manifest order; call after {@link #close()}. */
    Map<String, ExtractSummary.FileInfo> files() {
        Map<String, ExtractSummary.FileInfo> files = new LinkedHashMap<>();
        files.put(GUICHETS, new ExtractSummary.FileInfo(guichets.rows(), guichets.sha256()));
        files.put(DEMANDES, new ExtractSummary.FileInfo(demandes.rows(), demandes.sha256()));
        files.put(EVENEMENTS, new ExtractSummary.FileInfo(evenements.rows(), evenements.sha256()));
        files.put(ATTRIBUTIONS, new ExtractSummary.FileInfo(attributions.rows(), attributions.sha256()));
        return files;
    }
}
