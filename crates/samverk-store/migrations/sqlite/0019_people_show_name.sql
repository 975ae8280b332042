-- Whether the person consented to her name being shown on the public pages. Until she does
-- (and again once she withdraws it or is erased), public pages show her by her role only.
ALTER TABLE people ADD COLUMN show_name BOOLEAN NOT NULL DEFAULT FALSE;
