using InventoryProFlow.Silo.Hosting;
using InventoryProFlow.Silo.Logging;
using Microsoft.Extensions.Hosting;
using Serilog;

// A silo process of a cluster: ADO.NET clustering on PostgreSQL, no HTTP.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration["Orleans:Mode"] ??= nameof(OrleansMode.Cluster);
builder.Services.AddSerilog((_, logs) => JsonLogs.Configure(logs, builder.Configuration, "ipf-silo"));
builder.AddInventorySilo();
using var host = builder.Build();
await host.Services.PrepareDatabaseAsync();
await host.RunAsync();
