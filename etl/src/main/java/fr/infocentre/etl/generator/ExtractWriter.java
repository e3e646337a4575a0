package fr.infocentre.etl.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the four CSV files of an extract (extract-format.md), row by row as demandes are
 * simulated, then hands their row counts and checksums to the manifest.
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
        demandes = new CsvSink(dir.resolve(DEMANDES), "numero_unique", "id_demandeur", "code_guichet", "canal",
                "personne_morale", "date_depot", "date_enregistrement", "date_renouvellement", "date_radiation",
                "motif_radiation", "annee_naissance", "sexe", "nationalite", "situation_familiale", "co_demandeur",
                "taille_menage", "nb_enfants", "situation_professionnelle", "revenu_mensuel",
                "revenu_fiscal_reference", "logement_actuel", "motif", "typologie", "communes_souhaitees",
                "commune_residence", "handicap", "dalo", "prioritaire", "nb_pieces", "doublon_force",
                "date_modification");
        evenements = new CsvSink(dir.resolve(EVENEMENTS), "numero_unique", "date_evenement", "type", "code_guichet",
                "canal", "motif_radiation");
        attributions = new CsvSink(dir.resolve(ATTRIBUTIONS), "numero_unique", "date_bail", "date_saisie",
                "code_guichet", "code_bailleur", "commune_logement", "qpv", "typologie", "surface", "loyer",
                "financement", "reservataire", "dalo", "identifiant_rpls");
    }

    void guichets(List<Guichet> all) throws IOException {
        for (Guichet g : all) {
            guichets.field(g.code()).field(g.libelle()).field(g.type()).field(g.codeCommune())
                    .date(g.ouverture()).date(g.fermeture() == Integer.MAX_VALUE ? -1 : g.fermeture());
            guichets.endRow();
        }
    }

    /** Writes the demande's row (its state at the extraction date), its events and its attribution. */
    void demande(Demande d, Life life) throws IOException {
        Household h = d.household();
        String numero = d.numeroUnique();
        demandes.field(numero).field(d.idDemandeur()).field(d.guichet().code()).field(d.canal())
                .field(d.personneMorale()).date(d.dateDepot()).date(d.dateEnregistrement())
                .date(life.dateRenouvellement()).date(life.dateRadiation()).field(life.motifRadiation())
                .field(h.anneeNaissance).field(h.sexe).field(h.nationalite).field(h.situationFamiliale)
                .field(h.coDemandeur).field(h.tailleMenage).field(h.nbEnfants).field(h.situationProfessionnelle)
                .field(h.revenuMensuel).field(h.revenuFiscalReference).field(h.logementActuel).field(h.motif)
                .field(h.typologie).field(String.join("|", d.communesSouhaitees())).field(d.communeResidence())
                .field(h.handicap).field(h.dalo).field(h.prioritaire).field(life.nbPieces())
                .field(d.doublonForce()).date(life.dateModification());
        demandes.endRow();
        for (Evenement e : life.evenements()) {
            evenements.field(numero).date(e.date()).field(e.type()).field(e.codeGuichet()).field(e.canal())
                    .field(e.motif());
            evenements.endRow();
        }
        Attribution a = life.attribution();
        if (a != null) {
            attributions.field(numero).date(a.dateBail()).date(a.dateSaisie()).field(a.codeGuichet())
                    .field(a.codeBailleur()).field(a.communeLogement()).field(a.qpv()).field(a.typologie())
                    .field(a.surface()).field(a.loyer()).field(a.financement()).field(a.reservataire())
                    .field(a.dalo()).field(a.identifiantRpls());
            attributions.endRow();
        }
    }

    long demandesWritten() {
        return demandes.rows();
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
