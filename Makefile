# Inventory Pro Flow developer entry points. `make` alone lists them.
SLN := InventoryProFlow.sln

.DEFAULT_GOAL := help
.PHONY: help run test test-dates build stop format clean bench bench-fairness verify-ledger forecast-eval rotate-signing-key rotate-kek cluster cluster-stop chaos backup restore-drill

help:
	@echo "make run     build and run the Api on http://localhost:3000 (local PostgreSQL in .data/pg)"
	@echo "make test    format check, build and all tests; last line: N passed, N failed, N skipped"
	@echo "make test-dates  make test twice, as if the date were 2027-03-01 and 2028-02-29 (libfaketime); DATES=\"...\" for others"
	@echo "make build   dotnet build (Release)"
	@echo "make stop    stop the local PostgreSQL started by make run (data stays)"
	@echo "make format  apply dotnet format"
	@echo "make clean   remove build/ and bin/obj folders (keeps .data)"
	@echo "make bench   POS sales load on a fresh local PostgreSQL vs pgbench, then on a cluster of 1, 2 and 3 silos; JSON last on stdout (build/bench/result.json)"
	@echo "             BENCH_CLUSTER=0 skips the cluster run, BENCH_ONLY=cluster runs only it, BENCH_CLUSTER_SECONDS=30 its length (docs/PERFORMANCE.md)"
	@echo "make bench-fairness   one tenant floods POS pushes with 200 hanging webhooks; the other's sale p99 and webhook delays, alone and with it (build/bench-fairness/result.json)"
	@echo "make forecast-eval [DATA=path]  rolling-origin backtest of the demand forecast; JSON last on stdout (build/forecast-eval/result.json, chart.svg)"
	@echo "make verify-ledger  prove quantity = sum of ledger for every product-location (.data/pg or ConnectionStrings__Postgres)"
	@echo "make rotate-signing-key  add a fresh token-signing key to the ring (.data/pg or ConnectionStrings__Postgres)"
	@echo "make rotate-kek  a new key-encryption key (appended to .data/keys/kek) reseals every secret in the database"
	@echo "make backup  base backup of the make run database (.data/pg, or ConnectionStrings__Postgres) into .data/backups/base, checked; keeps 7"
	@echo "make restore-drill  backup, point-in-time restore into a new cluster, the Api on it, sales and ledger checked; JSON last (build/restore-drill/result.json)"
	@echo "make cluster       3 silos + 2 Api nodes (:3100, :3101) on loopback with one PostgreSQL, in the background"
	@echo "make cluster-stop  stop them"
	@echo "make chaos   kill -9 a silo, then an Api node, then restart PostgreSQL under a steady sales load; JSON last (build/chaos/result.json)"
	@echo "make help    this list (the default)"

run:
	scripts/run.sh

test:
	scripts/test.sh

# DATES: semicolon-separated times for date(1), e.g. DATES="2029-12-31 23:30:00Z;2030-01-01 00:30:00Z".
test-dates:
	DATES="$(DATES)" scripts/test-dates.sh

build:
	dotnet build $(SLN) -c Release -nologo

verify-ledger:
	scripts/verify-ledger.sh

rotate-signing-key:
	scripts/rotate-signing-key.sh

rotate-kek:
	scripts/rotate-kek.sh

stop:
	scripts/pg.sh stop .data/pg

# Settings: IPF_BACKUP_DIR, IPF_BACKUP_KEEP, IPF_BACKUP_KEY_FILE; restoring is scripts/restore.sh (docs/OPERATIONS.md "Backups and restore").
backup:
	scripts/backup.sh

restore-drill:
	scripts/restore-drill.sh

cluster:
	scripts/cluster.sh start

cluster-stop:
	scripts/cluster.sh stop

# CHAOS_* variables shape the run; `scripts/chaos.sh --short` is the form `make test` runs. See docs/OPERATIONS.md.
chaos:
	scripts/chaos.sh

format:
	dotnet format $(SLN)

# .data holds the dev database and secrets, so it is never cleaned here.
clean:
	rm -rf build
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

# Sizes and durations come from BENCH_* variables; see scripts/bench.sh and docs/PERFORMANCE.md.
bench:
	scripts/bench.sh

# One tenant flooding POS pushes with 200 webhooks to a receiver that never answers, against another's sales; see docs/PERFORMANCE.md.
bench-fairness:
	scripts/bench-fairness.sh

# DATA (a CSV with date,store_number,item_number,bottles_sold) defaults to ../shared/data's Iowa history; see docs/FORECASTING.md.
forecast-eval:
	DATA=$(DATA) scripts/forecast-eval.sh
