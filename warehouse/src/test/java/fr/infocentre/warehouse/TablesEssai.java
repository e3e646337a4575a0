package fr.infocentre.warehouse;

import fr.infocentre.warehouse.DefinitionRapport.Categorie;
import fr.infocentre.warehouse.DefinitionRapport.ColonneDeclaree;
import fr.infocentre.warehouse.Geographie.Appartenance;
import fr.infocentre.warehouse.TableCalculee.Effectif;
import fr.infocentre.warehouse.TableCalculee.Ligne;
import fr.infocentre.warehouse.TableCalculee.Valeur;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hand-made linked tables for the secret statistique tests: communes with their counts per
 * category (and per column), placed in EPCI, départements and régions; every table of every level
 * is the sum of its communes, laid out as the engine lays it out (category lines, total line, sum
 * columns). No warehouse needed.
 */
final class TablesEssai {

    static final int ANNEE = 2024;

    private final DefinitionRapport def;
    private final Map<String, Appartenance> appartenances = new TreeMap<>();
    /** commune → category → column → n */
    private final Map<String, Map<String, Map<String, Long>>> comptes = new TreeMap<>();

    /**
     * @param categories the lines
     * @param colonnes   the count columns fed by the data; with two or more, a sum column "ensemble" comes first
     * @param niveaux    the levels published (the others are hidden)
     */
    TablesEssai(List<String> categories, List<String> colonnes, List<Niveau> niveaux, boolean total,
                DefinitionRapport.Identite identite) {
        List<ColonneDeclaree> cols = new ArrayList<>();
        if (colonnes.size() > 1) {
            cols.add(new ColonneDeclaree("ensemble", "Ensemble", colonnes, null, null, false, null, null));
        }
        colonnes.forEach(c -> cols.add(new ColonneDeclaree(c, c, null, null, null, false, null, null)));
        Rapport rapport = new Rapport("TAB00-00", "00", "Essai", "", "essai", niveaux, "bar");
        this.def = new DefinitionRapport(rapport, new DefinitionRapport.Dimension("Catégorie", "catégories",
                categories.stream().map(c -> new Categorie(c, c, null)).toList(), identite),
                List.copyOf(cols), total, "", false, "", null);
    }

    TablesEssai(List<String> categories, List<Niveau> niveaux) {
        this(categories, List.of("n"), niveaux, true, null);
    }

    /** A commune, its EPCI (null: none), département and région, and its counts: category → n (single column). */
    TablesEssai commune(String code, String epci, String departement, String region, Map<String, Long> parCategorie) {
        Map<String, Map<String, Long>> c = new LinkedHashMap<>();
        parCategorie.forEach((k, n) -> c.put(k, Map.of(def.colonnesSql().get(0).cle(), n)));
        return communeColonnes(code, epci, departement, region, c);
    }

    /** A commune with counts per category and column: category → column → n. */
    TablesEssai communeColonnes(String code, String epci, String departement, String region,
                                Map<String, Map<String, Long>> n) {
        appartenances.put(code, new Appartenance(epci, departement, region));
        comptes.put(code, n);
        return this;
    }

    DefinitionRapport definition() {
        return def;
    }

    Map<String, Appartenance> appartenances() {
        return appartenances;
    }

    /** The computed tables of every territory of every level (communes included), exact counts. */
    List<TableCalculee> tables() {
        Map<Territoire, Map<String, Map<String, Long>>> parTerritoire = new LinkedHashMap<>();
        for (Niveau n : Niveau.values()) {
            comptes.forEach((commune, c) -> {
                String code = appartenances.get(commune).code(n, commune);
                if (code != null) {
                    Map<String, Map<String, Long>> somme = parTerritoire.computeIfAbsent(
                            new Territoire(n, code, n.libelle() + " " + code), k -> new LinkedHashMap<>());
                    c.forEach((k, cols) -> cols.forEach((col, v) ->
                            somme.computeIfAbsent(k, x -> new LinkedHashMap<>()).merge(col, v, Long::sum)));
                }
            });
        }
        List<TableCalculee> tables = new ArrayList<>();
        parTerritoire.forEach((t, c) -> tables.add(table(t, c)));
        return tables;
    }

