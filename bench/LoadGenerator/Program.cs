using InventoryProFlow.Bench;
using InventoryProFlow.Bench.Chaos;
using InventoryProFlow.Bench.Fairness;

// The load generator behind `make bench` (scripts/bench.sh calls each step in turn):
//   wait-ready  --base URL [--timeout-seconds N] [--pid P] until /health/ready answers 200 (fails early if P exits)
//   setup       --base URL --out FILE                     registers the benchmark organisation (admin token, ids)
//   run         --base URL --org FILE --locations CSV --products CSV --out FILE
//                                                         warm-up, sales phases, inventory reader, ledger verification
//   report      [--http FILE --pg-uniform FILE ...] [--cluster DIR --cluster-api-nodes N] --out FILE
//                                                         merges the parts into the final JSON (printed last on stdout)
//   chaos       --nodes URL,URL --cluster SCRIPT --connection FILE --out FILE [--tap FILE] [--membership FILE]
//                                                         sales through every Api node while scripts/chaos.sh's faults happen,
//                                                         then the ledger checked against what was acknowledged
//   fairness    --base URL --out FILE                     organisation B's POS sales and webhooks alone, then while
//                                                         organisation A floods (scripts/bench-fairness.sh)
// Every target must be a loopback address: this tool never sends traffic anywhere else.
try
{
    var options = Options.Parse(args.Skip(1));
    return args.FirstOrDefault() switch
    {
        "wait-ready" => await Setup.WaitReady(options),
        "setup" => await Setup.Register(options),
        "run" => await LoadRun.Run(options),
        "report" => Report.Run(options),
        "chaos" => await ChaosRun.Run(options),
        "fairness" => await FairnessRun.Run(options),
        _ => Usage(),
    };
}
catch (BenchException error)
{
    Console.Error.WriteLine($"loadgen: error: {error.Message}");
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: loadgen wait-ready|setup|run|report|chaos|fairness --option value ...");
    return 2;
}
