-- A schema of its own for the Jakarta Batch job repository of clustered workers (docker/payara/
-- post-boot-commands.asadmin points it here), so its tables never sit in the application's schema.
CREATE SCHEMA IF NOT EXISTS tradesense_batch;
