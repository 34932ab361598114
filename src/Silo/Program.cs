using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Silo.Hosting;
using InventoryProFlow.Silo.Logging;
using InventoryProFlow.Silo.Metrics;
using InventoryProFlow.Silo.Transport;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Hosting;
using Serilog;

// A silo process of a cluster: ADO.NET clustering on PostgreSQL, no HTTP.
// Making a cluster certificate needs neither configuration nor a database.
if (args.FirstOrDefault() == ClusterCertificateCommand.Verb)
{
    return ClusterCertificateCommand.Run(args, TimeProvider.System, Console.Out, Console.Error);
}

var builder = Host.CreateApplicationBuilder(args);
// Its own file name: the Api references this project, and an appsettings.json would be copied over the Api's.
// Read first, so environment variables and the command line still win.
var siloSettings = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, "silosettings.json"), Optional = true };
siloSettings.ResolveFileProvider();
builder.Configuration.Sources.Insert(0, siloSettings);
builder.Configuration["Orleans:Mode"] ??= nameof(OrleansMode.Cluster);
builder.Services.AddSerilog((_, logs) => JsonLogs.Configure(logs, builder.Configuration, "ipf-silo"));
if (args.FirstOrDefault() is LedgerCheck.Verb or SigningKeyRotation.Verb or KekRotation.Verb)
{
    // An operator's command over every organisation may read the whole ledger: no statement timeout unless one is set.
    builder.Configuration["Database:ReportStatementTimeoutSeconds"] ??= "0";
    builder.Services.AddGrainServices(builder.Configuration.PostgresConnectionString());
    using var tool = builder.Build();
    return args[0] switch
    {
        LedgerCheck.Verb => await LedgerCheck.RunAsync(tool.Services, Console.Out),
        SigningKeyRotation.Verb => await SigningKeyRotation.RunAsync(tool.Services, Console.Out),
        _ => await KekRotation.RunAsync(tool.Services, Console.Out),
    };
}

builder.AddInventorySilo();
builder.AddSiloMetricsEndpoint();
using var host = builder.Build();
var report = await host.Services.PrepareDatabaseAsync();
// A generated password exists nowhere else: the person starting the first silo must see it.
foreach (var line in report.LoginLines())
{
    Console.WriteLine($"Login {line}");
}

await host.RunAsync();
return 0;
