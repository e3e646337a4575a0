-- TAB03-02 Demandes en cours (active on 31 December, hors associations) by age of the applicant,
-- age = year - annee_naissance; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_tranche_age(getvariable('annee') - annee_naissance) AS categorie,
       mutation_column(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
