SELECT commune_premier_choix AS code_commune,
       categorie_situation(situation_familiale) AS categorie,
       CASE WHEN logement_actuel = 'LOCATAIRE_HLM' THEN 'mutation' ELSE 'hors_mutation' END AS colonne,
       count(*) AS n
FROM demandes_versions
GROUP BY ALL
