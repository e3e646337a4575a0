-- TAB03-13 Demandes en cours (active on 31 December, hors associations) by mutation / hors
-- mutation (logement_actuel = LOCATAIRE_HLM; empty counts as hors mutation); located by the
-- first-choice commune.
SELECT commune_premier_choix AS code_commune,
       categorie_mutation(logement_actuel) AS categorie,
       count(*) AS n
FROM demandes_active_on(year_end())
WHERE NOT personne_morale
GROUP BY ALL
