-- TAB03-02 Demandes en cours (active on 31 December, hors associations) by age of the applicant,
-- age = year - annee_naissance; split mutation / hors mutation.
SELECT commune_premier_choix AS code_commune,
       CASE
           WHEN annee_naissance IS NULL THEN 'NON_RENSEIGNE'
           WHEN getvariable('annee') - annee_naissance < 25 THEN 'MOINS_25'
           WHEN getvariable('annee') - annee_naissance < 30 THEN '25_29'
           WHEN getvariable('annee') - annee_naissance < 40 THEN '30_39'
           WHEN getvariable('annee') - annee_naissance < 50 THEN '40_49'
           WHEN getvariable('annee') - annee_naissance < 65 THEN '50_64'
           WHEN getvariable('annee') - annee_naissance < 75 THEN '65_74'
           ELSE '75_PLUS'
       END AS categorie,
       colonne_mutation(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
