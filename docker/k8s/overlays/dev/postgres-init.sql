-- Runs once, on the first start of an empty data volume: one database per service that owns data
-- (download's is POSTGRES_DB).
CREATE DATABASE project;
CREATE DATABASE media;
