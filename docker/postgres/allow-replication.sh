#!/bin/sh
# Run once by the postgres image when it initialises its volume: lets the replica profile's
# pg_basebackup and streaming replication connect with the database user's password.
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
