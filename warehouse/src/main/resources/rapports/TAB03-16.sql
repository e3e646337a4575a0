-- TAB03-16 Demandes en cours (active on 31 December, hors associations) by quartile of resources
-- per unité de consommation (ressources_par_uc), against the thresholds computed the same day
-- (seuils_quartiles(N)) for the territory of the first-choice commune (EPCI, region in
-- Île-de-France); split mutation / hors mutation.
SELECT d.commune_premier_choix AS code_commune,
       quartile_uc(ressources_par_uc(d.revenu_mensuel, d.taille_menage, d.nb_enfants),
                   s.seuil_q1, s.seuil_q2, s.seuil_q3) AS categorie,
       colonne_mutation(d.logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee()) d
LEFT JOIN territoires_quartiles() t ON t.code_commune = d.commune_premier_choix
LEFT JOIN seuils_quartiles(getvariable('annee')) s USING (territoire_quartile)
WHERE NOT d.personne_morale
GROUP BY ALL
