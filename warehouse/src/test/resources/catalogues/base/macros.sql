-- The helpers of the test catalogue.
CREATE MACRO age_in(annee, annee_naissance) AS annee - annee_naissance;

-- ==== The dimensions' macros (generated from dimensions/*.yaml) ====
