using InventoryProFlow.Silo.Hosting;
using InventoryProFlow.Silo.Logging;
using Microsoft.Extensions.Hosting;
using Serilog;

// A silo process of a cluster: ADO.NET clustering on PostgreSQL, no HTTP.
// Settings sit beside the binary, so the silo finds them from whatever folder it is started in.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration["Orleans:Mode"] ??= nameof(OrleansMode.Cluster);
builder.Services.AddSerilog((_, logs) => JsonLogs.Configure(logs, builder.Configuration, "ipf-silo"));
builder.AddInventorySilo();
using var host = builder.Build();
var report = await host.Services.PrepareDatabaseAsync();
// A generated password exists nowhere else: the person starting the first silo must see it.
foreach (var login in report.Logins)
{
    Console.WriteLine($"Login {login.Role} {login.Email} {login.Password}{(login.PasswordGenerated ? " (generated; shown once)" : string.Empty)}");
}

await host.RunAsync();
