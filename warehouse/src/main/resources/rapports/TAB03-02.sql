-- TAB03-02 Demandes en cours (active on 31 December, hors associations) by age of the applicant,
-- age = year - annee_naissance; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       tranche_age(annee_naissance) AS categorie,
       colonne_mutation(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
