package fr.infocentre.warehouse;

import fr.infocentre.warehouse.RequeteInvalide.Cause;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@link Warehouse} over an in-memory DuckDB database holding views on the served version's
 * Parquet files. One root connection; every computation runs on a connection of its own,
 * {@link DuckDBConnection#duplicate() duplicated} from it (thread-safe pattern, see stack.md).
 * Protected tables are kept in a bounded cache: the served version never changes.
 */
final class DuckDbWarehouse implements Warehouse {

    private final DuckDBConnection racine;
    private final Catalogue catalogue;
    private final Geographie geographie;
    private final List<Integer> annees;
    private final MoteurRapports moteur;
    private final SecretStatistique secret = new SecretStatistique();
    private final CacheRapports cache = new CacheRapports(20_000);

    private DuckDbWarehouse(DuckDBConnection racine, Catalogue catalogue, Geographie geographie,
                            List<Integer> annees, MoteurRapports moteur) {
        this.racine = racine;
        this.catalogue = catalogue;
        this.geographie = geographie;
        this.annees = annees;
        this.moteur = moteur;
    }

    static DuckDbWarehouse ouvrir(Path entrepot) {
        VersionServie version = VersionServie.lire(entrepot);
        Catalogue catalogue = Catalogue.charger();
        DuckDBConnection racine = null;
        try {
            racine = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            version.creerVues(racine);
            try (Statement st = racine.createStatement()) {
                st.execute(Catalogue.macros());
            }
            List<Integer> annees = Millesimes.calculer(racine, version);
            return new DuckDbWarehouse(racine, catalogue, Geographie.charger(racine, version), annees,
                    new MoteurRapports(version, annees));
        } catch (SQLException e) {
            fermer(racine);
            throw new IllegalStateException("Cannot open the warehouse version " + version.dossier(), e);
        }
    }

    @Override
    public List<Rapport> catalogue() {
        return catalogue.rapports();
    }

    @Override
    public Optional<Rapport> rapport(String id) {
        return catalogue.definition(id).map(DefinitionRapport::rapport);
    }

    @Override
    public List<Integer> annees() {
        return annees;
    }

    @Override
    public List<Territoire> territoires(Niveau niveau) {
        return geographie.territoires(niveau);
    }

    @Override
    public Optional<Territoire> territoire(Niveau niveau, String code) {
        return geographie.territoire(niveau, code);
    }

    @Override
    public RapportTable calculer(String rapportId, Niveau niveau, String code, int annee) {
        DefinitionRapport def = catalogue.definition(rapportId).orElseThrow(() -> new RequeteInvalide(
                Cause.RAPPORT_INCONNU, "Rapport inconnu : " + rapportId));
        if (niveau == null) {
            throw new RequeteInvalide(Cause.NIVEAU_INCONNU, "Niveau territorial non précisé");
        }
        if (!def.rapport().niveaux().contains(niveau)) {
            throw new RequeteInvalide(Cause.NIVEAU_NON_DISPONIBLE, "Le rapport " + rapportId
                    + " n'est pas publié au niveau " + niveau.cle() + " (niveaux : "
                    + def.rapport().niveaux().stream().map(Niveau::cle).collect(Collectors.joining(", ")) + ")");
        }
        Territoire territoire = geographie.territoire(niveau, code).orElseThrow(() -> new RequeteInvalide(
                Cause.TERRITOIRE_INCONNU, "Territoire inconnu au niveau " + niveau.cle() + " : " + code));
        if (!annees.contains(annee)) {
            throw new RequeteInvalide(Cause.ANNEE_NON_COUVERTE, "Année " + annee
                    + " non couverte par les données (années couvertes : "
                    + annees.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
        }
        return cache.obtenir(new CacheRapports.Cle(def.rapport().id(), niveau, territoire.code(), annee),
                () -> proteger(def, territoire, annee));
    }

    private RapportTable proteger(DefinitionRapport def, Territoire territoire, int annee) {
        try (Connection connexion = racine.duplicate()) {
            return secret.proteger(moteur.calculer(connexion, def, territoire, annee));
        } catch (SQLException e) {
            throw new IllegalStateException("Rapport " + def.rapport().id() + " failed for "
                    + territoire.niveau().cle() + " " + territoire.code() + " " + annee, e);
        }
    }

    /** One pass over the data for all the levels ({@link CalculParNiveau}), protected table by table; not cached. */
    @Override
    public void calculerNiveaux(String rapportId, List<Niveau> niveaux, int annee, Consumer<RapportTable> sortie) {
        DefinitionRapport def = CalculParNiveau.verifier(catalogue, annees, rapportId, niveaux, annee);
        Map<Niveau, List<Territoire>> territoires = new LinkedHashMap<>();
        niveaux.forEach(n -> territoires.put(n, geographie.territoires(n)));
        try (Connection connexion = racine.duplicate()) {
            new CalculParNiveau(moteur).calculer(connexion, def, territoires, annee,
                    table -> sortie.accept(secret.proteger(table)));
        } catch (SQLException e) {
            throw new IllegalStateException("Rapport " + rapportId + " failed for " + niveaux + " " + annee, e);
        }
    }

    @Override
    public void close() {
        fermer(racine);
    }

    private static void fermer(Connection connexion) {
        if (connexion != null) {
            try {
                connexion.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close DuckDB", e);
            }
        }
    }
}
