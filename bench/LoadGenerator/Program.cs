using InventoryProFlow.Bench;

// The load generator behind `make bench` (scripts/bench.sh calls each step in turn):
//   wait-ready  --base URL [--timeout-seconds N] [--pid P] until /health/ready answers 200 (fails early if P exits)
//   setup       --base URL --out FILE                     registers the benchmark organisation (admin token, ids)
//   run         --base URL --org FILE --locations CSV --products CSV --out FILE
//                                                         warm-up, sales phases, inventory reader, ledger verification
//   report      [--http FILE --pg-uniform FILE ...] [--cluster DIR --cluster-api-nodes N] --out FILE
//                                                         merges the parts into the final JSON (printed last on stdout)
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
    Console.Error.WriteLine("usage: loadgen wait-ready|setup|run|report --option value ...");
    return 2;
}
