-- TAB03-16 Demandes en cours (active on 31 December, hors associations) by quartile of resources
-- per unité de consommation (resources_per_uc), against the thresholds computed the same day
-- (quartile_thresholds(N)) for the territory of the first-choice commune (EPCI, region in
-- Île-de-France); split mutation / hors mutation.
SELECT d.commune_premier_choix AS code_commune,
       categorie_quartile_uc(resources_per_uc(d.revenu_mensuel, d.taille_menage, d.nb_enfants),
                   s.seuil_q1, s.seuil_q2, s.seuil_q3) AS categorie,
       mutation_column(d.logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end()) d
LEFT JOIN quartile_territoires() t ON t.code_commune = d.commune_premier_choix
LEFT JOIN quartile_thresholds(getvariable('annee')) s USING (territoire_quartile)
WHERE NOT d.personne_morale
GROUP BY ALL
