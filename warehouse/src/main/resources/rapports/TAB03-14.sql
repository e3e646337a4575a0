-- TAB03-14 Demandes en cours (active on 31 December, hors associations) by handicap (a member of
-- the household has a disability); located by the first-choice commune; split mutation / hors
-- mutation.
SELECT commune_premier_choix AS code_commune,
       categorie_oui_non(handicap) AS categorie,
       colonne_mutation(logement_actuel) AS colonne,
       count(*) AS n
FROM demandes_actives_le(fin_annee())
WHERE NOT personne_morale
GROUP BY ALL
