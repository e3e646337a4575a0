package fr.infocentre.warehouse;

import fr.infocentre.warehouse.RequeteInvalide.Cause;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

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
    private final CacheLru<CleTable, RapportTable> tables = new CacheLru<>(50_000);
    private final CacheLru<CleMasquage, Masquage> masquages = new CacheLru<>(64);

    private record CleTable(String rapport, Niveau niveau, String code, int annee) {
    }

    private record CleMasquage(String rapport, int annee) {
    }

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
                    MoteurRapports.ouvrir(racine, version, annees));
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
        Demande d = verifier(rapportId, niveau, code, annee);
        CleTable cle = new CleTable(rapportId, niveau, d.territoire().code(), annee);
        RapportTable table = tables.trouver(cle);
        if (table != null) {
            return table;
        }
        Masquage masquage = masquageCalcule(d.def(), annee);
        table = tables.trouver(cle);
        if (table == null) {
            table = SecretStatistique.proteger(calculee(d, annee), masquage);
            tables.garder(cle, table);
        }
        return table;
    }

    @Override
    public void preparer(String rapportId, int annee) {
        masquageCalcule(CalculParNiveau.verifier(catalogue, annees, rapportId, List.of(), annee), annee);
    }

    /**
     * The pattern of a rapport and millésime; the first call computes every linked table in one
     * pass, chooses the pattern over them and keeps every protected table (later requests for
     * any territory are served from the cache; one evicted since is computed for its territory
     * alone). Concurrent first calls share one computation.
     */
    private Masquage masquageCalcule(DefinitionRapport def, int annee) {
        return masquages.obtenir(new CleMasquage(def.rapport().id(), annee), () -> {
            List<TableCalculee> calculees = tablesLiees(def, annee);
            Masquage masquage = SecretStatistique.masquer(def, calculees, geographie.appartenances());
            for (TableCalculee c : calculees) {
                Territoire t = c.territoire();
                if (def.rapport().niveaux().contains(t.niveau())) {
                    tables.garder(new CleTable(def.rapport().id(), t.niveau(), t.code(), annee),
                            SecretStatistique.proteger(c, masquage));
                }
            }
            return masquage;
        });
    }

    /** A request checked: the rapport's definition and the territory. */
    private record Demande(DefinitionRapport def, Territoire territoire) {
    }

    /** @throws RequeteInvalide saying which of rapport, level, code or year is wrong */
    private Demande verifier(String rapportId, Niveau niveau, String code, int annee) {
        DefinitionRapport def = CalculParNiveau.verifier(catalogue, annees, rapportId,
                Arrays.asList(niveau), annee);
        Territoire territoire = geographie.territoire(niveau, code).orElseThrow(() -> new RequeteInvalide(
                Cause.TERRITOIRE_INCONNU, "Territoire inconnu au niveau " + niveau.cle() + " : " + code));
        return new Demande(def, territoire);
    }

    /**
     * The territory's table as computed for it alone, before the secret statistique (which
     * {@link #calculer} applies with the pattern of the rapport and millésime, computed by its first
     * request over all the linked tables).
     */
    TableCalculee calculee(String rapportId, Niveau niveau, String code, int annee) {
        return calculee(verifier(rapportId, niveau, code, annee), annee);
    }

    private TableCalculee calculee(Demande d, int annee) {
        try (Connection connexion = racine.duplicate()) {
            return moteur.calculer(connexion, d.def(), d.territoire(), annee);
        } catch (SQLException e) {
            throw new IllegalStateException("Rapport " + d.def().rapport().id() + " failed for "
                    + d.territoire().niveau().cle() + " " + d.territoire().code() + " " + annee, e);
        }
    }

    /**
     * The linked tables of a rapport and millésime, as computed, in one pass over the data
     * ({@link CalculParNiveau}): every territory of every level the rapport is published at,
     * and every commune (the leaves of the other levels, hidden when not published).
     */
    List<TableCalculee> tablesLiees(DefinitionRapport def, int annee) {
        Map<Niveau, List<Territoire>> territoires = new LinkedHashMap<>();
        for (Niveau n : Niveau.values()) {
            if (def.rapport().niveaux().contains(n) || n == Niveau.COMMUNE) {
                territoires.put(n, geographie.territoires(n));
            }
        }
        List<TableCalculee> calculees = new ArrayList<>();
        try (Connection connexion = racine.duplicate()) {
            new CalculParNiveau(moteur).calculer(connexion, def, territoires, annee, calculees::add);
        } catch (SQLException e) {
            throw new IllegalStateException("Rapport " + def.rapport().id() + " failed for " + annee, e);
        }
        return calculees;
    }

    /** The pattern of the rapport and millésime: the cached one, or the one chosen now over its linked tables. */
    private Masquage masquage(DefinitionRapport def, int annee, List<TableCalculee> calculees) {
        return masquages.obtenir(new CleMasquage(def.rapport().id(), annee),
                () -> SecretStatistique.masquer(def, calculees, geographie.appartenances()));
    }

    Geographie geographie() {
        return geographie;
    }

    Catalogue catalogueDefinitions() {
        return catalogue;
    }

    /** The linked tables computed in one pass, the pattern chosen over them, then each table of the levels asked; not cached. */
    @Override
    public void calculerNiveaux(String rapportId, List<Niveau> niveaux, int annee, Consumer<RapportTable> sortie) {
        DefinitionRapport def = CalculParNiveau.verifier(catalogue, annees, rapportId, niveaux, annee);
        List<TableCalculee> calculees = tablesLiees(def, annee);
        Masquage masquage = masquage(def, annee, calculees);
        for (Niveau niveau : niveaux) {
            for (TableCalculee table : calculees) {
                if (table.territoire().niveau() == niveau) {
                    sortie.accept(SecretStatistique.proteger(table, masquage));
                }
            }
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