    private TableCalculee table(Territoire t, Map<String, Map<String, Long>> c) {
        List<Ligne> lignes = new ArrayList<>();
        Map<String, Long> totaux = new LinkedHashMap<>();
        for (Categorie k : def.dimension().categories()) {
            Map<String, Long> n = c.getOrDefault(k.cle(), Map.of());
            lignes.add(ligne(k.cle(), n));
            n.forEach((col, v) -> totaux.merge(col, v, Long::sum));
        }
        return new TableCalculee(def.rapport(), t, ANNEE, colonnes(), lignes, ligne(TableCalculee.CLE_TOTAL, totaux),
                def.total(), List.of());
    }

    private Ligne ligne(String cle, Map<String, Long> n) {
        Map<String, Valeur> v = new LinkedHashMap<>();
        for (ColonneDeclaree c : def.colonnes()) {
            long valeur = c.estSomme() ? c.somme().stream().mapToLong(s -> n.getOrDefault(s, 0L)).sum()
                    : n.getOrDefault(c.cle(), 0L);
            v.put(c.cle(), new Effectif(valeur));
        }
        return new Ligne(cle, cle, v);
    }

    private List<Colonne> colonnes() {
        List<Colonne> colonnes = new ArrayList<>();
        colonnes.add(new Colonne("categorie", "Catégorie", Colonne.Type.LIBELLE));
        def.colonnes().forEach(c -> colonnes.add(new Colonne(c.cle(), c.libelle(), c.type())));
        return colonnes;
    }

    /** The linked tables, protected: every published table of every published level. */
    List<RapportTable> proteger() {
        return publier(SecretStatistique.masquer(def, tables(), appartenances));
    }

    /** The legacy protection: counts from 1 to 10 masked, nothing else. */
    List<RapportTable> protegerPrimaireSeulement() {
        TablesLiees liees = TablesLiees.construire(def, tables(), Set.copyOf(def.rapport().niveaux()), appartenances);
        SuppressionSecondaire.Resultat complet = SuppressionSecondaire.masquer(liees);
        return publier(Masquage.depuis(liees, new SuppressionSecondaire.Resultat(complet.primaire(), complet.primaire())));
    }

    private List<RapportTable> publier(Masquage masquage) {
        return tables().stream().filter(t -> def.rapport().niveaux().contains(t.territoire().niveau()))
                .map(t -> SecretStatistique.proteger(t, masquage)).toList();
    }

    /** The attacker on published tables: the masked counts from 1 to 10 it pins, as "niveau code ligne colonne = valeur". */
    List<String> cellulesDevoilees(List<RapportTable> publiees) {
        VuePublique vue = VuePublique.construire(def, publiees, appartenances);
        Attaquant.Resultat r = Attaquant.attaquer(vue.systeme());
        List<String> devoilees = new ArrayList<>();
        for (RapportTable t : publiees) {
            List<Map<String, Object>> lignes = new ArrayList<>(t.lignes());
            if (t.total() != null) {
                lignes.add(t.total());
            }
            for (Map<String, Object> ligne : lignes) {
                for (Colonne c : t.colonnes()) {
                    if (c.type() == Colonne.Type.EFFECTIF && t.masque(ligne, c.cle())) {
                        Integer v = vue.variable(t.territoire(), (String) ligne.get("cle"), c.cle());
                        if (r.determinee()[v] && r.min()[v] <= SecretStatistique.SEUIL_MAX) {
                            devoilees.add(t.territoire().niveau().cle() + " " + t.territoire().code() + " "
                                    + ligne.get("cle") + " " + c.cle() + " = " + r.min()[v]);
                        }
                    }
                }
            }
        }
        return devoilees;
    }
}
