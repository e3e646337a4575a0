package fr.infocentre.warehouse.serving;

import fr.infocentre.warehouse.InvalidRequest;
import fr.infocentre.warehouse.Level;
import fr.infocentre.warehouse.Rapport;
import fr.infocentre.warehouse.RapportTable;
import fr.infocentre.warehouse.Series;
import fr.infocentre.warehouse.Territoire;
import fr.infocentre.warehouse.Warehouse;
import fr.infocentre.warehouse.catalogue.Catalogue;
import fr.infocentre.warehouse.catalogue.RapportDefinition;
import fr.infocentre.warehouse.engine.ComputedTable;
import fr.infocentre.warehouse.engine.LevelBatch;
import fr.infocentre.warehouse.engine.RapportEngine;
import fr.infocentre.warehouse.secret.MaskingPattern;
import fr.infocentre.warehouse.secret.SecretStatistique;
import fr.infocentre.warehouse.storage.Millesimes;
import fr.infocentre.warehouse.format.ServedVersion;
import fr.infocentre.warehouse.storage.ParquetViews;
import fr.infocentre.warehouse.storage.Territoires;


import fr.infocentre.warehouse.InvalidRequest.Cause;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
 * {@link DuckDBConnection#duplicate() duplicated} from it (thread-safe pattern, see docs/stack.md).
 * Nothing is cached: every computation runs the rapport's {@link LevelBatch} over all its linked
 * tables. It serves the public part of the catalogue only (see {@link Warehouse}).
 */
public final class DuckDbWarehouse implements Warehouse {

    private final DuckDBConnection root;
    private final ServedVersion version;
    private final Catalogue catalogue;
    private final Territoires territoires;
    private final List<Integer> millesimes;
    private final RapportEngine engine;

    private DuckDbWarehouse(DuckDBConnection root, ServedVersion version, Catalogue catalogue, Territoires territoires,
                            List<Integer> millesimes, RapportEngine engine) {
        this.root = root;
        this.version = version;
        this.catalogue = catalogue;
        this.territoires = territoires;
        this.millesimes = millesimes;
        this.engine = engine;
    }

    public static DuckDbWarehouse open(Path warehouseDir) {
        return open(warehouseDir, Catalogue.load());
    }

    /**
     * Opens the warehouse over a catalogue of its own (tests); it serves the catalogue's public
     * part only ({@link Catalogue#publicCatalogue()}): the one place where visibility is enforced.
     */
    public static DuckDbWarehouse open(Path warehouseDir, Catalogue declared) {
        ServedVersion version = ServedVersion.read(warehouseDir);
        Catalogue catalogue = declared.publicCatalogue();
        DuckDBConnection root = null;
        try {
            root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
            ParquetViews.create(root, version);
            catalogue.createMacros(root);
            List<Integer> millesimes = Millesimes.compute(root, version);
            return new DuckDbWarehouse(root, version, catalogue, Territoires.load(root, version), millesimes,
                    RapportEngine.open(root, version, millesimes));
        } catch (SQLException e) {
            close(root);
            throw new IllegalStateException("Cannot open the warehouse version " + version.directory(), e);
        }
    }

    @Override
    public List<Rapport> catalogue() {
        return catalogue.rapports();
    }

    @Override
    public List<Series> series() {
        return catalogue.series();
    }

    @Override
    public Optional<Rapport> rapport(String id) {
        return catalogue.definition(id).map(RapportDefinition::rapport);
    }

    @Override
    public List<Integer> millesimes() {
        return millesimes;
    }

    @Override
    public List<Territoire> territoires(Level level) {
        return territoires.territoires(level);
    }

    @Override
    public Optional<Territoire> territoire(Level level, String code) {
        return territoires.territoire(level, code);
    }

    /**
     * The territory's table among the rapport's linked tables, computed and protected as by
     * {@link #computeLevels}: each call computes them all.
     */
    @Override
    public RapportTable compute(String rapportId, Level level, String code, int millesime) {
        RapportDefinition def = LevelBatch.check(catalogue, millesimes, rapportId, Arrays.asList(level), millesime);
        Territoire territoire = territoires.territoire(level, code).orElseThrow(() -> new InvalidRequest(
                Cause.UNKNOWN_TERRITOIRE, "Territoire inconnu au niveau " + level.key() + " : " + code));
        return protectedTables(def, millesime).stream().filter(t -> t.territoire().equals(territoire))
                .findFirst().orElseThrow();
    }

    /**
     * The linked tables of a rapport and millésime, as computed, in one pass over the data
     * ({@link LevelBatch}): every territory of every level the rapport is published at,
     * and every commune (the leaves of the other levels, hidden when not published).
     */
    public List<ComputedTable> linkedTables(RapportDefinition def, int millesime) {
        Map<Level, List<Territoire>> byLevel = new LinkedHashMap<>();
        for (Level n : Level.values()) {
            if (def.rapport().levels().contains(n) || n == Level.COMMUNE) {
                byLevel.put(n, territoires.territoires(n));
            }
        }
        List<ComputedTable> computed = new ArrayList<>();
        try (Connection connection = root.duplicate()) {
            new LevelBatch(engine).compute(connection, def, byLevel, millesime, computed::add);
        } catch (SQLException e) {
            throw new IllegalStateException("Rapport " + def.rapport().id() + " failed for " + millesime, e);
        }
        return computed;
    }

    /** The warehouse version served (its folder and its load.json: extraction date, perimeter). */
    public ServedVersion version() {
        return version;
    }

    public Territoires territoires() {
        return territoires;
    }

    /** The catalogue served: its public part. */
    public Catalogue catalogueDefinitions() {
        return catalogue;
    }

    /** The linked tables computed in one pass, the pattern chosen over them, then each table of the levels asked. */
    @Override
    public void computeLevels(String rapportId, List<Level> levels, int millesime, Consumer<RapportTable> output) {
        RapportDefinition def = LevelBatch.check(catalogue, millesimes, rapportId, levels, millesime);
        List<RapportTable> tables = protectedTables(def, millesime);
        for (Level level : levels) {
            tables.stream().filter(t -> t.territoire().level() == level).forEach(output);
        }
    }

    /**
     * The tables of every level the rapport is published at, in the order of {@link #linkedTables},
     * protected with the one masking pattern chosen over all the linked tables.
     */
    private List<RapportTable> protectedTables(RapportDefinition def, int millesime) {
        List<ComputedTable> computed = linkedTables(def, millesime);
        MaskingPattern pattern = SecretStatistique.choosePattern(def, computed, territoires.memberships());
        return computed.stream().filter(t -> def.rapport().levels().contains(t.territoire().level()))
                .map(t -> SecretStatistique.protect(t, pattern)).toList();
    }

    @Override
    public void close() {
        close(root);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot close DuckDB", e);
            }
        }
    }
}
