-- How extracts write periods and numbers, made one: `jan 2023`, `2023 M01`, `202301` → `2023-01`;
-- `2023 K1` → `2023-K1`, `2023 T1` → `2023-T1`; a year stays a year. Numbers in Swedish form
-- (`1 234`, `3,5`) are numbers; Kolada's `..`, dashes and blanks are no value (NULL), never 0.

CREATE OR REPLACE MACRO period_text(p) AS CASE
     WHEN p IS NULL OR p = '' THEN NULL
     WHEN regexp_full_match(p, '\d{4}(-(0[1-9]|1[0-2]))?') THEN p
     WHEN regexp_full_match(p, '\d{4}[-/. ]?(0[1-9]|1[0-2])') THEN left(p, 4) || '-' || right(p, 2)
     WHEN regexp_matches(p, '^\d{4}[-/.](0[1-9]|1[0-2])[-/.]\d{2}') THEN left(p, 4) || '-' || substr(p, 6, 2)
     WHEN regexp_full_match(p, '\d{4} ?-?[mM](0?[1-9]|1[0-2])') THEN left(p, 4) || '-' || lpad(regexp_extract(p, '(\d{1,2})$', 1), 2, '0')
     WHEN regexp_full_match(p, '\d{4} ?-?[kKqQ][1-4]') THEN left(p, 4) || '-K' || right(p, 1)
     WHEN regexp_full_match(p, '\d{4} ?-?[tT][1-3]') THEN left(p, 4) || '-T' || right(p, 1)
     WHEN regexp_full_match(p, '\d{4} ?-?[hH][12]') THEN left(p, 4) || '-H' || right(p, 1)
     WHEN regexp_full_match(lower(p), '(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)[a-zåäö]*\.?[ -]\d{4}') THEN
       right(p, 4) || '-' || lpad(CAST(list_position(['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
         replace(replace(left(lower(p), 3), 'may', 'maj'), 'oct', 'okt')) AS VARCHAR), 2, '0')
     ELSE p END;

-- A year a reader made a decimal (`2023.0`, from Parquet written by pandas) is still the year.
CREATE OR REPLACE MACRO normalise_period(raw) AS period_text(CASE WHEN typeof(raw) IN ('FLOAT', 'DOUBLE')
     THEN regexp_replace(CAST(raw AS VARCHAR), '\.0+$', '') ELSE trim(CAST(raw AS VARCHAR)) END);

-- A column the reader already typed as numbers needs no text handling (the million-row case).
CREATE OR REPLACE MACRO number_value(raw) AS CASE WHEN typeof(raw) <> 'VARCHAR' THEN TRY_CAST(raw AS DOUBLE) ELSE
   TRY_CAST(replace(replace(regexp_replace(trim(CAST(raw AS VARCHAR)), '[\s\x{00A0}\x{202F}]', '', 'g'), ',', '.'), '−', '-') AS DOUBLE) END;
