package fr.infocentre.warehouse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.DefinitionRapport.Dimension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rapports declared as data in the classpath folder {@code rapports/}: the catalogue
 * ({@code catalogue.yaml}), one SQL and one YAML file per rapport, shared dimensions
 * ({@code dimensions/*.yaml}) and the SQL macros ({@code macros.sql}).
 */
final class Catalogue {

    private static final String DOSSIER = "/rapports/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Map<String, DefinitionRapport> definitions;

    private Catalogue(Map<String, DefinitionRapport> definitions) {
        this.definitions = definitions;
    }

    static Catalogue charger() {
        Map<String, DefinitionRapport> definitions = new LinkedHashMap<>();
        Map<String, Dimension> dimensions = new LinkedHashMap<>();
        for (String id : lireYaml("catalogue.yaml", Liste.class).rapports()) {
            Declaration d = lireYaml(id + ".yaml", Declaration.class);
            if (!id.equals(d.id())) {
                throw new IllegalStateException(id + ".yaml declares id " + d.id());
            }
            Dimension dimension = dimensions.computeIfAbsent(d.dimension(),
                    nom -> lireYaml("dimensions/" + nom + ".yaml", Dimension.class));
            if (d.entete() != null) {
                dimension = new Dimension(d.entete(), dimension.libelle(), dimension.categories(), dimension.identite());
            }
            List<Niveau> niveaux = d.niveaux().stream()
                    .map(cle -> Niveau.parCle(cle).orElseThrow(
                            () -> new IllegalStateException(id + ".yaml: unknown level " + cle)))
                    .toList();
            Rapport rapport = new Rapport(id, d.serie(), d.titre(), d.description(), dimension.libelle(),
                    niveaux, d.graphique());
            definitions.put(id, verifier(new DefinitionRapport(rapport, dimension, d.colonnes(), d.total(),
                    d.reference(), d.horsAssociations(), lireTexte(id + ".sql"),
                    existe(id + ".stats.sql") ? lireTexte(id + ".stats.sql") : null)));
        }
        return new Catalogue(definitions);
    }

    /** The SQL statements creating the macros the rapports' SQL files share. */
    static String macros() {
        return lireTexte("macros.sql");
    }

    List<Rapport> rapports() {
        return definitions.values().stream().map(DefinitionRapport::rapport).toList();
    }

    Optional<DefinitionRapport> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    /** Fails fast on a declaration the engine could not honour (a typo in a YAML file). */
    private static DefinitionRapport verifier(DefinitionRapport def) {
        String id = def.rapport().id();
        Set<String> effectifs = new HashSet<>();
        for (ColonneDeclaree c : def.colonnes()) {
            if (c.estEffectif()) {
                effectifs.add(c.cle());
            }
        }
        Set<String> cles = new HashSet<>();
        for (ColonneDeclaree c : def.colonnes()) {
            int sortes = (c.estSomme() ? 1 : 0) + (c.estPart() ? 1 : 0) + (c.estRatio() ? 1 : 0)
                    + (c.estVariation() ? 1 : 0) + (c.estStatistique() ? 1 : 0);
            if (sortes > 1 || !cles.add(c.cle())) {
                throw new IllegalStateException(id + ".yaml: column " + c.cle() + " is declared twice or in two ways");
            }
            if (!effectifs.containsAll(c.sources()) || c.estRatio() && c.ratio().size() != 2
                    || c.estVariation() && c.variation().colonne() == null) {
                throw new IllegalStateException(id + ".yaml: column " + c.cle()
                        + " refers to an unknown count column " + c.sources());
            }
            if (c.estStatistique() && (!ColonneDeclaree.STATISTIQUES.contains(c.statistique())
                    || def.sqlStatistiques() == null)) {
                throw new IllegalStateException(id + ".yaml: column " + c.cle() + " needs " + id
                        + ".stats.sql and a statistique among " + ColonneDeclaree.STATISTIQUES);
            }
        }
        if (def.colonnesSql().isEmpty()) {
            throw new IllegalStateException(id + ".yaml: no column is fed by the SQL");
        }
        if (def.sqlStatistiques() != null && def.colonnes().stream().noneMatch(ColonneDeclaree::estStatistique)) {
            throw new IllegalStateException(id + ".stats.sql is not used by any statistique column");
        }
        return def;
    }

    private static <T> T lireYaml(String nom, Class<T> type) {
        try (InputStream in = ouvrir(nom)) {
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rapports/" + nom, e);
        }
    }

    private static String lireTexte(String nom) {
        try (InputStream in = ouvrir(nom)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rapports/" + nom, e);
        }
    }

    private static boolean existe(String nom) {
        return Catalogue.class.getResource(DOSSIER + nom) != null;
    }

    private static InputStream ouvrir(String nom) {
        InputStream in = Catalogue.class.getResourceAsStream(DOSSIER + nom);
        if (in == null) {
            throw new IllegalStateException("Missing resource rapports/" + nom);
        }
        return in;
    }

    /** catalogue.yaml */
    record Liste(List<String> rapports) {
    }

    /** {@code <id>.yaml} */
    record Declaration(String id, String serie, String titre, String description, String dimension,
                       List<String> niveaux, String graphique, String reference, boolean horsAssociations,
                       List<ColonneDeclaree> colonnes, boolean total, String entete) {
    }
}
