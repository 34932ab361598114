using InventoryProFlow.Api.Hosting;
using InventoryProFlow.Api.Operations;

var app = ApiApplication.Build(args);
var report = await app.StartServingAsync();
StartupBanner.Print(app.Urls, report, Console.Out);
await app.WaitForShutdownAsync();
