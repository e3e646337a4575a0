package fr.infocentre.etl.contract;

import static fr.infocentre.etl.contract.Field.bool;
import static fr.infocentre.etl.contract.Field.code;
import static fr.infocentre.etl.contract.Field.date;
import static fr.infocentre.etl.contract.Field.integer;
import static fr.infocentre.etl.contract.Field.text;

import fr.infocentre.warehouse.format.Table;
import java.util.List;
import java.util.Optional;

/**
 * The four CSV files of an SNE extract (format v1): their columns, in the contract's order,
 * which is also the column order of the warehouse table they feed. Every listed column must be
 * present in the file's header (in any order); extra columns are ignored.
 */
public enum ExtractFile {

    GUICHETS("guichets.csv", Table.GUICHETS, "code_guichet", List.of(
            text("code_guichet").mandatory(),
            text("libelle"),
            code("type_guichet", CodeLists.TYPE_GUICHET),
            text("code_commune"),
            date("date_ouverture").announcedAhead(),
            date("date_fermeture").announcedAhead())),

    DEMANDES("demandes.csv", Table.DEMANDES, "numero_unique", List.of(
            text("numero_unique").mandatory(),
            text("id_demandeur"),
            text("code_guichet").mandatory(),
            code("canal", CodeLists.CANAL_DEMANDE).mandatory(),
            bool("personne_morale").mandatory(),
            date("date_depot").mandatory(),
            date("date_enregistrement").mandatory(),
            date("date_renouvellement"),
            date("date_radiation"),
            code("motif_radiation", CodeLists.MOTIF_RADIATION),
            integer("annee_naissance", 1900, 2100),
            code("sexe", CodeLists.SEXE),
            code("nationalite", CodeLists.NATIONALITE),
            code("situation_familiale", CodeLists.SITUATION_FAMILIALE),
            bool("co_demandeur"),
            integer("taille_menage", 1, 99),
            integer("nb_enfants", 0, 99),
            code("situation_professionnelle", CodeLists.SITUATION_PROFESSIONNELLE),
            integer("revenu_mensuel", 0, Integer.MAX_VALUE),
            integer("revenu_fiscal_reference", 0, Integer.MAX_VALUE),
            code("logement_actuel", CodeLists.LOGEMENT_ACTUEL),
            code("motif", CodeLists.MOTIF),
            code("typologie", CodeLists.TYPOLOGIE),
            text("communes_souhaitees").mandatory(),
            text("commune_residence"),
            bool("handicap"),
            bool("dalo"),
            bool("prioritaire"),
            integer("nb_pieces", 0, Integer.MAX_VALUE),
            bool("doublon_force"),
            date("date_modification"))),

    EVENEMENTS("evenements.csv", Table.EVENEMENTS, null, List.of(
            text("numero_unique").mandatory(),
            date("date_evenement").mandatory(),
            code("type", CodeLists.TYPE_EVENEMENT).mandatory(),
            text("code_guichet"),
            code("canal", CodeLists.CANAL_EVENEMENT).mandatory(),
            code("motif_radiation", CodeLists.MOTIF_RADIATION))),

    ATTRIBUTIONS("attributions.csv", Table.ATTRIBUTIONS, null, List.of(
            text("numero_unique").mandatory(),
            date("date_bail").mandatory(),
            date("date_saisie").mandatory(),
            text("code_guichet").mandatory(),
            text("code_bailleur"),
            text("commune_logement").mandatory(),
            bool("qpv"),
            code("typologie", CodeLists.TYPOLOGIE),
            integer("surface", 1, 100_000),
            integer("loyer", 0, Integer.MAX_VALUE),
            code("financement", CodeLists.FINANCEMENT),
            code("reservataire", CodeLists.RESERVATAIRE),
            bool("dalo"),
            text("identifiant_rpls")));

    private final String fileName;
    private final Table table;
    private final String uniqueKey;
    private final List<Field> fields;

    ExtractFile(String fileName, Table table, String uniqueKey, List<Field> fields) {
        this.fileName = fileName;
        this.table = table;
        this.uniqueKey = uniqueKey;
        this.fields = fields;
    }

    /** The file name inside the extract folder, e.g. {@code demandes.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The warehouse table fed by this file. */
    public Table table() {
        return table;
    }

    /** The column that must be unique in the file, if any (first occurrence kept). */
    public Optional<String> uniqueKey() {
        return Optional.ofNullable(uniqueKey);
    }

    public List<Field> fields() {
        return fields;
    }

    public List<String> columnNames() {
        return fields.stream().map(Field::name).toList();
    }
}
